import { count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { DEFAULT_TEMPLATE } from './agreement-template.js';
import { agreements, agreementTemplates } from './agreements.schema.js';
import type { TemplateRow } from './agreements.repository.js';

/** All versions of the work agreement template, newest first. */
export async function listVersions(db: DbOrTx): Promise<TemplateRow[]> {
  return db
    .select()
    .from(agreementTemplates)
    .where(eq(agreementTemplates.code, DEFAULT_TEMPLATE.code))
    .orderBy(desc(agreementTemplates.version));
}

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow | undefined> {
  return (await db.select().from(agreementTemplates).where(eq(agreementTemplates.id, id)).limit(1))[0];
}

/** How many agreements were generated from each template id. */
export async function agreementCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agreements.templateId, n: count() })
    .from(agreements)
    .where(inArray(agreements.templateId, ids))
    .groupBy(agreements.templateId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function insertVersion(
  tx: DbOrTx,
  values: { version: number; title: string; body: string; createdAt: Date },
): Promise<TemplateRow | undefined> {
  const rows = await tx
    .insert(agreementTemplates)
    .values({ code: DEFAULT_TEMPLATE.code, ...values })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}
