import type { SupplyDemandCell, SupplyDemandQuery } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { listWorkbook, type ExportColumn, type ExportFile } from '../../platform/reporting/index.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { getSupplyDemand, type MonitoringDeps } from './monitoring.service.js';

type Meta = { ip: string; requestId: string };

const COLUMNS: ExportColumn<SupplyDemandCell & { week: string }>[] = [
  { header: '周（周一）', width: 14, value: (c) => c.week },
  { header: '乡镇', width: 12, value: (c) => c.townName },
  { header: '乡镇代码', width: 16, value: (c) => c.townCode },
  { header: '工种', width: 16, value: (c) => c.occupationName },
  { header: '岗位空缺（人）', width: 14, value: (c) => c.demand },
  { header: '可用求职（人）', width: 14, value: (c) => c.supply },
  { header: '缺口（人，负数为富余）', width: 20, value: (c) => c.gap },
  { header: '求人倍率', width: 10, value: (c) => c.ratio },
];

/** The week's heat table as .xlsx (one row per 工种 × town), written to the audit log. */
export async function exportSupplyDemand(
  deps: MonitoringDeps,
  actor: StaffActor,
  q: SupplyDemandQuery,
  meta: Meta,
): Promise<ExportFile> {
  const view = await getSupplyDemand(deps, actor, q);
  const rows = view.cells.map((c) => ({ ...c, week: view.week }));
  const buffer = await listWorkbook('供需监测', COLUMNS, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'supply_demand',
    entityId: view.week,
    regionCode: view.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: `供需监测_${view.week}`, buffer };
}
