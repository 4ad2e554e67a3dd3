import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { DEFAULT_TEMPLATE } from './agreement-template.js';
import { agreementCounters, agreements, agreementTemplates } from './agreements.schema.js';

export type AgreementRow = typeof agreements.$inferSelect;
export type TemplateRow = typeof agreementTemplates.$inferSelect;

/** The newest version of the work agreement template; the built-in v1 is seeded on first use. */
export async function latestTemplate(tx: DbOrTx): Promise<TemplateRow> {
  const find = async () =>
    (
      await tx
        .select()
        .from(agreementTemplates)
        .where(eq(agreementTemplates.code, DEFAULT_TEMPLATE.code))
        .orderBy(desc(agreementTemplates.version))
        .limit(1)
    )[0];
  const found = await find();
  if (found) return found;
  await tx.insert(agreementTemplates).values(DEFAULT_TEMPLATE).onConflictDoNothing();
  const seeded = await find();
  if (!seeded) throw new Error('agreement template missing');
  return seeded;
}

/** Next serial for a year, atomically (row lock on the counter). */
export async function nextSerial(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx
    .insert(agreementCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: agreementCounters.year, set: { last: sql`${agreementCounters.last} + 1` } })
    .returning({ last: agreementCounters.last });
  return row!.last;
}

export async function insertAgreement(
  tx: DbOrTx,
  values: typeof agreements.$inferInsert,
): Promise<AgreementRow | undefined> {
  const rows = await tx
    .insert(agreements)
    .values(values)
    .onConflictDoNothing({ target: agreements.applicationId })
    .returning();
  return rows[0];
}

export async function findByApplication(db: DbOrTx, applicationId: string): Promise<AgreementRow | undefined> {
  return (await db.select().from(agreements).where(eq(agreements.applicationId, applicationId)).limit(1))[0];
}

export async function lockByApplication(tx: DbOrTx, applicationId: string): Promise<AgreementRow | undefined> {
  return (await tx.select().from(agreements).where(eq(agreements.applicationId, applicationId)).for('update'))[0];
}

export async function findByNumber(db: DbOrTx, number: string): Promise<AgreementRow | undefined> {
  return (await db.select().from(agreements).where(eq(agreements.number, number)).limit(1))[0];
}

export async function updateAgreement(
  tx: DbOrTx,
  id: string,
  values: Partial<typeof agreements.$inferInsert>,
): Promise<AgreementRow> {
  const [row] = await tx.update(agreements).set(values).where(eq(agreements.id, id)).returning();
  if (!row) throw new Error('updateAgreement returned no row');
  return row;
}

/** Move the agreement of an application to `to` when it is in one of `from`. */
export async function setStatusWhere(
  tx: DbOrTx,
  applicationId: string,
  from: AgreementRow['status'][],
  to: AgreementRow['status'],
  now: Date,
): Promise<void> {
  for (const status of from) {
    await tx
      .update(agreements)
      .set({ status: to, updatedAt: now })
      .where(and(eq(agreements.applicationId, applicationId), eq(agreements.status, status)));
  }
}
