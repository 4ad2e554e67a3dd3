import type { FlowsView, SupplyDemandView } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { createPdf, pdfToBuffer } from '../../platform/pdf/index.js';
import { scopedRegionPattern, requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { shanghaiDay, shanghaiIso, type ExportFile } from '../../platform/reporting/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import * as repo from './monitoring.repository.js';
import { getFlows } from './monitoring-flows.service.js';
import { getSupplyDemand, type MonitoringDeps } from './monitoring.service.js';

// 供需监测月报: one PDF a month for the centre's superiors — the month's registrations and
// matchmakings, the supply/demand picture at the month's last week with its plain-Chinese
// reading, the trend, the towns' gaps, the top shortages and surpluses, and the 就业流向 funnel.
// Charts are drawn as vector shapes (no browser), from the same rollups as the console page.

type Meta = { ip: string; requestId: string };
type Doc = PDFKit.PDFDocument;
const LEFT = 56;
const BLUE = '#3a7bd5';
const ORANGE = '#e67e22';

/** The last day of a month 'YYYY-MM' (or today when the month is the current one). */
function monthBounds(month: string, today: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const from = `${month}-01`;
  if (from > today) throw AppError.field('month', '月份不能晚于本月');
  return { from, to: last < today ? last : today };
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 200) doc.addPage();
  doc.moveDown(0.8).fillColor('#1f3b70').fontSize(15).text(text, LEFT);
  doc.moveDown(0.3).fillColor('#222222').fontSize(11);
}

/** Horizontal bars: label, bar scaled to the largest value, value at the end. */
function bars(doc: Doc, rows: { label: string; value: number; color?: string }[], width = 300): void {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.value)));
  for (const r of rows) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    doc.fillColor('#333333').fontSize(10).text(r.label, LEFT, y, { width: 110, lineBreak: false, ellipsis: '…' });
    const w = Math.max(1, (Math.abs(r.value) / max) * width);
    doc.rect(LEFT + 116, y + 1, w, 11).fill(r.color ?? BLUE);
    doc.fillColor('#333333').text(String(r.value), LEFT + 122 + w, y, { lineBreak: false });
    doc.y = y + 17;
  }
}

