import type { KpiIndicatorKey } from '@lingong/contracts';
import { daysBetween, type ResolvedPeriod } from '../../platform/reporting/index.js';

/**
 * The contract indicators (year 1 of the Luzhai procurement, see DOMAIN.md) with their built-in
 * targets. The settings parameter `kpiTargets` (indicator → period key → figure) overrides them:
 * an exact period key ('2025-H2') wins, then the year's figure prorated to the period, then the
 * annual default here prorated the same way.
 */
export type IndicatorDef = {
  key: KpiIndicatorKey;
  label: string;
  unit: string;
  /** Per year; null when the contract sets no yearly figure. */
  annualTarget: number | null;
  /** Targets the contract sets for a specific period ('2025-H2'). */
  periodTargets?: Record<string, number>;
  /** False for a coverage figure that does not scale with the length of the period. */
  prorate: boolean;
  /** False while the records behind it are not kept yet (shown as 0). */
  available: boolean;
  note: string;
};

export const KPI_DEFINITIONS: readonly IndicatorDef[] = [
  {
    key: 'worker_registrations',
    label: '求职登记',
    unit: '人次',
    annualTarget: 3600,
    prorate: true,
    available: true,
    note: '线上线下采集的求职登记信息，每年不少于3600人次',
  },
  {
    key: 'matchmakings',
    label: '招聘求职对接',
    unit: '人次',
    annualTarget: 3600,
    prorate: true,
    available: true,
    note: '线上线下招聘求职对接（报名、邀请、推荐、录用），每年不少于3600人次',
  },
  {
    key: 'guidance_sessions',
    label: '一对一职业指导',
    unit: '人次',
    annualTarget: null,
    prorate: true,
    available: true,
    note: '职业介绍服务内容，合同未设数量指标',
  },
  {
    key: 'contract_job_posts',
    label: '企业合同用工岗位',
    unit: '个',
    annualTarget: 100,
    prorate: true,
    available: true,
    note: '发布的合同用工岗位不少于100个',
  },
  {
    key: 'contract_job_openings',
    label: '合同用工招聘人次',
    unit: '人次',
    annualTarget: 5000,
    prorate: true,
    available: true,
    note: '合同用工岗位招聘人数合计不少于5000人次',
  },
  {
    key: 'flexible_job_posts',
    label: '灵活用工岗位',
    unit: '个',
    annualTarget: 50,
    prorate: true,
    available: true,
    note: '发布的灵活用工岗位不少于50个',
  },
  {
    key: 'flexible_job_openings',
    label: '灵活用工招聘人次',
    unit: '人次',
    annualTarget: 2000,
    prorate: true,
    available: true,
    note: '灵活用工岗位招聘人数合计不少于2000人次',
  },
  {
    key: 'employer_registrations',
    label: '用工主体登记',
    unit: '家次',
    annualTarget: 100,
    prorate: true,
    available: true,
    note: '用工主体登记数不少于100家次',
  },
  {
    key: 'provincial_job_records',
    label: '录入"数智人社"岗位信息',
    unit: '条',
    annualTarget: 2000,
    prorate: true,
    available: false,
    note: '省级系统对接上线后统计',
  },
  {
    key: 'training_sessions',
    label: '培训课时',
    unit: '节',
    annualTarget: 200,
    prorate: true,
    available: true,
    note: '登记的培训课时（课次），累计不少于200节',
  },
  {
    key: 'training_coverage',
    label: '培训需求推荐覆盖率',
    unit: '%',
    annualTarget: 100,
    prorate: false,
    available: true,
    note: '登记培训需求的劳动者中，期内至少获推荐1次培训的比例（行明细：已推荐记1）',
  },
  {
    key: 'recruitment_events',
    label: '专项招聘活动',
    unit: '场',
    annualTarget: null,
    periodTargets: { '2025': 5, '2025-H2': 5 },
    prorate: true,
    available: true,
    note: '2025年下半年不少于5场（线下3场、线上2场，直播带岗计入线上）',
  },
  {
    key: 'station_events',
    label: '基层驿站服务活动',
    unit: '场',
    annualTarget: 6,
    prorate: true,
    available: true,
    note: '驿站、服务点招聘会、技能培训、就业创业指导、就业帮扶每年不少于6场',
  },
  {
    key: 'publicity_articles',
    label: '优质媒体推文',
    unit: '次',
    annualTarget: 10,
    prorate: true,
    available: true,
    note: '宣传台账中标记为优质的推文，每年不少于10次',
  },
  {
    key: 'publicity_campaigns',
    label: '综合媒体宣传',
    unit: '次',
    annualTarget: 6,
    prorate: true,
    available: true,
    note: '综合媒体宣传活动，每年6次',
  },
  {
    key: 'publicity_posts',
    label: '宣传信息及短视频',
    unit: '条',
    annualTarget: 300,
    prorate: true,
    available: true,
    note: '推文、宣传信息、短视频和直播，每年不少于300条',
  },
  {
    key: 'publicity_slogans',
    label: '活动宣传标语',
    unit: '条',
    annualTarget: 30,
    prorate: true,
    available: true,
    note: '活动宣传标语，每年不少于30条',
  },
  {
    key: 'info_collection_villages',
    label: '就业信息采集覆盖行政村',
    unit: '个',
    annualTarget: 113,
    prorate: false,
    available: true,
    note: '覆盖9个乡镇、113个行政村：期末前已采集至少1户的行政村数（累计；乡镇视图的目标为该乡镇的行政村数）',
  },
];

export type TargetOverrides = Record<string, Record<string, number>>;

/** An annual figure scaled to the period (rounded up, so a target is never under-stated). */
function prorated(annual: number, period: ResolvedPeriod): number {
  if (period.kind === 'year') return annual;
  if (period.kind === 'half') return Math.ceil(annual / 2);
  if (period.kind === 'month') return Math.ceil(annual / 12);
  const yearDays = daysBetween(`${period.year}-01-01`, `${period.year}-12-31`);
  return Math.ceil((annual * daysBetween(period.from, period.to)) / yearDays);
}

/** The target of one indicator for a period; see IndicatorDef for the order of precedence. */
export function targetFor(def: IndicatorDef, period: ResolvedPeriod, overrides: TargetOverrides): number | null {
  const own = overrides[def.key];
  const exact = own?.[period.key] ?? def.periodTargets?.[period.key];
  if (exact !== undefined) return exact;
  const annual = own?.[String(period.year)] ?? def.annualTarget;
  if (annual === null) return null;
  return def.prorate ? prorated(annual, period) : annual;
}
