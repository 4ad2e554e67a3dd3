import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { sideOf } from './application-context.js';
import * as repo from './applications.repository.js';
import { applicationEvents } from './applications.schema.js';

/** When an application became completed (its latest `completed` transition), or null. */
export async function completedAtOf(db: DbOrTx, applicationId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: applicationEvents.at })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.toStatus, 'completed')))
    .orderBy(desc(applicationEvents.at))
    .limit(1);
  return row?.at ?? null;
}

/**
 * What the ratings module needs about an application the caller takes part in: the row, the
 * caller's side, and the completion time. Another person's application is NOT_FOUND.
 */
export async function loadRatingContext(db: DbOrTx, actor: UserActor, id: string) {
  const side = await sideOf(db, actor, id);
  const app = await repo.findApplication(db, id);
  if (!app) throw new Error('application vanished');
  const completedAt = app.status === 'completed' ? await completedAtOf(db, id) : null;
  return { app, side, completedAt: completedAt ?? (app.status === 'completed' ? app.updatedAt : null) };
}
