import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate } from './services.js';

// 运营日志: duty roster with the daily staffing check, station guidance visits, facility checks.

export const DUTY_PLACES = ['market', 'station'] as const;
export const DutyPlace = z.enum(DUTY_PLACES, { error: '值班地点应为 零工市场/零工驿站' });
export type DutyPlace = z.infer<typeof DutyPlace>;
export const FACILITY_RESULTS = ['ok', 'needs_repair'] as const;
export const FacilityResult = z.enum(FACILITY_RESULTS, { error: '检查结果应为 正常/需维修' });

const Clock = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}格式应为 HH:MM，例如 09:00` });
const Text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}最多${max}个字` })
    .default('');
const Required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, { error: `${label}至少2个字` })
    .max(max, { error: `${label}最多${max}个字` });
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const PERIOD_ERROR = { error: '结束日期不能早于开始日期', path: ['to'] };
const Filters = z.object({ from: LedgerDate.optional(), to: LedgerDate.optional(), town: RegionCode.optional() });

/** One shift: who was on duty where, from when to when (Asia/Shanghai clock). */
export const CreateDutyBody = z
  .object({
    dutyDate: LedgerDate,
    staffId: z.uuid({ error: '请选择值班人员' }),
    place: DutyPlace,
    /** Required when place is station. */
    stationId: z.uuid({ error: '驿站ID格式不正确' }).nullable().default(null),
    onTime: Clock('上岗时间'),
    offTime: Clock('离岗时间'),
    note: Text('备注', 200),
  })
  .refine((b) => b.offTime > b.onTime, { error: '离岗时间应晚于上岗时间', path: ['offTime'] })
  .refine((b) => b.place !== 'station' || b.stationId !== null, { error: '驿站值班须选择驿站', path: ['stationId'] });
export type CreateDutyBody = z.infer<typeof CreateDutyBody>;

export const DutyShift = z.object({
  id: z.string(),
  dutyDate: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  place: DutyPlace,
  stationId: z.string().nullable(),
  placeName: z.string(),
  onTime: z.string(),
  offTime: z.string(),
  note: z.string(),
  regionCode: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
});
export type DutyShift = z.infer<typeof DutyShift>;
export const DutyShiftPage = pageOf(DutyShift);
export const DutyQuery = Filters.extend({ place: DutyPlace.optional() })
  .extend(PageQuery.shape)
  .refine(ordered, PERIOD_ERROR);
export type DutyQuery = z.infer<typeof DutyQuery>;

/** The daily check: at least `required` staff on site through the service hours. */
export const DutyDayQuery = z
  .object({ from: LedgerDate, to: LedgerDate, place: DutyPlace.default('market'), town: RegionCode.optional() })
  .refine(ordered, PERIOD_ERROR)
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, { error: '最多查询93天', path: ['to'] });
export type DutyDayQuery = z.infer<typeof DutyDayQuery>;
export const DutyDay = z.object({
  date: z.string(),
  staffCount: z.number(),
  minOnSite: z.number(),
  required: z.number(),
  open: z.string(),
  close: z.string(),
  met: z.boolean(),
  reason: z.string(),
});
export type DutyDay = z.infer<typeof DutyDay>;
export const DutyDayList = z.object({ items: z.array(DutyDay), metDays: z.number(), totalDays: z.number() });
export type DutyDayList = z.infer<typeof DutyDayList>;
/** A staff member the operations forms offer (duty roster, visits): the actor's region. */
export const OperationsStaffOption = z.object({ id: z.string(), name: z.string(), regionCode: z.string() });
export type OperationsStaffOption = z.infer<typeof OperationsStaffOption>;

/** A guidance visit to a station (驿站指导): who visited, what was covered, issues and follow-up. */
export const CreateVisitBody = z.object({
  stationId: z.uuid({ error: '请选择驿站' }),
  visitedOn: LedgerDate,
  visitorStaffId: z.uuid({ error: '请选择指导人员' }),
  content: Required('指导内容', 500),
  issuesFound: Text('发现问题', 500),
  followUp: Text('整改跟进', 500),
});
export type CreateVisitBody = z.infer<typeof CreateVisitBody>;
export const StationVisit = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  visitedOn: z.string(),
  visitorStaffId: z.string(),
  visitorName: z.string(),
  content: z.string(),
  issuesFound: z.string(),
  followUp: z.string(),
  regionCode: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
});
export type StationVisit = z.infer<typeof StationVisit>;
export const StationVisitPage = pageOf(StationVisit);

/** A facility check (设施检查) at the market (no station) or a station. */
export const CreateFacilityCheckBody = z
  .object({
    stationId: z.uuid({ error: '驿站ID格式不正确' }).nullable().default(null),
    checkedOn: LedgerDate,
    items: z
      .array(z.string().trim().min(1, { error: '检查项目不能为空' }).max(30, { error: '检查项目最多30个字' }))
      .min(1, { error: '至少填写一个检查项目' })
      .max(30, { error: '检查项目最多30项' }),
    result: FacilityResult,
    faults: Text('问题说明', 500),
    followUp: Text('处理情况', 500),
  })
  .refine((b) => b.result === 'ok' || b.faults !== '', { error: '需维修时请填写问题说明', path: ['faults'] });
export type CreateFacilityCheckBody = z.infer<typeof CreateFacilityCheckBody>;
export const FacilityCheck = z.object({
  id: z.string(),
  stationId: z.string().nullable(),
  placeName: z.string(),
  checkedOn: z.string(),
  items: z.array(z.string()),
  result: FacilityResult,
  faults: z.string(),
  followUp: z.string(),
  regionCode: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
});
export type FacilityCheck = z.infer<typeof FacilityCheck>;
export const FacilityCheckPage = pageOf(FacilityCheck);

export const OperationsListQuery = Filters.extend(PageQuery.shape).refine(ordered, PERIOD_ERROR);
export type OperationsListQuery = z.infer<typeof OperationsListQuery>;
export const OperationsExportQuery = Filters.refine(ordered, PERIOD_ERROR);
export type OperationsExportQuery = z.infer<typeof OperationsExportQuery>;
export const OperationsIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
