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
