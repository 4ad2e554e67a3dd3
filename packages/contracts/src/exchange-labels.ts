// Chinese labels of the 数据交换 (数智人社) enums; zod-free for web bundles.

export const EXCHANGE_DATASET_LABELS: Record<string, string> = {
  job_postings: '岗位信息',
  employer_registrations: '用工主体登记',
  worker_registrations: '求职登记',
  matchmakings: '招聘求职对接',
};

export const EXCHANGE_STATE_LABELS: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已生成文件',
  accepted: '已接收',
  rejected: '被退回',
  dead: '发送失败',
};
