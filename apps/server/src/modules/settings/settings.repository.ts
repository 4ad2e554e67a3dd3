import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { settings, settingsHistory } from './settings.schema.js';

export type SettingRow = typeof settings.$inferSelect;
export type SettingChangeRow = typeof settingsHistory.$inferSelect;

export async function findSetting(db: DbOrTx, key: string): Promise<SettingRow | undefined> {
  const rows = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return rows[0];
}

export async function findAllSettings(db: DbOrTx): Promise<SettingRow[]> {
  return db.select().from(settings);
}

export async function upsertSetting(
  db: DbOrTx,
  values: { key: string; value: unknown; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(settings)
    .values(values)
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: values.value, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

export async function insertSettingChange(db: DbOrTx, values: typeof settingsHistory.$inferInsert): Promise<void> {
  await db.insert(settingsHistory).values(values);
}

export async function findSettingChangesPage(
  db: DbOrTx,
  key: string | undefined,
  slice: Slice,
): Promise<Fetched<SettingChangeRow>> {
  const where = key ? eq(settingsHistory.key, key) : undefined;
  const items = await db
    .select()
    .from(settingsHistory)
    .where(where)
    .orderBy(desc(settingsHistory.changedAt), desc(settingsHistory.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(settingsHistory).where(where);
  return { items, total: total?.n ?? 0 };
}
