// Labels of the training pages (kept here so zod stays out of the console bundle).
export const FUNDING_LABELS: Record<'subsidised' | 'self_paid', string> = {
  subsidised: '补贴培训',
  self_paid: '自主培训',
};
export const PRIORITY_GROUP_OPTIONS = [
  '脱贫人口',
  '就业困难人员',
  '高校毕业生',
  '退役军人',
  '农村转移劳动力',
  '残疾人',
];
