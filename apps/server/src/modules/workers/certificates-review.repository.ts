import { and, asc, count, desc, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { workerCertificates, workerProfiles } from './workers.schema.js';

export type CertificateReviewStatus = (typeof workerCertificates.$inferSelect)['reviewStatus'];

const columns = {
  cert: workerCertificates,
  nameEnc: workerProfiles.nameEnc,
  homeRegionCode: workerProfiles.homeRegionCode,
  userId: workerProfiles.userId,
};
export type CertificateWithWorker = {
  cert: typeof workerCertificates.$inferSelect;
  nameEnc: string;
  homeRegionCode: string;
  userId: string | null;
};

/** Certificates of one review status whose worker lives in the region; pending: oldest first. */
export async function findCertificatesPageForReview(
  db: DbOrTx,
  opts: { regionPattern: string; status: CertificateReviewStatus },
  slice: Slice,
): Promise<Fetched<CertificateWithWorker>> {
  const where = and(
    eq(workerCertificates.reviewStatus, opts.status),
    like(workerProfiles.homeRegionCode, opts.regionPattern),
  );
  const order =
    opts.status === 'pending'
      ? [
          asc(workerCertificates.createdAt),
          asc(workerCertificates.workerId),
          asc(workerCertificates.sort),
          asc(workerCertificates.id),
        ]
      : [desc(workerCertificates.reviewedAt), asc(workerCertificates.id)];
  const items: CertificateWithWorker[] = await db
    .select(columns)
    .from(workerCertificates)
    .innerJoin(workerProfiles, eq(workerProfiles.id, workerCertificates.workerId))
    .where(where)
    .orderBy(...order)
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db
    .select({ n: count() })
    .from(workerCertificates)
    .innerJoin(workerProfiles, eq(workerProfiles.id, workerCertificates.workerId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findCertificatesWithWorker(db: DbOrTx, ids: string[]): Promise<CertificateWithWorker[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(workerCertificates)
    .innerJoin(workerProfiles, eq(workerProfiles.id, workerCertificates.workerId))
    .where(inArray(workerCertificates.id, ids));
}

/** Decide one certificate while it is still pending; undefined when it moved on. */
export async function decidePendingCertificate(
  db: DbOrTx,
  id: string,
  values: {
    reviewStatus: 'verified' | 'rejected';
    reviewReason: string | null;
    reviewedAt: Date;
    reviewedByStaffId: string;
  },
) {
  const [row] = await db
    .update(workerCertificates)
    .set(values)
    .where(and(eq(workerCertificates.id, id), eq(workerCertificates.reviewStatus, 'pending')))
    .returning();
  return row;
}
