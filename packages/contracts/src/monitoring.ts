import { z } from 'zod';
import { RegionCode } from './common.js';

/** Where a weekly supply/demand row came from (shared with the rollup table). */
export const MONITORING_SOURCES = ['live', 'reconstructed'] as const;

// 就业供需监测: supply and demand by 工种 × town × week from maintained rollups, the hall screen's
// figures, and shortage alerts to the stations.

/** A Monday ('YYYY-MM-DD', Asia/Shanghai) naming the week of a snapshot. */
const WeekStart = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '周应为 YYYY-MM-DD（周一）' });

export const SupplyDemandQuery = z.object({
  /** A day in the week to show; the current week by default. */
  week: WeekStart.optional(),
  town: RegionCode.optional(),
});
export type SupplyDemandQuery = z.infer<typeof SupplyDemandQuery>;

/** One 工种 × town cell of a week. `ratio` is 求人倍率 (demand / supply), null without supply. */
export const SupplyDemandCell = z.object({
  townCode: z.string(),
  townName: z.string(),
  occupationId: z.string(),
  occupationName: z.string(),
  demand: z.number().int(),
  supply: z.number().int(),
  gap: z.number().int(),
  ratio: z.number().nullable(),
});
export type SupplyDemandCell = z.infer<typeof SupplyDemandCell>;

export const SupplyDemandTotal = z.object({
  code: z.string(),
  name: z.string(),
  demand: z.number().int(),
  supply: z.number().int(),
  gap: z.number().int(),
});
export type SupplyDemandTotal = z.infer<typeof SupplyDemandTotal>;

export const SupplyDemandView = z.object({
  week: z.string(),
  /** When the snapshot of this week was last refreshed; null when none exists yet. */
  refreshedAt: z.string().nullable(),
  /** 'live' = snapshot of the state then; 'reconstructed' = rebuilt from posting and registration dates. */
  source: z.enum(MONITORING_SOURCES).nullable(),
  regionCode: z.string(),
  cells: z.array(SupplyDemandCell),
  byTown: z.array(SupplyDemandTotal),
  byOccupation: z.array(SupplyDemandTotal),
  topShortages: z.array(SupplyDemandCell),
  topSurpluses: z.array(SupplyDemandCell),
  /** Plain-Chinese reading of the week, e.g. 本周中渡镇缺砍蔗工 42 人，寨沙镇富余泥水工 15 人. */
  reading: z.string(),
  /** Weekly totals over the last 52 weeks (oldest first). */
  trend: z.array(z.object({ week: z.string(), demand: z.number().int(), supply: z.number().int() })),
  /** 系统配置 threshold: a cell whose gap reaches it raises an alert to the town's station. */
  alertThreshold: z.number().int(),
});
export type SupplyDemandView = z.infer<typeof SupplyDemandView>;

export const SupplyDemandCellQuery = z.object({
  town: RegionCode,
  occupationId: z.uuid({ error: '工种不正确' }),
});
export type SupplyDemandCellQuery = z.infer<typeof SupplyDemandCellQuery>;

/** The postings and workers behind a cell of the current week (names masked). */
export const SupplyDemandCellDetail = z.object({
  townName: z.string(),
  occupationName: z.string(),
  postings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      employerName: z.string(),
      headcount: z.number().int(),
      openPlaces: z.number().int(),
      publishedAt: z.string().nullable(),
    }),
  ),
  workers: z.array(z.object({ id: z.string(), name: z.string(), regionName: z.string(), registeredAt: z.string() })),
});
export type SupplyDemandCellDetail = z.infer<typeof SupplyDemandCellDetail>;

export const SupplyAlert = z.object({
  id: z.string(),
  week: z.string(),
  townCode: z.string(),
  townName: z.string(),
  stationName: z.string().nullable(),
  occupationName: z.string(),
  demand: z.number().int(),
  supply: z.number().int(),
  gap: z.number().int(),
  message: z.string(),
  createdAt: z.string(),
});
export type SupplyAlert = z.infer<typeof SupplyAlert>;
export const SupplyAlertList = z.object({ items: z.array(SupplyAlert) });
export type SupplyAlertList = z.infer<typeof SupplyAlertList>;

export const MonitoringRefreshResult = z.object({
  week: z.string(),
  cells: z.number().int(),
  alerts: z.number().int(),
});
export type MonitoringRefreshResult = z.infer<typeof MonitoringRefreshResult>;

const Progress = z.object({
  today: z.number().int(),
  year: z.number().int(),
  /** The contract target of the year (系统配置 overrides the contract). */
  target: z.number().int().nullable(),
});

/** Everything the hall screen shows besides the job ticker and notices (public, no personal data). */
export const ScreenSummary = z.object({
  day: z.string(),
  year: z.number().int(),
  refreshedAt: z.string().nullable(),
  registrations: Progress,
  matchmakings: Progress,
  openPlaces: z.number().int(),
  openPlacesByOccupation: z.array(z.object({ name: z.string(), value: z.number().int() })),
  gapByTown: z.array(SupplyDemandTotal),
  stations: z.array(z.object({ id: z.string(), name: z.string(), townName: z.string(), openingHours: z.string() })),
  reading: z.string(),
});
export type ScreenSummary = z.infer<typeof ScreenSummary>;

/** 供需监测月报: a month 'YYYY-MM' (not in the future), optionally one town. */
export const MonthlyReportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应为 YYYY-MM' }),
  town: RegionCode.optional(),
});
export type MonthlyReportQuery = z.infer<typeof MonthlyReportQuery>;
