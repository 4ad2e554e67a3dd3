import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

/** 'HH:MM', 24-hour clock. */
const ClockTime = z
  .string({ error: '请填写时间' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM，例如 09:00' });

/** A dictionary entry: stable code plus the Chinese label staff see. */
export const DictionaryEntry = z.object({
  code: z
    .string({ error: '请填写代码' })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { error: '代码只能由小写字母、数字和下划线组成（最多40位）' }),
  label: z.string({ error: '请填写名称' }).trim().min(1, { error: '请填写名称' }).max(30, { error: '名称最多30个字' }),
  disabled: z.boolean({ error: '停用标记应为是/否' }).default(false),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;

const Dictionary = z
  .array(DictionaryEntry, { error: '字典应为条目列表' })
  .min(1, { error: '字典至少需要一个条目' })
  .max(200, { error: '字典最多200个条目' })
  .refine((entries) => new Set(entries.map((e) => e.code)).size === entries.length, { error: '字典代码不能重复' });

const SwitchKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, { error: '开关名称只能由字母、数字和下划线组成' });
const IndicatorKey = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, { error: '指标代码只能由小写字母、数字和下划线组成' });
/** A KPI period: a year ('2025'), a half ('2025-H2'), a quarter ('2025-Q3') or a month ('2025-11'). */
const PeriodKey = z
  .string()
  .regex(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { error: '考核期格式应为 2025、2025-H2、2025-Q3 或 2025-11' });
const SmsTemplateKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: '模板代码只能由小写字母、数字和下划线组成' });

/**
 * Every system parameter (系统配置) with its type. Values are validated against these schemas on
 * write and again on read (a bad stored value falls back to the default).
 */
