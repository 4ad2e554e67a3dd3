import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from './applications.schema.js';

/** How many applications reference a worker profile (a merge must not orphan them). */
export async function countWorkerApplications(db: DbOrTx, workerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(eq(applications.workerId, workerId));
  return row?.n ?? 0;
}
