import type { ImportableLedger, LedgerImportResult } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { ExportFile } from '../../platform/reporting/index.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { insertImportedWorkers } from '../workers/index.js';
import { IMPORT_MAX_ROWS, IMPORT_SPECS, TEMPLATE_NOTES } from './imports.columns.js';
import { buildTemplate, readSheet, type Sheet } from './imports.sheet.js';
import { planCollection } from './collection.import.js';
import { planRegistrations } from './registrations.import.js';
import { planFollowups, planGuidance, planMatchmakings } from './services.import.js';

/** `timings`, when given, receives the milliseconds of each phase (benchmarks). */
export type ImportsDeps = {
  db: Db;
  pii: Pii;
  now: () => Date;
  timings?: { parse?: number; validate?: number; insert?: number };
};
type Meta = { ip?: string; requestId?: string };
type Plan = { errors: FieldError[]; count: number; insert(tx: DbOrTx): Promise<void> };

/** At most this many row errors are returned (the file is refused either way). */
export const MAX_REPORTED_ERRORS = 1000;

const PERMISSION = {
  registrations: 'workers.write',
  followups: 'services.write',
  guidance: 'services.write',
  matchmakings: 'services.write',
  collection: 'services.write',
} as const;

const PLANNERS: Record<ImportableLedger, (deps: ImportsDeps, actor: StaffActor, sheet: Sheet) => Promise<Plan>> = {
  registrations: async (deps, actor, sheet) => {
    const { errors, planned } = await planRegistrations(deps, actor, sheet);
    return { errors, count: planned.profiles.length, insert: (tx) => insertImportedWorkers(tx, planned) };
  },
  followups: planFollowups,
  guidance: planGuidance,
  matchmakings: planMatchmakings,
  collection: planCollection,
};

/** The empty template of a ledger (same sheet name and headers as its export). */
export async function ledgerTemplate(actor: StaffActor, ledger: ImportableLedger, now: Date): Promise<ExportFile> {
  requirePermission(actor, PERMISSION[ledger]);
  const spec = IMPORT_SPECS[ledger];
  return { name: `${spec.sheet}导入模板`, buffer: await buildTemplate(spec, TEMPLATE_NOTES, now) };
}

/** A unique-index violation (SQLSTATE 23505), possibly wrapped by the query builder. */
function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

function refuse(errors: FieldError[]): never {
  const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const details = sorted.slice(0, MAX_REPORTED_ERRORS);
  if (sorted.length > MAX_REPORTED_ERRORS)
    details.push({ field: 'file', message: `共${sorted.length}处错误，仅列出前${MAX_REPORTED_ERRORS}处` });
  throw new AppError('IMPORT_FAILED', { details });
}

/**
 * Import a ledger's paper records from its template. Every row is validated (ID numbers, phones,
 * places and their region scope, 工种, groups, channel, dates, duplicates); any error refuses the
 * whole file with every error listed. Otherwise all rows are inserted in one transaction together
 * with one audit entry carrying the counts.
 */
export async function importLedger(
  deps: ImportsDeps,
  actor: StaffActor,
  ledger: ImportableLedger,
  data: Buffer,
  meta: Meta,
): Promise<LedgerImportResult> {
  requirePermission(actor, PERMISSION[ledger]);
  const t = deps.timings ?? {};
  let start = performance.now();
  const read = await readSheet(data, IMPORT_SPECS[ledger], IMPORT_MAX_ROWS);
  if (!read.ok) refuse(read.errors);
  t.parse = performance.now() - start;
  start = performance.now();
  const plan = await PLANNERS[ledger](deps, actor, read.sheet);
  if (plan.errors.length > 0) refuse(plan.errors);
  t.validate = performance.now() - start;
  start = performance.now();
  try {
    await deps.db.transaction(async (tx) => {
      await plan.insert(tx);
      await writeAudit(tx, {
        actor,
        action: 'import',
        entity: 'ledger',
        entityId: ledger,
        regionCode: actor.regionCode,
        details: { rows: read.sheet.rows.length, imported: plan.count, bytes: data.length },
        ...meta,
      });
    });
  } catch (err) {
    // Someone registered the same person between validation and insert: nothing was imported.
    if (isUniqueViolation(err))
      refuse([{ field: 'file', message: '导入期间文件中的部分人员已被登记，未导入任何数据，请重新导入以查看明细' }]);
    throw err;
  }
  t.insert = performance.now() - start;
  return { ledger, rows: read.sheet.rows.length, imported: plan.count };
}
