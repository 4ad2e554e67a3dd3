import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate, ServiceInstant } from './services.js';

// Recruitment events (专项招聘活动) and 送工 deliveries with three-party confirmation.

export const EVENT_KINDS = ['offline_fair', 'online_fair', 'livestream', 'station'] as const;
export const EventKind = z.enum(EVENT_KINDS, { error: '活动类型应为 线下招聘会/线上招聘会/直播带岗/驿站活动' });
export type EventKind = z.infer<typeof EventKind>;
export const STATION_EVENT_KINDS = ['fair', 'training', 'guidance', 'assistance'] as const;
export const StationEventKind = z.enum(STATION_EVENT_KINDS, {
  error: '驿站活动类型应为 招聘会/技能培训/就业创业指导/就业帮扶',
});
export type StationEventKind = z.infer<typeof StationEventKind>;

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  offline_fair: '线下招聘会',
  online_fair: '线上招聘会',
  livestream: '直播带岗',
  station: '驿站活动',
};
export const STATION_EVENT_KIND_LABELS: Record<StationEventKind, string> = {
  fair: '招聘会',
  training: '技能培训',
  guidance: '就业创业指导',
  assistance: '就业帮扶',
};
/** Online kinds count toward the "2 online" part of the H2 2025 target. */
export const ONLINE_EVENT_KINDS: readonly EventKind[] = ['online_fair', 'livestream'];

