// Labels of the events pages (kept here so zod stays out of the console bundle).
export const EVENT_KIND_LABELS: Record<'offline_fair' | 'online_fair' | 'livestream' | 'station', string> = {
  offline_fair: '线下招聘会',
  online_fair: '线上招聘会',
  livestream: '直播带岗',
  station: '驿站活动',
};
export const STATION_KIND_LABELS: Record<'fair' | 'training' | 'guidance' | 'assistance', string> = {
  fair: '招聘会',
  training: '技能培训',
  guidance: '就业创业指导',
  assistance: '就业帮扶',
};
export const PARTY_LABELS: Record<'enterprise' | 'sender' | 'bureau', string> = {
  enterprise: '用工企业',
  sender: '送工主体',
  bureau: '人社部门',
};
