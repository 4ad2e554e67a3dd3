import { z } from 'zod';
import { GENDERS } from './enums.js';
import { PageQuery, RegionCode, pageOf } from './common.js';

export { REGISTRATION_CHANNEL_LABELS } from './labels.js';
export const REGISTRATION_CHANNELS = ['online', 'counter', 'station', 'household', 'event'] as const;
export const RegistrationChannel = z.enum(REGISTRATION_CHANNELS, {
  error: '登记渠道不正确',
});

export const WorkerListQuery = PageQuery.extend({ town: RegionCode.optional() });
export const WorkerSummary = z.object({
  id: z.string(),
  nameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  age: z.number().int().nullable(),
  homeRegionCode: z.string(),
  homeRegionName: z.string(),
  channel: RegistrationChannel,
  createdAt: z.string(),
});
export type WorkerSummary = z.infer<typeof WorkerSummary>;
export const WorkerPage = pageOf(WorkerSummary);

/** The full, unmasked view; every read of it is audited. */
export const WorkerPii = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type WorkerPii = z.infer<typeof WorkerPii>;
export const IdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
