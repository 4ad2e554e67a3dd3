import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { trainingEnrolments, trainingNeeds, trainingRecommendations } from './training.schema.js';

/** How many training rows (needs, recommendations, enrolments) reference a worker profile. */
export async function countWorkerTrainingRecords(db: DbOrTx, workerId: string): Promise<number> {
  let total = 0;
  for (const table of [trainingNeeds, trainingRecommendations, trainingEnrolments]) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.workerId, workerId));
    total += row?.n ?? 0;
  }
  return total;
}
