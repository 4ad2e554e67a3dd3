import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { occupationChanges, occupations } from './reference.schema.js';
import type { OccupationRow } from './reference.repository.js';

export type OccupationChangeRow = typeof occupationChanges.$inferSelect;
export type OccupationChangeInsert = typeof occupationChanges.$inferInsert;

/** The whole tree, disabled rows included, in display order. */
export async function findAllOccupations(db: DbOrTx): Promise<OccupationRow[]> {
  return db.select().from(occupations).orderBy(asc(occupations.sort), asc(occupations.name));
}

export async function findOccupationById(db: DbOrTx, id: string): Promise<OccupationRow | undefined> {
  const rows = await db.select().from(occupations).where(eq(occupations.id, id)).limit(1);
  return rows[0];
}

export async function findOccupationByName(db: DbOrTx, name: string): Promise<OccupationRow | undefined> {
  const rows = await db.select().from(occupations).where(eq(occupations.name, name)).limit(1);
  return rows[0];
}

export async function findChildOccupations(db: DbOrTx, parentId: string): Promise<OccupationRow[]> {
  return db.select().from(occupations).where(eq(occupations.parentId, parentId));
}

export async function insertOccupation(db: DbOrTx, values: typeof occupations.$inferInsert): Promise<OccupationRow> {
  const rows = await db.insert(occupations).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insertOccupation returned no row');
  return row;
}

/** Multi-row insert (imports). */
export async function insertOccupationRows(db: DbOrTx, values: (typeof occupations.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.insert(occupations).values(values.slice(i, i + 500));
}

export async function updateOccupation(
  db: DbOrTx,
  id: string,
  values: Partial<typeof occupations.$inferInsert>,
): Promise<OccupationRow> {
  const rows = await db.update(occupations).set(values).where(eq(occupations.id, id)).returning();
  const row = rows[0];
  if (!row) throw new Error('updateOccupation matched no row');
  return row;
}

export async function insertOccupationChanges(db: DbOrTx, values: OccupationChangeInsert[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.insert(occupationChanges).values(values.slice(i, i + 500));
}

export async function findOccupationChanges(db: DbOrTx, occupationId: string): Promise<OccupationChangeRow[]> {
  return db
    .select()
    .from(occupationChanges)
    .where(eq(occupationChanges.occupationId, occupationId))
    .orderBy(desc(occupationChanges.changedAt), desc(occupationChanges.id));
}