const Text = (label: string, max: number, min = 2) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}最多${max}个字` });

export const CreateEventBody = z
  .object({
    kind: EventKind,
    stationKind: StationEventKind.nullable().default(null),
    title: Text('活动名称', 60),
    heldAt: ServiceInstant,
    place: z.string({ error: '地点应为文字' }).trim().max(100, { error: '地点最多100个字' }).default(''),
    platform: z.string({ error: '直播平台应为文字' }).trim().max(30, { error: '直播平台最多30个字' }).default(''),
    link: z.string({ error: '链接应为文字' }).trim().max(300, { error: '链接最多300个字' }).default(''),
    regionCode: RegionCode,
  })
  .refine((b) => b.kind !== 'station' || b.stationKind !== null, { error: '请选择驿站活动类型', path: ['stationKind'] })
  .refine((b) => b.kind === 'station' || b.stationKind === null, {
    error: '只有驿站活动需要选择驿站活动类型',
    path: ['stationKind'],
  })
  .refine((b) => b.kind !== 'livestream' || b.platform.length > 0, {
    error: '直播带岗请填写直播平台',
    path: ['platform'],
  })
  .refine((b) => b.kind !== 'livestream' || /^https?:\/\//.test(b.link), {
    error: '直播带岗请填写以 http(s):// 开头的直播链接',
    path: ['link'],
  })
  .refine((b) => b.kind === 'online_fair' || b.kind === 'livestream' || b.place.length >= 2, {
    error: '线下活动请填写地点',
    path: ['place'],
  });
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const EventOutcomeBody = z.object({
  intentions: z
    .number({ error: '达成意向人数应为数字' })
    .int({ error: '达成意向人数应为整数' })
    .min(0, { error: '达成意向人数不能为负' })
    .max(100000, { error: '人数过大' }),
  hires: z
    .number({ error: '录用人数应为数字' })
    .int({ error: '录用人数应为整数' })
    .min(0, { error: '录用人数不能为负' })
    .max(100000, { error: '人数过大' }),
});
export type EventOutcomeBody = z.infer<typeof EventOutcomeBody>;

export const EventEmployerBody = z.object({
  employerId: z.uuid({ error: '请选择用工主体' }),
  jobIds: z
    .array(z.uuid({ error: '岗位ID格式不正确' }))
    .max(50, { error: '岗位最多50个' })
    .default([]),
});
export type EventEmployerBody = z.infer<typeof EventEmployerBody>;

export const RecruitmentEvent = z.object({
  id: z.string(),
  kind: EventKind,
  stationKind: StationEventKind.nullable(),
  title: z.string(),
  heldAt: z.string(),
  place: z.string(),
  platform: z.string(),
  link: z.string(),
  regionCode: z.string(),
  intentions: z.number(),
  hires: z.number(),
  employers: z.array(
    z.object({ employerId: z.string(), employerName: z.string().nullable(), jobIds: z.array(z.string()) }),
  ),
  attendees: z.number(),
  createdAt: z.string(),
});
export type RecruitmentEvent = z.infer<typeof RecruitmentEvent>;
export const EventListQuery = PageQuery.extend({ kind: EventKind.optional() });
export type EventListQuery = z.infer<typeof EventListQuery>;
export const RecruitmentEventPage = pageOf(RecruitmentEvent);
export const EventIdParam = z.object({ id: z.uuid({ error: '活动ID格式不正确' }) });

/** The rotating check-in token shown as a QR code at the venue. */
export const CheckinToken = z.object({ token: z.string(), expiresAt: z.string() });
export type CheckinToken = z.infer<typeof CheckinToken>;
export const CheckinBody = z.object({
  token: z
    .string({ error: '请扫描现场二维码' })
    .trim()
    .min(6, { error: '签到码不正确' })
    .max(64, { error: '签到码不正确' }),
});
export type CheckinBody = z.infer<typeof CheckinBody>;
export const Attendance = z.object({
  eventId: z.string(),
  workerId: z.string(),
  checkedInAt: z.string(),
  firstTime: z.boolean(),
});
export type Attendance = z.infer<typeof Attendance>;
export const EventAttendee = z.object({ workerId: z.string(), workerNameMasked: z.string(), checkedInAt: z.string() });
export type EventAttendee = z.infer<typeof EventAttendee>;
export const EventAttendeeList = z.object({ items: z.array(EventAttendee) });
export type EventAttendeeList = z.infer<typeof EventAttendeeList>;

// ---- 送工 deliveries ----------------------------------------------------------------------

export const DELIVERY_PARTIES = ['enterprise', 'sender', 'bureau'] as const;
export const DeliveryParty = z.enum(DELIVERY_PARTIES, { error: '确认方应为 用工企业/送工主体/人社部门' });
export type DeliveryParty = z.infer<typeof DeliveryParty>;
export const DELIVERY_PARTY_LABELS: Record<DeliveryParty, string> = {
  enterprise: '用工企业',
  sender: '送工主体',
  bureau: '人社部门',
};

export const CreateDeliveryBody = z.object({
  employerId: z.uuid({ error: '请选择用工企业' }),
  sender: Text('送工主体', 60),
  deliveredOn: LedgerDate,
  workerIds: z
    .array(z.uuid({ error: '送工人员ID格式不正确' }))
    .min(1, { error: '请至少选择1名送工人员' })
    .max(500, { error: '送工人员最多500人' }),
  regionCode: RegionCode,
  note: z.string({ error: '备注应为文字' }).trim().max(500, { error: '备注最多500个字' }).default(''),
});
export type CreateDeliveryBody = z.infer<typeof CreateDeliveryBody>;

export const ConfirmDeliveryBody = z.object({
  party: DeliveryParty,
  confirmedCount: z
    .number({ error: '确认人数应为数字' })
    .int({ error: '确认人数应为整数' })
    .min(0, { error: '确认人数不能为负' })
    .max(500, { error: '确认人数最多500' }),
  confirmer: Text('确认人', 30),
  note: z.string({ error: '备注应为文字' }).trim().max(500, { error: '备注最多500个字' }).default(''),
});
export type ConfirmDeliveryBody = z.infer<typeof ConfirmDeliveryBody>;

export const DeliveryConfirmation = z.object({
  party: DeliveryParty,
  confirmedCount: z.number(),
  confirmer: z.string(),
  discrepancy: z.boolean(),
  note: z.string(),
  confirmedAt: z.string(),
});
export const Delivery = z.object({
  id: z.string(),
  employerId: z.string(),
  employerName: z.string().nullable(),
  sender: z.string(),
  deliveredOn: z.string(),
  workerIds: z.array(z.string()),
  workerCount: z.number(),
  regionCode: z.string(),
  note: z.string(),
  confirmations: z.array(DeliveryConfirmation),
  /** All three parties confirmed the listed count. */
  settled: z.boolean(),
  hasDiscrepancy: z.boolean(),
  createdAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryPage = pageOf(Delivery);
export const DeliveryListQuery = PageQuery;

/** Event ledger (招聘活动台账) and delivery ledger (送工台账) rows. */
export const EventLedgerRow = z.object({
  id: z.string(),
  kind: EventKind,
  stationKind: StationEventKind.nullable(),
  title: z.string(),
  heldAt: z.string(),
  place: z.string(),
  platform: z.string(),
  link: z.string(),
  regionName: z.string(),
  employers: z.number(),
  jobs: z.number(),
  attendees: z.number(),
  intentions: z.number(),
  hires: z.number(),
  recorderName: z.string().nullable(),
});
export type EventLedgerRow = z.infer<typeof EventLedgerRow>;
export const DeliveryLedgerRow = z.object({
  id: z.string(),
  employerName: z.string(),
  sender: z.string(),
  deliveredOn: z.string(),
  workerCount: z.number(),
  enterpriseCount: z.number().nullable(),
  senderCount: z.number().nullable(),
  bureauCount: z.number().nullable(),
  discrepancy: z.string(),
  regionName: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryLedgerRow = z.infer<typeof DeliveryLedgerRow>;
export const EventLedgerPage = pageOf(EventLedgerRow);
export const DeliveryLedgerPage = pageOf(DeliveryLedgerRow);
