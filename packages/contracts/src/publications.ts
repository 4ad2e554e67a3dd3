import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';

// 统一发布系统: an item written once, published to several channels after review, on a schedule.

export const PUBLICATION_KINDS = ['announcement', 'policy', 'job_bulletin'] as const;
export const PublicationKind = z.enum(PUBLICATION_KINDS, { error: '类型应为 公告/政策/岗位快讯' });
export type PublicationKind = z.infer<typeof PublicationKind>;

/** Channels: mobile banner and notice list, hall big screen, A4 poster (PDF), WeChat article (HTML). */
export const PUBLICATION_CHANNELS = ['banner', 'notice', 'screen', 'poster', 'wechat'] as const;
export const PublicationChannel = z.enum(PUBLICATION_CHANNELS, {
  error: '渠道应为 首页横幅/通知列表/大屏/海报/公众号',
});
export type PublicationChannel = z.infer<typeof PublicationChannel>;
/** Channels read by the public (the other two are exports). */
export const PublicChannel = z.enum(['banner', 'notice', 'screen'], { error: '渠道应为 banner/notice/screen' });
export type PublicChannel = z.infer<typeof PublicChannel>;

export const PUBLICATION_STATUSES = [
  'draft',
  'pending_review',
  'approved',
  'rejected',
  'published',
  'unpublished',
] as const;
export const PublicationStatus = z.enum(PUBLICATION_STATUSES, { error: '状态不正确' });
export type PublicationStatus = z.infer<typeof PublicationStatus>;

export const PUBLICATION_LOG_ACTIONS = ['published', 'unpublished', 'exported'] as const;

const Instant = z.iso.datetime({ offset: true, error: '时间格式不正确，应为 ISO 8601（含时区）' });

export const PublicationBody = z
  .object({
    kind: PublicationKind,
    title: z
      .string({ error: '请填写标题' })
      .trim()
      .min(4, { error: '标题至少4个字' })
      .max(60, { error: '标题最多60个字' }),
    summary: z.string({ error: '摘要应为文字' }).trim().max(120, { error: '摘要最多120个字' }).default(''),
    body: z
      .string({ error: '请填写正文' })
      .trim()
      .min(10, { error: '正文至少10个字' })
      .max(10_000, { error: '正文最多10000个字' }),
    /** 岗位快讯: the job postings it lists. */
    jobIds: z
      .array(z.uuid({ error: '岗位ID格式不正确' }), { error: '岗位应为列表' })
      .max(30, { error: '岗位最多30个' })
      .default([]),
    channels: z
      .array(PublicationChannel, { error: '请选择发布渠道' })
      .min(1, { error: '至少选择一个发布渠道' })
      .max(5, { error: '渠道最多5个' }),
    regionCode: RegionCode,
    publishAt: Instant.nullable().default(null),
    unpublishAt: Instant.nullable().default(null),
  })
  .refine((b) => !b.publishAt || !b.unpublishAt || b.unpublishAt > b.publishAt, {
    error: '下线时间须晚于发布时间',
    path: ['unpublishAt'],
  })
  .refine((b) => b.kind !== 'job_bulletin' || b.jobIds.length > 0, {
    error: '岗位快讯至少选择一个岗位',
    path: ['jobIds'],
  })
  .refine((b) => new Set(b.channels).size === b.channels.length, { error: '渠道不能重复', path: ['channels'] });
export type PublicationBody = z.input<typeof PublicationBody>;
export type PublicationBodyParsed = z.infer<typeof PublicationBody>;

export const PublicationIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
export const RejectPublicationBody = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(2, { error: '驳回原因至少2个字' })
    .max(200, { error: '驳回原因最多200个字' }),
});
export type RejectPublicationBody = z.infer<typeof RejectPublicationBody>;

export const PublicationListQuery = PageQuery.extend({
  status: PublicationStatus.optional(),
  kind: PublicationKind.optional(),
  channel: PublicationChannel.optional(),
  q: z.string().trim().max(30, { error: '关键词最多30个字' }).optional(),
  regionCode: RegionCode.optional(),
});
export type PublicationListQuery = z.infer<typeof PublicationListQuery>;

export const PublicationJob = z.object({ id: z.string(), title: z.string(), status: z.string() });

export const Publication = z.object({
  id: z.string(),
  kind: PublicationKind,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  jobIds: z.array(z.string()),
  channels: z.array(PublicationChannel),
  regionCode: z.string(),
  status: PublicationStatus,
  rejectReason: z.string().nullable(),
  publishAt: z.string().nullable(),
  unpublishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  authorStaffId: z.string().nullable(),
  reviewerStaffId: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Publication = z.infer<typeof Publication>;
export const PublicationPage = pageOf(Publication);
export type PublicationPage = z.infer<typeof PublicationPage>;

export const PublicationLog = z.object({
  id: z.string(),
  channel: PublicationChannel,
  action: z.enum(PUBLICATION_LOG_ACTIONS),
  staffId: z.string().nullable(),
  /** The staff member's name; null when the scheduler did it. */
  staffName: z.string().nullable(),
  at: z.string(),
});
export type PublicationLog = z.infer<typeof PublicationLog>;
export const PublicationLogList = z.object({ items: z.array(PublicationLog) });
export type PublicationLogList = z.infer<typeof PublicationLogList>;

/** What the public sees (mobile home, notice detail, big screen). */
export const PublicPublication = z.object({
  id: z.string(),
  kind: PublicationKind,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  regionCode: z.string(),
  publishedAt: z.string().nullable(),
  jobs: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type PublicPublication = z.infer<typeof PublicPublication>;
export const PublicPublicationPage = pageOf(PublicPublication);
export type PublicPublicationPage = z.infer<typeof PublicPublicationPage>;
export const PublicPublicationQuery = PageQuery.extend({ channel: PublicChannel, region: RegionCode.optional() });
