import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employers } from './employers.schema.js';

// An employer's reference for modules that record services against it.

export type EmployerRef = { id: string; townCode: string; name: string };

export async function findEmployerRef(db: DbOrTx, id: string): Promise<EmployerRef | undefined> {
  const rows = await db
    .select({ id: employers.id, townCode: employers.townCode, name: employers.name })
    .from(employers)
    .where(eq(employers.id, id))
    .limit(1);
  return rows[0];
}
