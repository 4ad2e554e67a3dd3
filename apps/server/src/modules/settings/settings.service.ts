import { isDeepStrictEqual } from 'node:util';
import { SETTING_KEYS, SETTING_SCHEMAS, type SettingKey, type SettingValues } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { zodFieldErrors } from '../../platform/errors/zod-details.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import { staffNames } from '../../platform/directory/staff-names.js';
import { SETTING_DEFAULTS } from './settings.defaults.js';
import * as repo from './settings.repository.js';

export type SettingsDeps = { db: Db; now: () => Date };
type Meta = { ip?: string; requestId?: string };

/** A stored value that no longer fits its schema (after an upgrade) reads as the default. */
function parseStored<K extends SettingKey>(key: K, stored: unknown): SettingValues[K] {
  const parsed = SETTING_SCHEMAS[key].safeParse(stored);
  return parsed.success ? (parsed.data as SettingValues[K]) : SETTING_DEFAULTS[key];
}

/**
 * The current value of a parameter, read from the database on every call so a change applies at
 * once without a restart; the built-in default when never saved.
 */
export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValues[K]> {
  const row = await repo.findSetting(db, key);
  return row ? parseStored(key, row.value) : SETTING_DEFAULTS[key];
}

/** Every parameter with its value, whether it is the default, and who changed it last. */
export async function listSettings(deps: SettingsDeps, actor: StaffActor) {
  requirePermission(actor, 'dashboard.read');
  const rows = new Map((await repo.findAllSettings(deps.db)).map((r) => [r.key, r]));
  const names = await staffNames(
    deps.db,
    [...rows.values()].flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])),
  );
  return SETTING_KEYS.map((key) => {
    const row = rows.get(key);
    return {
      key,
      value: row ? parseStored(key, row.value) : SETTING_DEFAULTS[key],
      isDefault: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedByName: row?.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
    };
  });
}

/**
 * Change one parameter. The value must fit the key's schema (400 naming each bad field, nothing
 * written); the old and new values go to the history and the audit log in one transaction. An
 * unchanged value writes nothing.
 */
export async function updateSetting(
  deps: SettingsDeps,
  actor: StaffActor,
  key: SettingKey,
  value: unknown,
  meta: Meta,
) {
  requirePermission(actor, 'config.write');
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { details: zodFieldErrors(parsed.error, 'value') });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const old = await repo.findSetting(tx, key);
    const oldValue = old ? parseStored(key, old.value) : SETTING_DEFAULTS[key];
    if (isDeepStrictEqual(oldValue, parsed.data) && old) return;
    await repo.upsertSetting(tx, { key, value: parsed.data, updatedBy: actor.id, updatedAt: now });
    await repo.insertSettingChange(tx, {
      key,
      oldValue: old ? old.value : null,
      newValue: parsed.data,
      changedBy: actor.id,
      changedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'setting',
      entityId: key,
      regionCode: actor.regionCode,
      details: { old: oldValue, new: parsed.data },
      ...meta,
    });
  });
  const items = await listSettings(deps, actor);
  const item = items.find((i) => i.key === key);
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

/** The change history, newest first, optionally of one key. */
export async function listSettingHistory(deps: SettingsDeps, actor: StaffActor, q: PageQuery & { key?: SettingKey }) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findSettingChangesPage(deps.db, q.key, slice);
    const names = await staffNames(
      deps.db,
      rows.flatMap((r) => (r.changedBy ? [r.changedBy] : [])),
    );
    const items = rows.map((r) => ({
      id: r.id,
      key: r.key,
      oldValue: r.oldValue,
      newValue: r.newValue,
      changedById: r.changedBy,
      changedByName: r.changedBy ? (names.get(r.changedBy) ?? null) : null,
      changedAt: r.changedAt.toISOString(),
    }));
    return { items, total };
  });
}
