import type { ReviewQueueCounts } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { requirePermission, scopeLikePattern, type StaffActor } from '../../platform/rbac/actor.js';
import * as repo from './review-queues.repository.js';
import { countPendingAppeals } from '../credit/index.js';
import { countFlaggedRatings } from '../ratings/index.js';
import { countOpenGrievances } from '../grievances/index.js';

/** What waits for review in the actor's region: postings pending review, employers pending verification. */
export async function countReviewQueues(db: DbOrTx, actor: StaffActor): Promise<ReviewQueueCounts> {
  requirePermission(actor, 'dashboard.read');
  const pattern = scopeLikePattern(actor);
  const pendingPostings = await repo.countPendingPostings(db, pattern);
  const pendingEmployers = await repo.countPendingEmployers(db, pattern);
  const pendingCertificates = await repo.countPendingCertificates(db, pattern);
  const flaggedRatings = await countFlaggedRatings(db, pattern);
  const pendingAppeals = await countPendingAppeals(db, pattern);
  const openGrievances = await countOpenGrievances(db, pattern);
  return { pendingPostings, pendingEmployers, pendingCertificates, flaggedRatings, pendingAppeals, openGrievances };
}
