import { z } from 'zod';
import { GENDERS } from './enums.js';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate, FollowupStatus, MatchmakingChannel, MatchmakingKind, MatchmakingSource } from './services.js';
import { RegistrationChannel } from './workers.js';

// Ledgers (台账): the acceptance evidence. Region-scoped, masked lists and their .xlsx exports.

type Period = { from?: string; to?: string };
const periodOrdered = (q: Period) => !q.from || !q.to || q.from <= q.to;
const PERIOD_ERROR = { error: '结束日期不能早于开始日期', path: ['to'] };

/** Filters shared by every ledger: period (inclusive days, Asia/Shanghai) and town. */
const LedgerFilters = z.object({ from: LedgerDate.optional(), to: LedgerDate.optional(), town: RegionCode.optional() });

const RegistrationFilters = LedgerFilters.extend({
  channel: RegistrationChannel.optional(),
  priorityGroup: z
    .string()
    .trim()
    .min(1, { error: '重点群体不能为空' })
    .max(40, { error: '重点群体最多40个字' })
    .optional(),
});
const FollowupFilters = LedgerFilters.extend({
  workerId: z.uuid({ error: '求职者ID格式不正确' }).optional(),
  status: FollowupStatus.optional(),
});
const MatchmakingFilters = LedgerFilters.extend({
  channel: MatchmakingChannel.optional(),
  kind: MatchmakingKind.optional(),
  source: MatchmakingSource.optional(),
});
const GuidanceFilters = LedgerFilters.extend({ workerId: z.uuid({ error: '求职者ID格式不正确' }).optional() });

/** Exports: the same filters; `pii=full` exports real names and numbers (permission + audit). */
const ExportExtra = { pii: z.enum(['masked', 'full'], { error: '导出方式应为 masked 或 full' }).default('masked') };

export const RegistrationLedgerQuery = RegistrationFilters.extend(PageQuery.shape).refine(periodOrdered, PERIOD_ERROR);
export type RegistrationLedgerQuery = z.infer<typeof RegistrationLedgerQuery>;
export const RegistrationExportQuery = RegistrationFilters.extend(ExportExtra).refine(periodOrdered, PERIOD_ERROR);
export type RegistrationExportQuery = z.infer<typeof RegistrationExportQuery>;
export const FollowupLedgerQuery = FollowupFilters.extend(PageQuery.shape).refine(periodOrdered, PERIOD_ERROR);
export type FollowupLedgerQuery = z.infer<typeof FollowupLedgerQuery>;
export const FollowupExportQuery = FollowupFilters.extend(ExportExtra).refine(periodOrdered, PERIOD_ERROR);
export type FollowupExportQuery = z.infer<typeof FollowupExportQuery>;
export const MatchmakingLedgerQuery = MatchmakingFilters.extend(PageQuery.shape).refine(periodOrdered, PERIOD_ERROR);
export type MatchmakingLedgerQuery = z.infer<typeof MatchmakingLedgerQuery>;
export const MatchmakingExportQuery = MatchmakingFilters.extend(ExportExtra).refine(periodOrdered, PERIOD_ERROR);
export type MatchmakingExportQuery = z.infer<typeof MatchmakingExportQuery>;
export const GuidanceLedgerQuery = GuidanceFilters.extend(PageQuery.shape).refine(periodOrdered, PERIOD_ERROR);
export type GuidanceLedgerQuery = z.infer<typeof GuidanceLedgerQuery>;
export const GuidanceExportQuery = GuidanceFilters.extend(ExportExtra).refine(periodOrdered, PERIOD_ERROR);
export type GuidanceExportQuery = z.infer<typeof GuidanceExportQuery>;

const LatestFollowup = z.object({ status: FollowupStatus, contactedAt: z.string(), nextDate: z.string().nullable() });

/** One job-seeker registration (求职登记实名台账), masked. */
export const RegistrationLedgerRow = z.object({
  workerId: z.string(),
  nameMasked: z.string(),
  gender: z.enum(GENDERS).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  homeRegionCode: z.string(),
  homeRegionName: z.string(),
  priorityGroups: z.array(z.string()),
  channel: RegistrationChannel,
  recorderName: z.string().nullable(),
  registeredAt: z.string(),
  followupCount: z.number().int(),
  latestFollowup: LatestFollowup.nullable(),
});
export type RegistrationLedgerRow = z.infer<typeof RegistrationLedgerRow>;
export const RegistrationLedgerPage = pageOf(RegistrationLedgerRow);

export const FollowupLedgerRow = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: FollowupStatus,
  contactedAt: z.string(),
  note: z.string(),
  nextDate: z.string().nullable(),
  recorderName: z.string().nullable(),
});
export type FollowupLedgerRow = z.infer<typeof FollowupLedgerRow>;
export const FollowupLedgerPage = pageOf(FollowupLedgerRow);

export const MatchmakingLedgerRow = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  channel: MatchmakingChannel,
  kind: MatchmakingKind,
  source: MatchmakingSource,
  occurredAt: z.string(),
  recorderName: z.string().nullable(),
  note: z.string(),
});
export type MatchmakingLedgerRow = z.infer<typeof MatchmakingLedgerRow>;
export const MatchmakingLedgerPage = pageOf(MatchmakingLedgerRow);

export const GuidanceLedgerRow = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  sessionAt: z.string(),
  topic: z.string(),
  advice: z.string(),
  nextStep: z.string(),
  followupDate: z.string().nullable(),
  recorderName: z.string().nullable(),
});
export type GuidanceLedgerRow = z.infer<typeof GuidanceLedgerRow>;
export const GuidanceLedgerPage = pageOf(GuidanceLedgerRow);
