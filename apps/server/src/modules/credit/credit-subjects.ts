import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { maskName } from '../../platform/crypto/mask.js';
import type { Pii } from '../../platform/pii.js';
import { employerMembers, employers } from '../employers/employers.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import type { CreditSubject } from './credit-rules.js';

// Read-only look-ups of credit subjects (worker profiles, employers): region for scope, a display
// name for staff lists, and the users to notify. Schema-level reads keep the credit core free of
// import cycles with the modules that show credit levels.

export type SubjectInfo = { id: string; regionCode: string; name: string; userIds: string[] };

/** Region, masked name (workers) or name (employers), and users to notify, by subject id. */
export async function subjectInfos(
  db: DbOrTx,
  pii: Pii | null,
  type: CreditSubject,
  ids: string[],
): Promise<Map<string, SubjectInfo>> {
  const out = new Map<string, SubjectInfo>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  if (type === 'worker') {
    const rows = await db
      .select({
        id: workerProfiles.id,
        regionCode: workerProfiles.homeRegionCode,
        nameEnc: workerProfiles.nameEnc,
        userId: workerProfiles.userId,
      })
      .from(workerProfiles)
      .where(inArray(workerProfiles.id, unique));
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        regionCode: r.regionCode,
        name: pii ? (maskName(pii.decrypt(r.nameEnc)) ?? '') : '',
        userIds: r.userId ? [r.userId] : [],
      });
    return out;
  }
  const rows = await db
    .select({ id: employers.id, regionCode: employers.townCode, name: employers.name })
    .from(employers)
    .where(inArray(employers.id, unique));
  const members = await db
    .select({ employerId: employerMembers.employerId, userId: employerMembers.userId })
    .from(employerMembers)
    .where(inArray(employerMembers.employerId, unique));
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      regionCode: r.regionCode,
      name: r.name,
      userIds: members.filter((m) => m.employerId === r.id).map((m) => m.userId),
    });
  return out;
}

export async function subjectInfo(
  db: DbOrTx,
  pii: Pii | null,
  type: CreditSubject,
  id: string,
): Promise<SubjectInfo | undefined> {
  return (await subjectInfos(db, pii, type, [id])).get(id);
}
