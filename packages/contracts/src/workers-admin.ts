import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { MobilePhone } from './validators/mobile.js';
import { EducationLevel, PriorityGroup, WorkerProfileBody } from './worker-profile.js';
import { WorkerSummary } from './workers.js';

/**
 * Staff worker search. Names are encrypted, so search uses the indexed fields: phone (blind
 * index, exact), last 4 of the ID number, 工种, town (subtree) and priority group.
 */
export const AdminWorkerSearchQuery = PageQuery.extend({
  town: RegionCode.optional(),
  phone: MobilePhone.optional(),
  idLast4: z
    .string()
    .trim()
    .regex(/^\d{3}[\dXx]$/, { error: '身份证后4位应为3位数字加1位数字或X' })
    .optional(),
  occupationId: z.uuid({ error: '工种不正确' }).optional(),
  priorityGroup: PriorityGroup.optional(),
});
export type AdminWorkerSearchQuery = z.input<typeof AdminWorkerSearchQuery>;
export const AdminWorkerSummary = WorkerSummary.extend({
  priorityGroups: z.array(z.string()),
  occupationNames: z.array(z.string()),
  creditLevel: z.string().nullable().optional(),
});
export type AdminWorkerSummary = z.infer<typeof AdminWorkerSummary>;
export const AdminWorkerPage = pageOf(AdminWorkerSummary);

/** Consent at the counter: an on-screen signature (PNG data URL) or a signed paper form. */
export const CounterConsent = z.discriminatedUnion(
  'method',
  [
    z.object({
      method: z.literal('signature'),
      signatureDataUrl: z
        .string({ error: '请让本人在屏幕上签名' })
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { error: '签名图片格式不正确，请重新签名' })
        .max(400_000, { error: '签名图片过大' }),
    }),
    z.object({
      method: z.literal('paper'),
      paperConsentSigned: z.literal(true, { error: '请确认本人已签署纸质授权书' }),
    }),
  ],
  { error: '请选择授权方式：屏幕签名或纸质授权书' },
);
export type CounterConsent = z.input<typeof CounterConsent>;

/** 代登记: the profile plus the worker's consent. */
export const CounterWorkerBody = WorkerProfileBody.extend({ consent: CounterConsent });
export type CounterWorkerBody = z.input<typeof CounterWorkerBody>;
/** A staff edit of a profile (every change audited). */
export const AdminWorkerUpdateBody = WorkerProfileBody;
export type AdminWorkerUpdateBody = z.input<typeof AdminWorkerUpdateBody>;

export const AdminWorkerDetail = AdminWorkerSummary.extend({
  ethnicity: z.string(),
  education: EducationLevel.nullable(),
  priorityGroupsVerified: z.boolean(),
  skills: z.array(z.object({ occupationId: z.string(), occupationName: z.string(), years: z.number().int() })),
  certificates: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), number: z.string() })),
  /** Online consents (by the worker's account) and counter consents (signature or paper). */
  consents: z.array(
    z.object({
      kind: z.string(),
      version: z.string(),
      method: z.enum(['online', 'signature', 'paper']),
      signatureFileId: z.string().nullable(),
      recordedByName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  registeredByStaffName: z.string().nullable(),
  hasAccount: z.boolean(),
  updatedAt: z.string(),
});
export type AdminWorkerDetail = z.infer<typeof AdminWorkerDetail>;

/** Suspected duplicates: profiles sharing a phone or an ID number (by blind index). */
export const WorkerDuplicateQuery = z.object({ town: RegionCode.optional() });
export const WorkerDuplicateGroups = z.object({
  items: z.array(z.object({ key: z.enum(['phone', 'id_number']), workers: z.array(AdminWorkerSummary) })),
});
export type WorkerDuplicateGroups = z.infer<typeof WorkerDuplicateGroups>;

/** Merge `mergeId` into `keepId`; the merged profile is removed. */
export const WorkerMergeBody = z
  .object({ keepId: z.uuid({ error: '请选择保留的登记' }), mergeId: z.uuid({ error: '请选择要合并的登记' }) })
  .refine((b) => b.keepId !== b.mergeId, { error: '不能与自身合并', path: ['mergeId'] });
export type WorkerMergeBody = z.input<typeof WorkerMergeBody>;
