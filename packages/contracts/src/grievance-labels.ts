// Chinese labels of grievances (投诉/纠纷). Free of zod (re-exported by labels.ts).

export const GRIEVANCE_KIND_LABELS = {
  wage_arrears: '拖欠工资',
  safety: '安全问题',
  misdescribed: '与描述不符',
  no_show: '未按约定到岗',
  conduct: '态度/骚扰',
  other: '其他',
} as const;
export const GRIEVANCE_STATUS_LABELS = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已办结',
  escalated: '已移交劳动保障监察',
} as const;
export const GRIEVANCE_SIDE_LABELS = { worker: '零工', employer: '用工主体' } as const;
/** How a wage grievance (拖欠工资) was closed. */
export const WAGE_GRIEVANCE_OUTCOME_LABELS = {
  paid_after_mediation: '调解后已支付',
  referred_to_inspection: '移送劳动保障监察',
  withdrawn: '撤回',
} as const;
