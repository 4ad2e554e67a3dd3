import JSZip from 'jszip';
import type { AcceptancePackQuery, KpiDashboard } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { EMPLOYERS_SHEET, JOB_POSTS_SHEET } from './kpi.sheets.js';
import { employerFetcher, jobFetcher } from './kpi.rows.js';
import { getDashboard, scopeOf, type KpiDeps } from './kpi.service.js';
import { PUBLICITY_SHEET, publicityFetcher } from '../publicity/index.js';
import { addCollectionSheets, collectionWorkbookSheets } from '../collection/index.js';
import { addOperationsSheets, operationsSheets } from '../operations/index.js';
import { WAGE_LEDGER_SHEET, wageLedgerRows } from '../wages/index.js';
import { addSheet, collectAll, newWorkbook, shanghaiTime, type SheetSpec } from '../../platform/reporting/index.js';
import {
  CLASS_SESSION_SHEET,
  classSessionFetcher,
  DELIVERY_SHEET,
  deliveryFetcher,
  EVENT_SHEET,
  eventFetcher,
  exportRevealer,
  FOLLOWUP_SHEET,
  followupFetcher,
  GUIDANCE_SHEET,
  guidanceFetcher,
  MATCHMAKING_SHEET,
  matchmakingFetcher,
  RECOMMENDATION_SHEET,
  recommendationFetcher,
  REGISTRATION_SHEET,
  registrationFetcher,
} from '../ledgers/index.js';

type Meta = { ip?: string; requestId?: string };
type Indicator = KpiDashboard['indicators'][number];

const SUMMARY_SHEET: SheetSpec<Indicator> = {
  name: '指标汇总',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '指标', width: 26, value: (r) => r.label },
    { header: '单位', width: 8, value: (r) => r.unit },
    { header: '目标', width: 10, value: (r) => r.target },
    { header: '完成', width: 10, value: (r) => r.actual },
    { header: '完成率(%)', width: 12, value: (r) => r.percentage },
    { header: '数据状态', width: 12, value: (r) => (r.available ? '已统计' : '暂未统计') },
    { header: '说明', width: 50, value: (r) => r.note },
  ],
};

