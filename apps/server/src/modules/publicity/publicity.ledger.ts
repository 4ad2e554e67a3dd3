import type { PublicityItem } from '@lingong/contracts';
import { PUBLICITY_CHANNEL_LABELS, PUBLICITY_KIND_LABELS } from '@lingong/contracts/labels';
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { findRegionLabels } from '../reference/index.js';
import { presentItem } from './publicity.presenter.js';
import { findItems, type PublicityFilter } from './publicity.repository.js';
import { publicityItems, type PUBLICITY_KINDS } from './publicity.schema.js';
import {
  monthlyDayCount,
  shanghaiTime,
  type Fetched,
  type SheetSpec,
  type Slice,
  type Window,
} from '../../platform/reporting/index.js';

// The publicity ledger (宣传推广台账): fetcher, sheet and the monthly series behind its KPIs.

type Kind = (typeof PUBLICITY_KINDS)[number];
/** 宣传信息及短视频 counts every published piece: articles, posts, short videos and livestreams. */
export const POST_KINDS: Kind[] = ['article', 'post', 'short_video', 'livestream'];

export function publicityFetcher(db: DbOrTx, f: PublicityFilter = {}) {
  return async (w: Window, slice: Slice): Promise<Fetched<PublicityItem>> => {
    const { items: rows, total } = await findItems(db, w, f, slice);
    const regions = await findRegionLabels(
      db,
      rows.map((r) => r.item.regionCode),
    );
    return { total, items: rows.map((r) => presentItem(r, regions)) };
  };
}

export const PUBLICITY_SHEET: SheetSpec<PublicityItem> = {
  name: '宣传推广台账',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '宣传类型', width: 12, value: (r) => PUBLICITY_KIND_LABELS[r.kind] },
    { header: '优质推文', width: 10, value: (r) => (r.kind === 'article' ? (r.quality ? '是' : '否') : '') },
    { header: '标题/内容', width: 36, value: (r) => r.title },
    { header: '发布渠道', width: 12, value: (r) => PUBLICITY_CHANNEL_LABELS[r.channel] },
    { header: '链接', width: 36, value: (r) => r.link },
    { header: '附件', width: 10, value: (r) => (r.fileId ? '有' : '') },
    { header: '发布日期', width: 12, value: (r) => r.publishedOn },
    { header: '覆盖人次', width: 10, value: (r) => r.reach },
    { header: '所在地', width: 16, value: (r) => r.regionName },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '记录时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};

const series = (db: DbOrTx, w: Window, ...extra: SQL[]) =>
  monthlyDayCount(db, publicityItems, publicityItems.regionCode, publicityItems.publishedOn, w, extra);

/** Monthly counts of the four publicity indicators. */
export const PUBLICITY_SERIES = {
  publicity_articles: (db: DbOrTx, w: Window) =>
    series(db, w, eq(publicityItems.kind, 'article'), eq(publicityItems.quality, true)),
  publicity_campaigns: (db: DbOrTx, w: Window) => series(db, w, eq(publicityItems.kind, 'campaign')),
  publicity_posts: (db: DbOrTx, w: Window) => series(db, w, inArray(publicityItems.kind, POST_KINDS)),
  publicity_slogans: (db: DbOrTx, w: Window) => series(db, w, eq(publicityItems.kind, 'slogan')),
} as const;

/** The ledger filter behind each publicity indicator (drill-down rows). */
export const PUBLICITY_INDICATOR_FILTERS: Record<keyof typeof PUBLICITY_SERIES, PublicityFilter> = {
  publicity_articles: { kind: 'article', quality: true },
  publicity_campaigns: { kind: 'campaign' },
  publicity_posts: { kinds: POST_KINDS },
  publicity_slogans: { kind: 'slogan' },
};
