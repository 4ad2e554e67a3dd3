import { and, arrayContains, asc, count, eq, ilike, inArray, isNotNull, isNull, like, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { staff } from './accounts.schema.js';
import type { StaffRow } from './accounts.repository.js';

/** Staff in a region subtree, filtered by name/username, role and status, by username. */
export async function findStaffPage(
  db: DbOrTx,
  opts: {
    regionPattern: string;
    q?: string;
    role?: string;
    status?: 'active' | 'disabled';
  },
  slice: Slice,
): Promise<Fetched<StaffRow>> {
  const conds: SQL[] = [like(staff.regionCode, opts.regionPattern)];
  if (opts.q) {
    const pattern = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(staff.username, pattern), ilike(staff.name, pattern));
    if (match) conds.push(match);
  }
  if (opts.role) conds.push(arrayContains(staff.roles, [opts.role]));
  if (opts.status === 'active') conds.push(isNull(staff.disabledAt));
  if (opts.status === 'disabled') conds.push(isNotNull(staff.disabledAt));
  const where = and(...conds);
  const items = await db
    .select()
    .from(staff)
    .where(where)
    .orderBy(asc(staff.regionCode), asc(staff.username))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(staff).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function updateStaffById(
  db: DbOrTx,
  id: string,
  values: Partial<typeof staff.$inferInsert>,
): Promise<StaffRow> {
  const rows = await db.update(staff).set(values).where(eq(staff.id, id)).returning();
  const row = rows[0];
  if (!row) throw new Error('updateStaffById matched no row');
  return row;
}

/** Display names of staff members by id (for "who changed it" columns). */
export async function findStaffNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
