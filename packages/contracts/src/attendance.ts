import { z } from 'zod';

export const CHECK_METHODS = ['location', 'qr'] as const;

const Lng = z
  .number({ error: '经度应为数字' })
  .min(-180, { error: '经度超出范围' })
  .max(180, { error: '经度超出范围' });
const Lat = z.number({ error: '纬度应为数字' }).min(-90, { error: '纬度超出范围' }).max(90, { error: '纬度超出范围' });

/** 签到/签退: by the phone's location, or by the token of the employer's rotating QR code. */
export const CheckBody = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('location'), lng: Lng, lat: Lat }),
    z.object({
      method: z.literal('qr'),
      token: z
        .string({ error: '请扫描用工方的签到二维码' })
        .trim()
        .regex(/^[0-9a-f]{16}$/, { error: '签到二维码无效' }),
    }),
  ],
  { error: '签到方式应为 定位(location) 或 扫码(qr)' },
);
export type CheckBody = z.infer<typeof CheckBody>;

export const AttendanceDay = z.object({
  day: z.string(),
  checkInAt: z.string(),
  checkInMethod: z.enum(CHECK_METHODS),
  checkInDistanceM: z.number().nullable(),
  checkOutAt: z.string().nullable(),
  checkOutMethod: z.enum(CHECK_METHODS).nullable(),
  minutes: z.number().int().nullable(),
});
export const AttendanceSummary = z.object({
  applicationId: z.string(),
  status: z.string(),
  days: z.array(AttendanceDay),
  totalMinutes: z.number().int(),
  totalHours: z.number(),
  /** Checked in and not yet out. */
  onDuty: z.boolean(),
  /** When the employer may mark a no-show (start + grace), ISO; null when the job has no start. */
  noShowAfter: z.string().nullable(),
  /**
   * Completion confirmed. What is owed comes from the wage statements; `amountDueFen`/`amountDueYuan`
   * are only set on completions confirmed by older versions, which had the employer type an amount.
   */
  completion: z
    .object({
      amountDueFen: z.number().int().nullable(),
      amountDueYuan: z.string().nullable(),
      confirmedAt: z.string(),
    })
    .nullable(),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

/** The employer's rotating check-in QR for a job (valid for the current and previous window). */
export const CheckInQr = z.object({
  url: z.string(),
  token: z.string(),
  pngDataUrl: z.string(),
  windowSeconds: z.number().int(),
  expiresAt: z.string(),
});
export type CheckInQr = z.infer<typeof CheckInQr>;

export const NoShowBody = z
  .object({ reason: z.string().trim().max(200, { error: '说明最多200个字' }).optional() })
  .nullish();

/**
 * 完工确认: no amount is typed any more; the wage statement (待结算 → 出具工资单) is the one
 * record of what is owed. An old client sending `amountYuan` is told so.
 */
export const CompleteBody = z
  .object({
    amountYuan: z.never({ error: '完工确认不再填写应付金额，请在“待结算”中出具工资单' }).optional(),
    note: z.string().trim().max(200, { error: '备注最多200个字' }).optional(),
  })
  .nullish();
export type CompleteBody = z.infer<typeof CompleteBody>;
