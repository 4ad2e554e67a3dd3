import type { KpiIndicatorKey } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { COVERAGE_SHEET, villageCoverageFetcher } from '../collection/index.js';
import {
  PUBLICITY_INDICATOR_FILTERS,
  PUBLICITY_SERIES,
  PUBLICITY_SHEET,
  publicityFetcher,
} from '../publicity/index.js';
import type { Series } from './kpi.repository.js';
import { source, type RowSource } from './kpi.rows.js';
import { type Window } from '../../platform/reporting/index.js';

// Publicity and information-collection indicators: 优质媒体推文, 综合媒体宣传, 宣传信息及短视频,
// 活动宣传标语 (sums of the publicity ledger) and 就业信息采集覆盖行政村 (a cumulative coverage).

type SeriesLoader = (db: DbOrTx, w: Window) => Promise<Series>;

export const PUBLIC_SERVICE_SERIES: Partial<Record<KpiIndicatorKey, SeriesLoader>> = { ...PUBLICITY_SERIES };

const isPublicity = (key: KpiIndicatorKey): key is keyof typeof PUBLICITY_INDICATOR_FILTERS =>
  key in PUBLICITY_INDICATOR_FILTERS;

/** The rows behind the publicity and collection figures; a village row carries 1 when covered. */
export function publicServiceRows(deps: { db: DbOrTx }, key: KpiIndicatorKey): RowSource | null {
  if (isPublicity(key))
    return source(
      PUBLICITY_SHEET,
      publicityFetcher(deps.db, PUBLICITY_INDICATOR_FILTERS[key]),
      (r) => r.id,
      () => 1,
    );
  if (key === 'info_collection_villages')
    return source(
      COVERAGE_SHEET,
      villageCoverageFetcher(deps.db),
      (r) => r.code,
      (r) => (r.households > 0 ? 1 : 0),
    );
  return null;
}
