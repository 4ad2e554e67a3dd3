import { inArray } from 'drizzle-orm';
import type { KpiIndicatorKey } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { recruitmentEvents } from '../events/events.schema.js';
import { findRegionLabels } from '../reference/index.js';
import { classSessions } from '../training/training.schema.js';
import { countNeedCoverage, findNeedWorkers } from '../training/index.js';
import { monthlyCount, type Series } from './kpi.repository.js';
import { source, type RowSource } from './kpi.rows.js';
import { dayEnd, revealer, type SheetSpec, type Slice, type Window } from '../../platform/reporting/index.js';
import {
  CLASS_SESSION_SHEET,
  classSessionFetcher,
  EVENT_SHEET,
  eventFetcher,
  RECRUITMENT_EVENT_KINDS,
  STATION_EVENT_KINDS,
} from '../ledgers/index.js';

// Training and events indicators: 培训课时, 培训需求推荐覆盖率, 专项招聘活动, 基层驿站服务活动.

type SeriesLoader = (db: DbOrTx, w: Window) => Promise<Series>;

export const TRAINING_EVENT_SERIES: Partial<Record<KpiIndicatorKey, SeriesLoader>> = {
  training_sessions: (db, w) => monthlyCount(db, classSessions, classSessions.regionCode, classSessions.heldAt, w),
  recruitment_events: (db, w) =>
    monthlyCount(db, recruitmentEvents, recruitmentEvents.regionCode, recruitmentEvents.heldAt, w, [
      inArray(recruitmentEvents.kind, [...RECRUITMENT_EVENT_KINDS]),
    ]),
  station_events: (db, w) =>
    monthlyCount(db, recruitmentEvents, recruitmentEvents.regionCode, recruitmentEvents.heldAt, w, [
      inArray(recruitmentEvents.kind, [...STATION_EVENT_KINDS]),
    ]),
};

const percent = (covered: number, needs: number) => (needs === 0 ? 0 : Math.round((covered / needs) * 1000) / 10);

/**
 * Coverage (%): of the workers with a training need recorded before the period's end, the share
 * recommended at least once inside the period. It is a ratio, not a sum: the trend shows the
 * coverage reached by the end of each month (from the period's start).
 */
export async function loadCoverage(
  db: DbOrTx,
  w: Window,
  months: string[],
): Promise<{ actual: number; trend: Series }> {
  const whole = await countNeedCoverage(db, w);
  const trend: Series = new Map();
  for (const month of months) {
    const [y, m] = month.split('-').map(Number);
    const monthEnd = dayEnd(new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10));
    const end = w.end && w.end < monthEnd ? w.end : monthEnd;
    const c = await countNeedCoverage(db, { ...w, end });
    trend.set(month, percent(c.covered, c.needs));
  }
  return { actual: percent(whole.covered, whole.needs), trend };
}

type NeedRow = {
  workerId: string;
  workerNameMasked: string;
  regionName: string;
  intentions: string[];
  covered: boolean;
};
const NEED_COVERAGE_SHEET: SheetSpec<NeedRow> = {
  name: '培训需求推荐覆盖',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '姓名', width: 12, value: (r) => r.workerNameMasked },
    { header: '所在地', width: 22, value: (r) => r.regionName },
    { header: '培训意愿', width: 24, value: (r) => r.intentions.join('、') },
    { header: '期内已推荐', width: 12, value: (r) => (r.covered ? '是' : '否') },
  ],
};

/** The rows behind the training and events figures; coverage rows carry 1 when covered (sum = covered workers). */
export function trainingEventRows(
  deps: { db: DbOrTx; pii: Pii; now: () => Date },
  key: KpiIndicatorKey,
): RowSource | null {
  const one = () => 1;
  switch (key) {
    case 'training_sessions':
      return source(CLASS_SESSION_SHEET, classSessionFetcher(deps), (r) => r.id, one);
    case 'recruitment_events':
      return source(EVENT_SHEET, eventFetcher(deps, RECRUITMENT_EVENT_KINDS), (r) => r.id, one);
    case 'station_events':
      return source(EVENT_SHEET, eventFetcher(deps, STATION_EVENT_KINDS), (r) => r.id, one);
    case 'training_coverage': {
      const reveal = revealer(deps.pii, false);
      const fetch = async (w: Window, slice: Slice) => {
        const { items: rows, total } = await findNeedWorkers(deps.db, w, slice);
        const regions = await findRegionLabels(
          deps.db,
          rows.map((r) => r.regionCode),
        );
        return {
          total,
          items: rows.map((r) => ({
            workerId: r.workerId,
            workerNameMasked: reveal.name(r.nameEnc),
            regionName: regions.get(r.regionCode) ?? r.regionCode,
            intentions: r.intentions,
            covered: r.covered,
          })),
        };
      };
      return source(
        NEED_COVERAGE_SHEET,
        fetch,
        (r) => r.workerId,
        (r) => (r.covered ? 1 : 0),
      );
    }
    default:
      return null;
  }
}
