// Labels of the publicity, information-collection and operations enums (zod-free, for web bundles).

export const PUBLICITY_KIND_LABELS = {
  article: '推文',
  post: '宣传信息',
  short_video: '短视频',
  livestream: '直播',
  slogan: '宣传标语',
  campaign: '综合媒体宣传',
} as const;
export const PUBLICITY_CHANNEL_LABELS = {
  wechat_official: '微信公众号',
  wechat_channels: '视频号',
  douyin: '抖音',
  kuaishou: '快手',
  gov_website: '政府网站',
  newspaper: '报刊',
  tv_radio: '广播电视',
  outdoor: '户外/横幅',
  offline: '线下活动',
  other: '其他',
} as const;
export const MEMBER_STATUS_LABELS = {
  employed_local: '本地就业',
  migrant: '外出务工',
  flexible: '灵活就业',
  unemployed: '失业/未就业',
  not_in_labour_force: '非劳动力',
} as const;
export const MEMBER_NEED_LABELS = { job: '就业岗位', training: '技能培训', other: '其他' } as const;
export const DUTY_PLACE_LABELS = { market: '零工市场', station: '零工驿站' } as const;
export const FACILITY_RESULT_LABELS = { ok: '正常', needs_repair: '需维修' } as const;
