import type { EmployerActivity } from '@lingong/contracts';
import { maskName } from '../../platform/crypto/mask.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertReadableRegion, requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import type { EmployersDeps } from './employer-registration.service.js';
import { employerActivityReads } from './activity-source.js';
import * as repo from './employers.repository.js';

const commentOf = (r: {
  comment: string;
  reviewStatus: string;
}): Pick<EmployerActivity['ratings']['items'][number], 'comment' | 'commentState'> => {
  if (r.comment === '') return { comment: null, commentState: 'none' };
  if (r.reviewStatus === 'hidden') return { comment: null, commentState: 'hidden' };
  if (r.reviewStatus === 'flagged') return { comment: null, commentState: 'pending_review' };
  return { comment: r.comment, commentState: 'visible' };
};

/** The drawer's hires and ratings received, for an employer in the actor's region (else 404). */
export async function getEmployerActivity(
  deps: EmployersDeps,
  actor: StaffActor,
  id: string,
): Promise<EmployerActivity> {
  requirePermission(actor, 'employers.read');
  const row = await repo.findEmployerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.townCode);
  const activity = employerActivityReads();
  const [hires, rated] = await Promise.all([
    activity.findHires(deps.db, id),
    activity.findRatingsReceived(deps.db, id),
  ]);
  const masked = (enc: string) => maskName(deps.pii.decrypt(enc)) ?? '';
  return {
    hires: {
      total: hires.total,
      items: hires.rows.map((h) => ({
        applicationId: h.applicationId,
        jobId: h.jobId,
        jobTitle: h.jobTitle,
        workerNameMasked: masked(h.workerNameEnc),
        status: h.status as EmployerActivity['hires']['items'][number]['status'],
        hiredAt: h.hiredAt?.toISOString() ?? null,
        completedAt: h.completedAt?.toISOString() ?? null,
        wageTotalFen: h.wageTotalFen ?? null,
      })),
    },
    ratings: {
      total: rated.total,
      averageStars: rated.averageStars,
      items: rated.rows.map((r) => ({
        id: r.id,
        jobTitle: r.jobTitle,
        workerNameMasked: masked(r.workerNameEnc),
        stars: r.stars,
        tags: r.tags,
        ...commentOf(r),
        createdAt: r.createdAt.toISOString(),
      })),
    },
  };
}