export const SETTING_SCHEMAS = {
  /** Clean postings of verified employers publish at once without review. */
  autoPublishVerifiedEmployers: z.boolean({ error: '应为开启或关闭' }),
  /** How far from the job's point a check-in may be, in metres. */
  checkInRadiusMetres: z
    .number({ error: '签到半径应为数字' })
    .int({ error: '签到半径应为整数' })
    .min(50, { error: '签到半径至少50米' })
    .max(5000, { error: '签到半径最多5000米' }),
  /** Minutes after a shift's start before the employer may mark a no-show (未到岗). */
  noShowGraceMinutes: z
    .number({ error: '未到岗宽限应为数字' })
    .int({ error: '未到岗宽限应为整数分钟' })
    .min(0, { error: '未到岗宽限不能为负数' })
    .max(720, { error: '未到岗宽限最多720分钟' }),
  /** Days after completion during which both sides may rate; ratings show when both rated or it ends. */
  ratingWindowDays: z
    .number({ error: '评价期限应为数字' })
    .int({ error: '评价期限应为整数天数' })
    .min(1, { error: '评价期限至少1天' })
    .max(60, { error: '评价期限最多60天' }),
  /** A hire cancelled by either side less than this many hours before the job starts counts as 临时取消 (credit). */
  lateCancelHours: z
    .number({ error: '临时取消时限应为数字' })
    .int({ error: '临时取消时限应为整数小时' })
    .min(1, { error: '临时取消时限至少1小时' })
    .max(168, { error: '临时取消时限最多168小时' }),
  /** Grievance SLA in hours: accept (from filing) and resolve (from acceptance). */
  grievanceSlaHours: z.object(
    {
      accept: z
        .number({ error: '受理时限应为数字' })
        .int({ error: '受理时限应为整数小时' })
        .min(1, { error: '受理时限至少1小时' })
        .max(720, { error: '受理时限最多720小时' }),
      resolve: z
        .number({ error: '办结时限应为数字' })
        .int({ error: '办结时限应为整数小时' })
        .min(1, { error: '办结时限至少1小时' })
        .max(2160, { error: '办结时限最多2160小时' }),
    },
    { error: '应包含受理时限和办结时限' },
  ),
  /**
   * 薪酬结算规则. deductionCapPercent: deductions on one statement may not exceed this share of the
   * computed wage (工资支付暂行规定 第十六条: 每月扣除部分不得超过当月工资的20%). minimumHourlyWageFen:
   * the local hourly minimum wage (柳州市/鹿寨县 figure, 广西壮族自治区最低工资标准; staff update it
   * when the region adjusts it); an hourly rate and an hourly statement after deductions may not go
   * below it. graceDays: days after the pay day before an unpaid statement is overdue and files a
   * wage grievance. autoReceiveDays: days of silence after payment before receipt is assumed.
   */
  wageRules: z.object(
    {
      deductionCapPercent: z
        .number({ error: '扣款上限应为数字' })
        .int({ error: '扣款上限应为整数百分比' })
        .min(0, { error: '扣款上限不能为负数' })
        .max(100, { error: '扣款上限最多100%' }),
      minimumHourlyWageFen: z
        .number({ error: '小时最低工资应为数字（分）' })
        .int({ error: '小时最低工资应为整数（分）' })
        .min(0, { error: '小时最低工资不能为负数' })
        .max(100_000, { error: '小时最低工资过大' }),
      graceDays: z
        .number({ error: '逾期宽限应为数字' })
        .int({ error: '逾期宽限应为整数天数' })
        .min(0, { error: '逾期宽限不能为负数' })
        .max(60, { error: '逾期宽限最多60天' }),
      autoReceiveDays: z
        .number({ error: '自动确认收款期限应为数字' })
        .int({ error: '自动确认收款期限应为整数天数' })
        .min(1, { error: '自动确认收款期限至少1天' })
        .max(30, { error: '自动确认收款期限最多30天' }),
      /** 升级阶梯: days after filing an unresolved wage grievance moves to the county centre, then to 劳动保障监察. */
      escalateAfterDays: z
        .object(
          {
            county: z
              .number({ error: '升级到县中心的天数应为数字' })
              .int({ error: '升级到县中心的天数应为整数' })
              .min(1, { error: '升级到县中心至少1天' })
              .max(60, { error: '升级到县中心最多60天' }),
            inspection: z
              .number({ error: '升级到劳动保障监察的天数应为数字' })
              .int({ error: '升级到劳动保障监察的天数应为整数' })
              .min(1, { error: '升级到劳动保障监察至少1天' })
              .max(120, { error: '升级到劳动保障监察最多120天' }),
          },
          { error: '应包含县中心和劳动保障监察两级' },
        )
        .refine((d) => d.inspection > d.county, {
          error: '升级到劳动保障监察的天数应大于升级到县中心的天数',
          path: ['inspection'],
        }),
    },
    { error: '应包含扣款上限、小时最低工资、逾期宽限、自动确认收款期限和升级阶梯' },
  ),
  /** SMS texts by template code; `${name}` placeholders are filled when sending. */
  smsTemplates: z.record(
    SmsTemplateKey,
    z
      .string({ error: '短信内容应为文字' })
      .trim()
      .min(2, { error: '短信内容至少2个字' })
      .max(300, { error: '短信内容最多300个字' }),
    { error: '短信模板应为 代码→内容' },
  ),
  /** KPI targets: indicator code → period → target figure. */
  kpiTargets: z.record(
    IndicatorKey,
    z.record(
      PeriodKey,
      z.number({ error: '目标值应为数字' }).int({ error: '目标值应为整数' }).min(0, { error: '目标值不能为负数' }),
      { error: '应为 考核期→目标值' },
    ),
    { error: '应为 指标→考核期→目标值' },
  ),
  /** 供需监测: a 工种 × town cell short of at least this many workers in a week alerts the town's station. */
  supplyAlertThreshold: z
    .number({ error: '缺口预警阈值应为数字' })
    .int({ error: '缺口预警阈值应为整数' })
    .min(1, { error: '缺口预警阈值至少为1人' })
    .max(100000, { error: '缺口预警阈值最多100000人' }),
  /** Service hall opening hours (Asia/Shanghai). */
  serviceHours: z
    .object({ open: ClockTime, close: ClockTime }, { error: '应包含开始和结束时间' })
    .refine((h) => h.open < h.close, { error: '结束时间应晚于开始时间', path: ['close'] }),
  /** Feature switches by name. */
  featureSwitches: z.record(SwitchKey, z.boolean({ error: '开关值应为开启或关闭' }), {
    error: '功能开关应为 名称→开启/关闭',
  }),
  /** 重点群体 dictionary. */
  priorityGroups: Dictionary,
  /** 文化程度 dictionary. */
  educationLevels: Dictionary,
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValues = { [K in SettingKey]: z.infer<(typeof SETTING_SCHEMAS)[K]> };
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];
export const SettingKeyParam = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: '没有这个配置项' }),
});

export const Setting = z.object({
  key: z.string(),
  value: z.unknown(),
  /** True when nothing was saved yet and the built-in default applies. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type Setting = z.infer<typeof Setting>;
export const SettingList = z.object({ items: z.array(Setting) });

export const UpdateSettingBody = z.object({ value: z.unknown() });
export type UpdateSettingBody = z.infer<typeof UpdateSettingBody>;

export const SettingHistoryQuery = PageQuery.extend({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: '没有这个配置项' }).optional(),
});
export const SettingChange = z.object({
  id: z.number().int(),
  key: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedById: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type SettingChange = z.infer<typeof SettingChange>;
export const SettingHistoryPage = pageOf(SettingChange);
