import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { WageLineInput } from './wages.js';

export * from './grievance-labels.js';

// Grievances (投诉/纠纷): a party of an application files one; staff accept, handle, resolve or
// escalate it to 劳动保障监察, each stage on an SLA clock (setting grievanceSlaHours).

export const GRIEVANCE_KINDS = ['wage_arrears', 'safety', 'misdescribed', 'no_show', 'conduct', 'other'] as const;
export const GRIEVANCE_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'escalated'] as const;
export const OPEN_GRIEVANCE_STATUSES = ['submitted', 'accepted', 'in_progress'] as const;
/** How a wage grievance was closed (recorded by staff, or `withdrawn` when the filer withdraws). */
export const WAGE_GRIEVANCE_OUTCOMES = ['paid_after_mediation', 'referred_to_inspection', 'withdrawn'] as const;
export const WageGrievanceOutcome = z.enum(WAGE_GRIEVANCE_OUTCOMES, {
  error: '结案结果应为 调解后已支付/移送劳动保障监察/撤回',
});
export type WageGrievanceOutcome = z.infer<typeof WageGrievanceOutcome>;
export const GrievanceKind = z.enum(GRIEVANCE_KINDS, { error: '请选择投诉类型' });
export const GrievanceStatus = z.enum(GRIEVANCE_STATUSES, { error: '投诉状态不正确' });
export type GrievanceKind = z.infer<typeof GrievanceKind>;
export type GrievanceStatus = z.infer<typeof GrievanceStatus>;

const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}最多${max}个字` });

export const FileGrievanceBody = z.object({
  kind: GrievanceKind,
  content: Text('投诉内容', 5, 500),
  /** A photo uploaded first through POST /app/grievance-photos. */
  photoFileId: z.uuid({ error: '照片格式不正确' }).nullable().optional(),
});
export type FileGrievanceBody = z.infer<typeof FileGrievanceBody>;

export const GrievancePhotoBody = z.object({
  image: z
    .string({ error: '请选择图片' })
    .min(1, { error: '请选择图片' })
    .max(1_000_000, { error: '图片太大，请换一张' })
    .regex(/^[A-Za-z0-9+/=\s]+$/, { error: '图片格式不正确' }),
});

export const GrievanceEvent = z.object({
  fromStatus: GrievanceStatus.nullable(),
  toStatus: GrievanceStatus,
  toStatusLabel: z.string(),
  actorKind: z.enum(['user', 'staff']),
  /** 零工 / 用工主体 / the staff member's name. */
  actorLabel: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type GrievanceEvent = z.infer<typeof GrievanceEvent>;

export const GrievanceSla = z.object({
  /** The current stage's deadline (accept or resolve); null once closed. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  stageLabel: z.string().nullable(),
});

/** What the filer (and the other party) sees. */
export const MyGrievance = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobTitle: z.string(),
  side: z.enum(['worker', 'employer']),
  mine: z.boolean(),
  kind: GrievanceKind,
  kindLabel: z.string(),
  content: z.string(),
  hasPhoto: z.boolean(),
  status: GrievanceStatus,
  statusLabel: z.string(),
  resolution: z.string().nullable(),
  escalationReason: z.string().nullable(),
  createdAt: z.string(),
  events: z.array(GrievanceEvent),
});
export type MyGrievance = z.infer<typeof MyGrievance>;
export const MyGrievancePage = pageOf(MyGrievance);
/** The filer withdraws an open grievance (e.g. the wages were paid after all); closes it as resolved. */
export const WithdrawGrievanceBody = z.object({
  reason: z
    .string({ error: '请填写撤回原因' })
    .trim()
    .min(2, { error: '撤回原因至少2个字' })
    .max(200, { error: '撤回原因最多200个字' }),
});
export type WithdrawGrievanceBody = z.infer<typeof WithdrawGrievanceBody>;
export const MyGrievanceQuery = PageQuery;

export const AdminGrievance = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  filerSide: z.enum(['worker', 'employer']),
  filerSideLabel: z.string(),
  kind: GrievanceKind,
  kindLabel: z.string(),
  content: z.string(),
  photoFileId: z.string().nullable(),
  status: GrievanceStatus,
  statusLabel: z.string(),
  regionCode: z.string(),
  handlerStaffId: z.string().nullable(),
  handlerName: z.string().nullable(),
  resolution: z.string().nullable(),
  escalationReason: z.string().nullable(),
  /** Wage grievances only: how it was closed (null while open or when closed without one). */
  wageOutcome: WageGrievanceOutcome.nullable(),
  wageOutcomeLabel: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sla: GrievanceSla,
});
export type AdminGrievance = z.infer<typeof AdminGrievance>;
export const AdminGrievanceDetail = AdminGrievance.extend({ events: z.array(GrievanceEvent) });
export type AdminGrievanceDetail = z.infer<typeof AdminGrievanceDetail>;
export const AdminGrievancePage = pageOf(AdminGrievance);

const BoolFlag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');
export const AdminGrievanceFilters = z.object({
  status: GrievanceStatus.optional(),
  kind: GrievanceKind.optional(),
  town: RegionCode.optional(),
  overdue: BoolFlag.optional(),
  employerId: z.uuid({ error: '用工主体ID格式不正确' }).optional(),
  workerId: z.uuid({ error: '零工ID格式不正确' }).optional(),
});
export const AdminGrievanceQuery = PageQuery.extend(AdminGrievanceFilters.shape);
export type AdminGrievanceQuery = z.infer<typeof AdminGrievanceQuery>;
export const AdminGrievanceExportQuery = AdminGrievanceFilters;
export type AdminGrievanceExportQuery = z.infer<typeof AdminGrievanceExportQuery>;

/**
 * 欠薪结案 may correct one statement of the hire: the new addition/deduction lines (replacing the
 * old ones) and the reason. The corrected statement goes back to 待确认 (issued) for the worker.
 */
export const WageCorrection = z.object({
  statementId: z.uuid({ error: '请选择要更正的工资单' }),
  lines: z.array(WageLineInput, { error: '明细应为列表' }).max(20, { error: '明细最多20条' }),
  reason: Text('更正原因', 2, 200),
});
export type WageCorrection = z.infer<typeof WageCorrection>;

/** A staff transition: accept, start (with a handler), resolve (resolution), escalate (reason). */
export const GrievanceActionBody = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('accept'),
      note: z.string().trim().max(200, { error: '备注最多200个字' }).optional(),
    }),
    z.object({
      action: z.literal('start'),
      handlerStaffId: z.uuid({ error: '请选择经办人' }).optional(),
      note: z.string().trim().max(200, { error: '备注最多200个字' }).optional(),
    }),
    z.object({ action: z.literal('resolve'), resolution: Text('处理结果', 5, 500) }),
    z.object({ action: z.literal('escalate'), reason: Text('移交原因', 5, 500) }),
    z.object({
      action: z.literal('close_wage'),
      outcome: WageGrievanceOutcome,
      note: Text('处理说明', 5, 500),
      correction: WageCorrection.optional(),
    }),
  ],
  { error: '操作应为 受理/开始处理/办结/移交/欠薪结案' },
);
export type GrievanceActionBody = z.infer<typeof GrievanceActionBody>;
export const GrievanceIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
