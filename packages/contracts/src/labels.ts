// Chinese labels for enum values. Free of zod so web bundles can import it alone
// (`@lingong/contracts/labels`).

export const ROLE_LABELS = {
  worker: '零工',
  employer_owner: '用工主体负责人',
  employer_member: '用工主体成员',
  counter_staff: '窗口工作人员',
  station_agent: '驿站工作人员',
  reviewer: '审核员',
  admin: '管理员',
  supervisor: '监管（只读）',
} as const;

export const REGISTRATION_CHANNEL_LABELS = {
  online: '线上自助',
  counter: '窗口代登记',
  station: '驿站',
  household: '入户采集',
  event: '活动现场',
} as const;

export const JOB_KIND_LABELS = { contract: '合同用工', flexible: '灵活用工' } as const;
export const WAGE_UNIT_LABELS = { hour: '时', day: '天', piece: '件', month: '月' } as const;
export const SETTLEMENT_LABELS = { daily: '日结', weekly: '周结', monthly: '月结', on_completion: '完工结' } as const;
export const GENDER_LABELS = { male: '男', female: '女' } as const;
export const EMPLOYER_KIND_LABELS = {
  enterprise: '企业',
  individual_business: '个体工商户',
  private_person: '个人雇主',
  public_institution: '事业单位',
} as const;
export const VERIFICATION_STATUS_LABELS = {
  unverified: '未认证',
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  suspended: '已暂停',
} as const;
export const JOB_STATUS_LABELS = {
  draft: '草稿',
  pending_review: '待审核',
  published: '招聘中',
  filled: '已招满',
  closed: '已关闭',
  expired: '已过期',
  rejected: '未通过',
} as const;
export const DAY_PART_LABELS = { morning: '上午', afternoon: '下午', evening: '晚上', night: '夜班' } as const;
export const EDUCATION_LABELS = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '研究生',
} as const;
export const MODERATION_RULE_LABELS = {
  gender: '性别歧视',
  ethnicity: '民族歧视',
  region: '地域歧视',
  marital: '婚育歧视',
  health: '健康状况歧视',
  disability: '残疾歧视',
  age: '年龄限制',
  contact: '站外联系方式',
} as const;
export const JOB_SORT_LABELS = { newest: '最新', nearest: '最近', best_pay: '工资高' } as const;
export const FOLLOWUP_STATUS_LABELS = {
  employed: '已就业',
  seeking: '求职中',
  in_training: '培训中',
  other: '其他',
} as const;
export const MATCHMAKING_KIND_LABELS = { apply: '报名', invite: '邀请', referral: '推荐', hire: '录用' } as const;
export const MATCHMAKING_CHANNEL_LABELS = { online: '线上', offline: '线下' } as const;
export const MATCHMAKING_SOURCE_LABELS = { auto: '系统自动', manual: '人工登记' } as const;
/** 重点群体 as offered in the app (the same words the API accepts). */
export const PRIORITY_GROUP_LIST = [
  '脱贫劳动力',
  '零就业家庭成员',
  '残疾人',
  '退役军人',
  '高校毕业生',
  '农民工/返乡人员',
  '失业人员',
  '低保家庭成员',
  '大龄(4050)人员',
  '灵活就业人员',
] as const;
export const EMPLOYER_SIZE_LIST = ['10人以下', '10-49人', '50-299人', '300人以上'] as const;

export const WORD_CATEGORY_LABELS = {
  illegal: '违法违规',
  fraud: '诈骗/收费',
  discrimination: '就业歧视',
  vulgar: '低俗色情',
  contact_bypass: '站外联系',
  political: '政治敏感',
  other: '其他',
} as const;
export const WORD_ACTION_LABELS = { block: '拦截', review: '转人工审核', mask: '打码' } as const;
export * from './credit-labels.js';
export * from './public-services-labels.js';
export * from './grievance-labels.js';
export * from './exchange-labels.js';
