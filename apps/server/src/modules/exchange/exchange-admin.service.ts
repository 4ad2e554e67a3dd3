import type {
  ExchangeDataset,
  ExchangeReconciliation,
  ExchangeRecordPage,
  ExchangeRecordsQuery,
  ExchangeRunResult,
  ExchangeStateCounts,
  ExchangeSummary,
  ExchangeSummaryQuery,
} from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { dayEnd, dayStart, paged, shanghaiDay, shanghaiDayPlus } from '../../platform/reporting/index.js';
import type { ExchangeConfig } from './exchange-config.js';
import { DATASET_LABELS, DATASETS } from './exchange-datasets.js';
import { runExchange } from './exchange-delivery.service.js';
import { HttpJsonTransport } from './exchange-http-transport.js';
import { presentRecord } from './exchange.presenter.js';
import * as repo from './exchange.repository.js';
import { createTransport } from './exchange-transports.js';

export type ExchangeAdminDeps = { db: Db; pii: Pii; config: ExchangeConfig; now: () => Date };
type Meta = { ip: string; requestId: string };

const zero = (): ExchangeStateCounts => ({ pending: 0, sending: 0, sent: 0, accepted: 0, rejected: 0, dead: 0 });

/** 数据交换 overview: per data set and day, how many records wait, were accepted, rejected or died. */
export async function getSummary(
  deps: ExchangeAdminDeps,
  actor: StaffActor,
  q: ExchangeSummaryQuery,
): Promise<ExchangeSummary> {
  requirePermission(actor, 'exchange.read');
  const today = shanghaiDay(deps.now());
  const to = q.to ?? today;
  const from = q.from ?? shanghaiDayPlus(dayStart(to), -13);
  const rows = await repo.countByDayAndState(deps.db, {
    regionPattern: scopeLikePattern(actor),
    start: dayStart(from),
    end: dayEnd(to),
  });
  const days = new Map<string, ExchangeStateCounts & { day: string; dataset: ExchangeDataset }>();
  const totals = new Map<ExchangeDataset, ExchangeStateCounts>(DATASETS.map((d) => [d, zero()]));
  for (const r of rows) {
    const dataset = DATASETS.find((d) => d === r.dataset);
    if (!dataset) continue;
    const key = `${r.day}|${dataset}`;
    const day = days.get(key) ?? { day: r.day, dataset, ...zero() };
    day[r.state] += r.n;
    days.set(key, day);
    const total = totals.get(dataset) ?? zero();
    total[r.state] += r.n;
  }
  return {
    from,
    to,
    transport: deps.config.transport,
    endpoint: deps.config.transport === 'http' ? deps.config.endpoint : null,
    days: [...days.values()],
    totals: DATASETS.map((dataset) => ({
      dataset,
      label: DATASET_LABELS[dataset],
      ...(totals.get(dataset) ?? zero()),
    })),
  };
}

export async function listRecords(
  deps: ExchangeAdminDeps,
  actor: StaffActor,
  q: ExchangeRecordsQuery,
): Promise<ExchangeRecordPage> {
  requirePermission(actor, 'exchange.read');
  const filter = {
    regionPattern: scopeLikePattern(actor),
    dataset: q.dataset,
    state: q.state,
    day: q.day ? { start: dayStart(q.day), end: dayEnd(q.day) } : undefined,
  };
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findRecordsPage(deps.db, filter, slice);
    return { items: rows.map(presentRecord), total };
  });
}

/**
 * Staff retry of a rejected or dead record (after fixing its source record): it is sent again
 * under a new revision, and the resend is audited.
 */
export async function resendRecord(deps: ExchangeAdminDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'exchange.write');
  const row = await repo.findRecordById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  assertWritableRegion(actor, row.regionCode);
  return deps.db.transaction(async (tx) => {
    const updated = await repo.requeueRecord(tx, row, deps.now());
    if (!updated) throw new AppError('INVALID_STATE', { message: '只有被退回或发送失败的记录可以重新发送' });
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'exchange.resend',
      entity: 'exchange_record',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { dataset: row.dataset, from: row.state, revision: updated.revision, rejectCode: row.rejectCode },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return presentRecord(updated);
  });
}

/** Send now (staff), instead of waiting for the schedule. */
export async function runNow(deps: ExchangeAdminDeps, actor: StaffActor, meta: Meta): Promise<ExchangeRunResult> {
  requirePermission(actor, 'exchange.write');
  const report = await runExchange({ ...deps, transport: createTransport(deps.config, deps.now) });
  await writeAudit(deps.db, {
    actor: { kind: 'staff', id: actor.id },
    action: 'exchange.run',
    entity: 'exchange',
    details: report,
    ip: meta.ip,
    requestId: meta.requestId,
  });
  return report;
}

/** Staff confirm that a batch file was uploaded to the province's import page. */
export async function confirmFile(deps: ExchangeAdminDeps, actor: StaffActor, file: string, meta: Meta) {
  requirePermission(actor, 'exchange.write');
  const count = await deps.db.transaction(async (tx) => {
    const n = await repo.acceptFileBatch(tx, file, scopeLikePattern(actor), deps.now());
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'exchange.file_confirmed',
      entity: 'exchange',
      details: { file, records: n },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return n;
  });
  if (count === 0) throw new AppError('NOT_FOUND');
  return { count };
}

/**
 * Daily reconciliation: our records the province acknowledged on a Shanghai day against the
 * province's own counts of that day (asked through the signed interface).
 */
export async function getReconciliation(
  deps: ExchangeAdminDeps,
  actor: StaffActor,
  date: string | undefined,
): Promise<ExchangeReconciliation> {
  requirePermission(actor, 'exchange.read');
  const day = date ?? shanghaiDay(deps.now());
  const ours = await repo.countAcksOfDay(deps.db, scopeLikePattern(actor), dayStart(day), dayEnd(day));
  let province: Record<string, { accepted: number; rejected: number }> | null = null;
  let provinceError: string | null = null;
  if (deps.config.transport !== 'http') provinceError = '当前未启用在线接口，无法获取省级回执统计';
  else {
    try {
      province = (await new HttpJsonTransport(deps.config, deps.now).acks(day)).datasets;
    } catch (err) {
      provinceError = `省级系统暂不可用：${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return {
    date: day,
    provinceError,
    rows: DATASETS.map((dataset) => {
      const o = ours.find((r) => r.dataset === dataset);
      const p = province ? (province[dataset] ?? { accepted: 0, rejected: 0 }) : null;
      const oursAccepted = o?.accepted ?? 0;
      const oursRejected = o?.rejected ?? 0;
      return {
        dataset,
        label: DATASET_LABELS[dataset],
        oursAccepted,
        oursRejected,
        provinceAccepted: p?.accepted ?? null,
        provinceRejected: p?.rejected ?? null,
        matches: p ? p.accepted === oursAccepted && p.rejected === oursRejected : null,
      };
    }),
  };
}