/** Two weekly lines (demand, supply) over the trend window, with a legend. */
function trendChart(doc: Doc, trend: SupplyDemandView['trend']): void {
  const weeks = trend.slice(-26);
  const top = doc.y + 6;
  const h = 130;
  const w = doc.page.width - LEFT * 2 - 20;
  const max = Math.max(1, ...weeks.flatMap((p) => [p.demand, p.supply]));
  doc.lineWidth(0.5).strokeColor('#cccccc').rect(LEFT, top, w, h).stroke();
  const line = (pick: (p: (typeof weeks)[number]) => number, color: string) => {
    weeks.forEach((p, i) => {
      const x = LEFT + (weeks.length > 1 ? (i / (weeks.length - 1)) * w : 0);
      const y = top + h - (pick(p) / max) * (h - 8);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.lineWidth(1.5).strokeColor(color).stroke();
  };
  line((p) => p.demand, BLUE);
  line((p) => p.supply, ORANGE);
  doc.fillColor('#555555').fontSize(9);
  if (weeks[0]) doc.text(weeks[0].week, LEFT, top + h + 3, { lineBreak: false });
  const lastWeek = weeks[weeks.length - 1];
  if (lastWeek) doc.text(lastWeek.week, LEFT + w - 50, top + h + 3, { lineBreak: false });
  doc.text(`最高 ${max} 人`, LEFT + 4, top + 3, { lineBreak: false });
  doc.rect(LEFT + w - 150, top + 6, 10, 4).fill(BLUE);
  doc.fillColor('#333333').text('岗位空缺', LEFT + w - 136, top + 2, { lineBreak: false });
  doc.rect(LEFT + w - 80, top + 6, 10, 4).fill(ORANGE);
  doc.fillColor('#333333').text('可用求职', LEFT + w - 66, top + 2, { lineBreak: false });
  doc.y = top + h + 18;
  doc.x = LEFT;
}

function table(doc: Doc, header: string[], rows: (string | number)[][], widths: number[]): void {
  const row = (cells: (string | number)[], bold: boolean) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    let x = LEFT;
    doc.fillColor(bold ? '#1f3b70' : '#222222').fontSize(10);
    cells.forEach((c, i) => {
      doc.text(String(c), x, y, { width: widths[i]! - 6, lineBreak: false, ellipsis: '…' });
      x += widths[i]!;
    });
    doc.y = y + 16;
  };
  row(header, true);
  for (const r of rows) row(r, false);
  doc.x = LEFT;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part * 100) / whole)}%` : '0%');

function render(
  title: string,
  sub: string,
  counts: { registrations: number; matchmakings: number },
  sd: SupplyDemandView,
  flows: FlowsView,
  generated: string,
): Promise<Buffer> {
  const doc = createPdf({ title });
  const width = doc.page.width - LEFT * 2;
  doc.fillColor('#1f3b70').fontSize(22).text(title, { align: 'center', width });
  doc.moveDown(0.3).fillColor('#555555').fontSize(11).text(sub, { align: 'center', width });
  const demand = sd.cells.reduce((s, c) => s + c.demand, 0);
  const supply = sd.cells.reduce((s, c) => s + c.supply, 0);
  heading(doc, '一、本月概况');
  doc.text(
    `本月新增求职登记 ${counts.registrations} 人，招聘求职对接 ${counts.matchmakings} 人次。` +
      `截至 ${sd.week} 所在周，在招岗位空缺 ${demand} 人，可用求职者 ${supply} 人，` +
      `${demand >= supply ? `总体缺口 ${demand - supply} 人` : `总体富余 ${supply - demand} 人`}。`,
    { width },
  );
  doc.moveDown(0.3).text(sd.reading, { width });
  heading(doc, '二、近半年供需趋势（每周）');
  trendChart(doc, sd.trend);
  heading(doc, '三、各乡镇缺口（正数缺工，负数富余）');
  bars(
    doc,
    sd.byTown.map((t) => ({ label: t.name, value: t.demand - t.supply, color: t.demand >= t.supply ? BLUE : ORANGE })),
  );
  heading(doc, '四、缺工最多与富余最多');
  const cellRow = (c: SupplyDemandView['cells'][number]) => [c.townName, c.occupationName, c.demand, c.supply, c.gap];
  table(
    doc,
    ['乡镇', '工种', '空缺', '可用求职', '缺口'],
    sd.topShortages.slice(0, 8).map(cellRow),
    [90, 130, 70, 80, 70],
  );
  doc.moveDown(0.5);
  table(
    doc,
    ['乡镇', '工种', '空缺', '可用求职', '缺口'],
    sd.topSurpluses.slice(0, 8).map(cellRow),
    [90, 130, 70, 80, 70],
  );
  heading(doc, '五、就业流向（累计）');
  const t = flows.total;
  bars(doc, [
    { label: '登记', value: t.registered },
    { label: '求职报名', value: t.applied },
    { label: '录用', value: t.hired },
    { label: '完工', value: t.completed },
    { label: '领到工资', value: t.paid },
  ]);
  doc
    .moveDown(0.3)
    .text(
      `登记求职者中 ${pct(t.applied, t.registered)} 已报名，${pct(t.hired, t.registered)} 已被录用，` +
        `${pct(t.paid, t.registered)} 已领到工资；多次就业 ${t.repeat} 人；从登记到首次录用中位 ` +
        `${t.medianDaysToFirstHire == null ? '暂无' : `${Math.round(t.medianDaysToFirstHire)} 天`}。` +
        `入户采集外出务工 ${flows.migrants.total} 人${flows.migrants.destinations[0] ? `，最多去往${flows.migrants.destinations[0].destination}` : ''}。`,
      LEFT,
      doc.y,
      { width },
    );
  doc
    .moveDown(1)
    .fillColor('#777777')
    .fontSize(9)
    .text(`数据来源：鹿寨县零工市场系统台账汇总（${generated} 生成）`, LEFT, doc.y, { width });
  return pdfToBuffer(doc);
}

/** 供需监测月报 of a month ('YYYY-MM') in the actor's region (or one town), audited as an export. */
export async function monthlyReport(
  deps: MonitoringDeps,
  actor: StaffActor,
  q: { month: string; town?: string },
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'dashboard.read');
  const today = shanghaiDay(deps.now());
  const { from, to } = monthBounds(q.month, today);
  const pattern = scopedRegionPattern(actor, q.town);
  const counts = pattern
    ? await repo.sumDailyCounts(deps.db, from, to, pattern)
    : { registrations: 0, matchmakings: 0 };
  const sd = await getSupplyDemand(deps, actor, { week: to, town: q.town });
  const flows = await getFlows(deps, actor, { town: q.town });
  const [y, m] = q.month.split('-');
  const title = `零工市场供需监测月报（${y}年${Number(m)}月）`;
  const region = q.town ? (sd.byTown[0]?.name ?? q.town) : '鹿寨县';
  const generated = shanghaiIso(deps.now()).slice(0, 16).replace('T', ' ');
  const buffer = await render(title, `${region} · 统计期 ${from} 至 ${to}`, counts, sd, flows, generated);
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'monitoring_report',
    entityId: q.month,
    regionCode: sd.regionCode,
    details: { month: q.month, town: q.town ?? null },
    ...meta,
  });
  return { name: `供需监测月报_${q.month}`, buffer };
}
