import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate } from './services.js';

// 市场推广与宣传: publicity items (推文, 宣传信息, 短视频, 直播, 标语, 综合媒体宣传). Writes need services.write.

export const PUBLICITY_KINDS = ['article', 'post', 'short_video', 'livestream', 'slogan', 'campaign'] as const;
export const PublicityKind = z.enum(PUBLICITY_KINDS, { error: '宣传类型不正确' });
export type PublicityKind = z.infer<typeof PublicityKind>;
export const PUBLICITY_CHANNELS = [
  'wechat_official',
  'wechat_channels',
  'douyin',
  'kuaishou',
  'gov_website',
  'newspaper',
  'tv_radio',
  'outdoor',
  'offline',
  'other',
] as const;
export const PublicityChannel = z.enum(PUBLICITY_CHANNELS, { error: '发布渠道不正确' });
export type PublicityChannel = z.infer<typeof PublicityChannel>;
/** Kinds that must carry a link or an uploaded file as evidence. */
export const PUBLICITY_EVIDENCE_KINDS: readonly PublicityKind[] = ['article', 'post', 'short_video', 'livestream'];

const Link = z
  .string({ error: '链接应为文字' })
  .trim()
  .max(500, { error: '链接最多500个字符' })
  .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), { error: '链接应以 http:// 或 https:// 开头' })
  .default('');

const PublicityFields = z.object({
  kind: PublicityKind,
  /** Only articles: counted in 优质媒体推文. */
  quality: z.boolean({ error: '优质标记应为是/否' }).default(false),
  channel: PublicityChannel,
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(2, { error: '标题至少2个字' })
    .max(120, { error: '标题最多120个字' }),
  link: Link,
  fileId: z.uuid({ error: '附件ID格式不正确' }).nullable().default(null),
  publishedOn: LedgerDate,
  reach: z
    .number({ error: '覆盖人次应为数字' })
    .int({ error: '覆盖人次应为整数' })
    .min(0, { error: '覆盖人次不能为负数' })
    .max(100_000_000, { error: '覆盖人次过大' })
    .default(0),
  regionCode: RegionCode,
  note: z.string({ error: '备注应为文字' }).trim().max(500, { error: '备注最多500个字' }).default(''),
});
export const CreatePublicityBody = PublicityFields;
export type CreatePublicityBody = z.infer<typeof CreatePublicityBody>;
export const UpdatePublicityBody = PublicityFields.partial();
export type UpdatePublicityBody = z.infer<typeof UpdatePublicityBody>;

export const PublicityItem = z.object({
  id: z.string(),
  kind: PublicityKind,
  quality: z.boolean(),
  channel: PublicityChannel,
  title: z.string(),
  link: z.string(),
  fileId: z.string().nullable(),
  publishedOn: z.string(),
  reach: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  note: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicityItem = z.infer<typeof PublicityItem>;
export const PublicityPage = pageOf(PublicityItem);

const Filters = z.object({
  kind: PublicityKind.optional(),
  channel: PublicityChannel.optional(),
  quality: z.enum(['true', 'false'], { error: '优质标记应为 true 或 false' }).optional(),
  from: LedgerDate.optional(),
  to: LedgerDate.optional(),
  town: RegionCode.optional(),
});
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const PERIOD_ERROR = { error: '结束日期不能早于开始日期', path: ['to'] };
export const PublicityQuery = Filters.extend(PageQuery.shape).refine(ordered, PERIOD_ERROR);
export type PublicityQuery = z.infer<typeof PublicityQuery>;
export const PublicityExportQuery = Filters.refine(ordered, PERIOD_ERROR);
export type PublicityExportQuery = z.infer<typeof PublicityExportQuery>;
export const PublicityIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });

/** An image (poster, screenshot) uploaded as evidence, base64 without the data: prefix. */
export const PublicityFileBody = z.object({
  imageBase64: z.string({ error: '请选择图片' }).min(1, { error: '请选择图片' }).max(4_000_000, { error: '图片过大' }),
});
export type PublicityFileBody = z.infer<typeof PublicityFileBody>;
export const PublicityFile = z.object({ fileId: z.string(), mime: z.string(), sizeBytes: z.number() });
export type PublicityFile = z.infer<typeof PublicityFile>;