async function xlsx(build: (wb: ReturnType<typeof newWorkbook>) => void, now: Date): Promise<Buffer> {
  const workbook = newWorkbook(now);
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** KPI summary workbook: the figures, their monthly trend, and what the pack covers. */
async function summaryWorkbook(dashboard: KpiDashboard, meta: { generatedAt: Date; pii: string }): Promise<Buffer> {
  return xlsx((wb) => {
    addSheet(wb, SUMMARY_SHEET, dashboard.indicators);
    const months = dashboard.indicators[0]?.trend.map((t) => t.month) ?? [];
    const trend: SheetSpec<Indicator> = {
      name: '月度趋势',
      columns: [
        { header: '指标', width: 26, value: (r) => r.label },
        ...months.map((m, i) => ({ header: m, width: 10, value: (r: Indicator) => r.trend[i]?.value ?? 0 })),
      ],
    };
    addSheet(
      wb,
      trend,
      dashboard.indicators.filter((i) => i.available),
    );
    const about: SheetSpec<[string, string]> = {
      name: '说明',
      columns: [
        { header: '项目', width: 16, value: (r) => r[0] },
        { header: '内容', width: 60, value: (r) => r[1] },
      ],
    };
    addSheet(wb, about, [
      ['考核期', `${dashboard.period.label}（${dashboard.period.from} 至 ${dashboard.period.to}）`],
      ['区域', dashboard.regionName],
      ['生成时间', shanghaiTime(meta.generatedAt.toISOString())],
      ['个人信息', meta.pii === 'full' ? '实名（已记入审计日志）' : '已脱敏'],
    ]);
  }, meta.generatedAt);
}

/**
 * The one-click acceptance pack (验收材料包) for a period and region: every ledger as .xlsx plus
 * the KPI summary, zipped. Region-scoped like every ledger; the download is audited.
 */
export async function buildAcceptancePack(
  deps: KpiDeps,
  actor: StaffActor,
  q: AcceptancePackQuery,
  meta: Meta,
): Promise<{ name: string; buffer: Buffer }> {
  const { period, window } = scopeOf(deps, actor, q);
  const reveal = exportRevealer(deps, actor, q.pii);
  const now = deps.now();
  const registrations = await collectAll(window, registrationFetcher(deps, reveal, {}));
  const followups = await collectAll(window, followupFetcher(deps, reveal, {}));
  const matchmakings = await collectAll(window, matchmakingFetcher(deps, reveal, {}));
  const guidance = await collectAll(window, guidanceFetcher(deps, reveal, {}));
  const contractJobs = await collectAll(window, jobFetcher(deps.db, 'contract'));
  const flexibleJobs = await collectAll(window, jobFetcher(deps.db, 'flexible'));
  const employers = await collectAll(window, employerFetcher(deps.db));
  const classSessions = await collectAll(window, classSessionFetcher(deps));
  const recommendations = await collectAll(window, recommendationFetcher(deps, reveal));
  const events = await collectAll(window, eventFetcher(deps));
  const deliveries = await collectAll(window, deliveryFetcher(deps));
  const publicity = await collectAll(window, publicityFetcher(deps.db));
  const collection = await collectionWorkbookSheets(deps, window, q.pii === 'full');
  const operations = await operationsSheets(deps, actor, window, { from: period.from, to: period.to, town: q.town });
  const wages = await wageLedgerRows(deps, actor, { from: period.from, to: period.to, townCode: q.town });
  const dashboard = await getDashboard(deps, actor, q);

  const zip = new JSZip();
  zip.file('00-考核指标汇总.xlsx', await summaryWorkbook(dashboard, { generatedAt: now, pii: q.pii }));
  zip.file('01-求职登记台账.xlsx', await xlsx((wb) => addSheet(wb, REGISTRATION_SHEET, registrations), now));
  zip.file('02-跟踪服务台账.xlsx', await xlsx((wb) => addSheet(wb, FOLLOWUP_SHEET, followups), now));
  zip.file('03-招聘求职对接台账.xlsx', await xlsx((wb) => addSheet(wb, MATCHMAKING_SHEET, matchmakings), now));
  zip.file('04-职业指导台账.xlsx', await xlsx((wb) => addSheet(wb, GUIDANCE_SHEET, guidance), now));
  zip.file(
    '05-岗位信息发布台账.xlsx',
    await xlsx((wb) => {
      addSheet(wb, { ...JOB_POSTS_SHEET, name: '合同用工岗位' }, contractJobs);
      addSheet(wb, { ...JOB_POSTS_SHEET, name: '灵活用工岗位' }, flexibleJobs);
    }, now),
  );
  zip.file('06-用工主体登记台账.xlsx', await xlsx((wb) => addSheet(wb, EMPLOYERS_SHEET, employers), now));
  zip.file('07-培训课时台账.xlsx', await xlsx((wb) => addSheet(wb, CLASS_SESSION_SHEET, classSessions), now));
  zip.file('08-培训推荐台账.xlsx', await xlsx((wb) => addSheet(wb, RECOMMENDATION_SHEET, recommendations), now));
  zip.file('09-招聘活动台账.xlsx', await xlsx((wb) => addSheet(wb, EVENT_SHEET, events), now));
  zip.file('10-送工台账.xlsx', await xlsx((wb) => addSheet(wb, DELIVERY_SHEET, deliveries), now));
  zip.file('11-宣传推广台账.xlsx', await xlsx((wb) => addSheet(wb, PUBLICITY_SHEET, publicity), now));
  zip.file('12-就业信息采集台账.xlsx', await xlsx((wb) => addCollectionSheets(wb, collection), now));
  zip.file('13-运营日志.xlsx', await xlsx((wb) => addOperationsSheets(wb, operations), now));
  zip.file('14-薪酬台账.xlsx', await xlsx((wb) => addSheet(wb, WAGE_LEDGER_SHEET, wages), now));
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const rows = {
    registrations: registrations.length,
    followups: followups.length,
    matchmakings: matchmakings.length,
    guidance: guidance.length,
    contractJobs: contractJobs.length,
    flexibleJobs: flexibleJobs.length,
    employers: employers.length,
    classSessions: classSessions.length,
    recommendations: recommendations.length,
    events: events.length,
    deliveries: deliveries.length,
    publicity: publicity.length,
    households: collection.households.length,
    collectionMembers: collection.members.length,
    duties: operations.duties.length,
    stationVisits: operations.visits.length,
    wageStatements: wages.length,
  };
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'acceptance_pack',
    entityId: period.key,
    regionCode: dashboard.regionCode,
    details: { rows, pii: q.pii },
    ...meta,
  });
  return { name: `验收材料_${period.key}_${dashboard.regionName}`, buffer };
}
