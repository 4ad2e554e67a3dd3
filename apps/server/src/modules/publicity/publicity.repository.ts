import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { publicityItems } from './publicity.schema.js';
import { dateWindowConds, type Slice, type Window } from '../../platform/reporting/index.js';

export type PublicityRow = typeof publicityItems.$inferSelect;
export type PublicityFilter = {
  kind?: PublicityRow['kind'];
  kinds?: PublicityRow['kind'][];
  channel?: PublicityRow['channel'];
  quality?: boolean;
};

export async function insertItem(db: DbOrTx, v: typeof publicityItems.$inferInsert): Promise<PublicityRow> {
  const [row] = await db.insert(publicityItems).values(v).returning();
  if (!row) throw new Error('publicity insert returned no row');
  return row;
}

export async function updateItem(
  db: DbOrTx,
  id: string,
  v: Partial<typeof publicityItems.$inferInsert>,
): Promise<PublicityRow | undefined> {
  return (await db.update(publicityItems).set(v).where(eq(publicityItems.id, id)).returning())[0];
}

export async function deleteItem(db: DbOrTx, id: string): Promise<void> {
  await db.delete(publicityItems).where(eq(publicityItems.id, id));
}

export async function findItem(db: DbOrTx, id: string) {
  return (
    await db
      .select({ item: publicityItems, recorderName: staff.name })
      .from(publicityItems)
      .leftJoin(staff, eq(staff.id, publicityItems.recorderStaffId))
      .where(eq(publicityItems.id, id))
      .limit(1)
  )[0];
}

export function filterConds(f: PublicityFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.kind) conds.push(eq(publicityItems.kind, f.kind));
  if (f.kinds) conds.push(inArray(publicityItems.kind, f.kinds));
  if (f.channel) conds.push(eq(publicityItems.channel, f.channel));
  if (f.quality !== undefined) conds.push(eq(publicityItems.quality, f.quality));
  return conds;
}

/** Items in a window (by publication day), newest first, with the recorder's name. */
export async function findItems(db: DbOrTx, w: Window, f: PublicityFilter, slice: Slice) {
  const where = and(...dateWindowConds(publicityItems.regionCode, publicityItems.publishedOn, w), ...filterConds(f));
  const rows = await db
    .select({ item: publicityItems, recorderName: staff.name })
    .from(publicityItems)
    .leftJoin(staff, eq(staff.id, publicityItems.recorderStaffId))
    .where(where)
    .orderBy(desc(publicityItems.publishedOn), desc(publicityItems.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(publicityItems).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type PublicityListRow = Awaited<ReturnType<typeof findItems>>['items'][number];
