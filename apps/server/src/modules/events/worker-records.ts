import { count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { eventAttendees, workerDeliveries } from './events.schema.js';

/** How many event check-ins and 送工 lists reference a worker profile. */
export async function countWorkerEventRecords(db: DbOrTx, workerId: string): Promise<number> {
  const [a] = await db.select({ n: count() }).from(eventAttendees).where(eq(eventAttendees.workerId, workerId));
  const [d] = await db
    .select({ n: count() })
    .from(workerDeliveries)
    .where(sql`${workerId}::uuid = any(${workerDeliveries.workerIds})`);
  return (a?.n ?? 0) + (d?.n ?? 0);
}
