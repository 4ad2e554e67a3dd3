import type { PublicationChannel, PublicationKind, PublicationStatus } from '@lingong/contracts';

// 统一发布 labels (console only).
export const KIND_LABELS: Record<PublicationKind, string> = {
  announcement: '公告',
  policy: '政策',
  job_bulletin: '岗位快讯',
};
export const CHANNEL_LABELS: Record<PublicationChannel, string> = {
  banner: '首页横幅',
  notice: '通知列表',
  screen: '大屏',
  poster: 'A4海报',
  wechat: '公众号文章',
};
export const STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: '草稿',
  pending_review: '待审核',
  approved: '待发布',
  rejected: '已驳回',
  published: '已发布',
  unpublished: '已下线',
};
export const STATUS_TAG: Record<PublicationStatus, 'info' | 'warning' | 'primary' | 'danger' | 'success'> = {
  draft: 'info',
  pending_review: 'warning',
  approved: 'primary',
  rejected: 'danger',
  published: 'success',
  unpublished: 'info',
};
export const ACTION_LABELS: Record<string, string> = { published: '发布', unpublished: '下线', exported: '导出' };
