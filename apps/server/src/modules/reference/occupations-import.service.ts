import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import type { ExportFile } from '../../platform/reporting/index.js';
import { diffSnapshots, snapshot } from './occupations-admin.service.js';
import * as repo from './occupations-admin.repository.js';
import { buildOccupationWorkbook, parseOccupationWorkbook, type ImportedOccupation } from './occupations-excel.js';
import type { OccupationRow } from './reference.repository.js';

type Meta = { ip?: string; requestId?: string };

/** The occupation tree as an Excel workbook (any console user; the tree is not regional). */
export async function exportOccupations(deps: { db: Db; now: () => Date }): Promise<ExportFile> {
  return {
    name: '工种目录',
    buffer: await buildOccupationWorkbook(await repo.findAllOccupations(deps.db), deps.now()),
  };
}

type Planned = { file: ImportedOccupation; id: string; parentId: string | null; existing: OccupationRow | undefined };

/** Resolve parents against the file and the database, and refuse cycles; collects every error. */
function plan(rows: ImportedOccupation[], existing: OccupationRow[]): { planned: Planned[]; errors: FieldError[] } {
  const byName = new Map(existing.map((o) => [o.name, o]));
  const ids = new Map<string, string>(rows.map((r) => [r.name, byName.get(r.name)?.id ?? randomUUID()]));
  const errors: FieldError[] = [];
  const planned: Planned[] = [];
  for (const r of rows) {
    let parentId: string | null = null;
    if (r.parentName) {
      const inFile = ids.get(r.parentName);
      const inDb = byName.get(r.parentName);
      if (inFile) parentId = inFile;
      else if (!inDb) errors.push({ row: r.row, field: '上级工种', message: `上级工种"${r.parentName}"不存在` });
      else if (inDb.disabledAt)
        errors.push({ row: r.row, field: '上级工种', message: `上级工种"${r.parentName}"已停用` });
      else parentId = inDb.id;
    }
    planned.push({ file: r, id: ids.get(r.name) ?? randomUUID(), parentId, existing: byName.get(r.name) });
  }
  const parentOf = new Map<string, string | null>(existing.map((o) => [o.id, o.parentId]));
  for (const p of planned) parentOf.set(p.id, p.parentId);
  for (const p of planned) {
    let cursor = p.parentId;
    for (let depth = 0; cursor && depth <= parentOf.size; depth++) {
      if (cursor === p.id) {
        errors.push({ row: p.file.row, field: '上级工种', message: '上下级关系形成循环' });
        break;
      }
      cursor = parentOf.get(cursor) ?? null;
    }
  }
  return { planned, errors };
}

/**
 * Import the occupation sheet: rows are matched by 工种名称 (existing ones updated, new ones
 * created). Every row is validated first; a file with any bad row imports nothing and the error
 * lists row, field and message. Each changed occupation gets a history entry; one audit entry
 * records the import.
 */
export async function importOccupations(
  deps: { db: Db; now: () => Date },
  actor: StaffActor,
  data: Buffer,
  meta: Meta,
) {
  requirePermission(actor, 'reference.write');
  const parsed = await parseOccupationWorkbook(data);
  if (!parsed.ok) throw new AppError('IMPORT_FAILED', { details: parsed.errors });
  const existing = await repo.findAllOccupations(deps.db);
  const { planned, errors } = plan(parsed.rows, existing);
  if (errors.length > 0)
    throw new AppError('IMPORT_FAILED', { details: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) });

  const now = deps.now();
  let nextSort = existing.reduce((m, o) => Math.max(m, o.sort), 0) + 1;
  const inserts: OccupationRow[] = [];
  const updates: {
    row: OccupationRow;
    next: Partial<OccupationRow>;
    oldValue: Record<string, unknown>;
    newValue: Record<string, unknown>;
  }[] = [];
  let unchanged = 0;
  for (const p of planned) {
    const values = {
      name: p.file.name,
      parentId: p.parentId,
      nationalCode: p.file.nationalCode,
      skillTags: p.file.skillTags,
      isCategory: p.file.category,
    };
    if (!p.existing) {
      inserts.push({ id: p.id, key: null, ...values, sort: p.file.sort ?? nextSort++, disabledAt: null });
      continue;
    }
    const next = { ...values, sort: p.file.sort ?? p.existing.sort };
    const diff = diffSnapshots(snapshot(p.existing), snapshot({ ...p.existing, ...next }));
    if (diff.changed) updates.push({ row: p.existing, next, oldValue: diff.oldValue, newValue: diff.newValue });
    else unchanged += 1;
  }
  await deps.db.transaction(async (tx) => {
    await repo.insertOccupationRows(tx, inserts);
    for (const u of updates) await repo.updateOccupation(tx, u.row.id, u.next);
    await repo.insertOccupationChanges(tx, [
      ...inserts.map((o) => ({
        occupationId: o.id,
        action: 'import' as const,
        oldValue: null,
        newValue: snapshot(o),
        changedBy: actor.id,
        changedAt: now,
      })),
      ...updates.map((u) => ({
        occupationId: u.row.id,
        action: 'import' as const,
        oldValue: u.oldValue,
        newValue: u.newValue,
        changedBy: actor.id,
        changedAt: now,
      })),
    ]);
    await writeAudit(tx, {
      actor,
      action: 'occupation_import',
      entity: 'occupation',
      regionCode: actor.regionCode,
      details: { created: inserts.map((o) => o.name), updated: updates.map((u) => u.row.name), unchanged },
      ...meta,
    });
  });
  return { created: inserts.length, updated: updates.length, unchanged };
}
