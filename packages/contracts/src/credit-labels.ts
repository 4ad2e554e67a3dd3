// Chinese labels of ratings and credit (诚信管理). Free of zod (re-exported by labels.ts).

export const CREDIT_EVENT_KIND_LABELS = {
  completed: '完工',
  no_show: '爽约（未到岗）',
  late_cancel: '临时取消',
  rating_5: '获评5星',
  rating_4: '获评4星',
  rating_3: '获评3星',
  rating_2: '获评2星',
  rating_1: '获评1星',
  manual_adjust: '人工调整',
  appeal_upheld: '申诉成立（冲正）',
  wage_paid_on_time: '按时支付工资',
  wage_overdue: '工资逾期未付',
} as const;
export const CREDIT_LEVEL_NAMES = {
  excellent: '信用优秀',
  good: '信用良好',
  fair: '信用一般',
  poor: '信用较差',
} as const;
export const CREDIT_SUBJECT_LABELS = { worker: '零工', employer: '用工主体' } as const;
export const BLACKLIST_SCOPE_LABELS = { posting: '禁止发布岗位', applying: '禁止报名', all: '全部禁止' } as const;
export const APPEAL_STATUS_LABELS = { pending: '待处理', upheld: '申诉成立', rejected: '已驳回' } as const;
export const RATING_REVIEW_LABELS = { clean: '正常', flagged: '待审核', approved: '已通过', hidden: '已隐藏' } as const;

/** Fixed tags per rating side: what a worker says about an employer, and the reverse. */
export const RATING_TAGS = {
  employer: ['按时结算', '工钱如实', '安全有保障', '环境好', '态度友善', '活儿与描述相符', '拖欠工钱', '与描述不符'],
  worker: ['准时到岗', '干活认真', '手艺好', '吃苦耐劳', '服从安排', '沟通顺畅', '迟到早退', '做事马虎'],
} as const;
