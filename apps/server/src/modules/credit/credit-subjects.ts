import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import type { CreditSubject } from './credit-rules.js';

// Credit subjects (worker profiles, employers) are owned by the workers and employers modules, which
// show credit levels and so build on credit. They plug their look-ups in here from their index.ts
// (provideCreditWorkers, provideCreditEmployers), so credit imports neither module nor their tables.

export type SubjectInfo = { id: string; regionCode: string; name: string; userIds: string[] };

/** Region, name (masked for workers, '' without pii) and users to notify, by subject id. */
export type SubjectInfoLookup = (db: DbOrTx, pii: Pii | null, ids: string[]) => Promise<SubjectInfo[]>;

export type CreditWorkers = {
  infos: SubjectInfoLookup;
  /** The worker profile id of an app user, if they have one. */
  workerIdOfUser: (db: DbOrTx, userId: string) => Promise<string | undefined>;
};

export type CreditEmployers = {
  infos: SubjectInfoLookup;
  /** Throws unless the user is a member of the employer. */
  requireMember: (db: DbOrTx, actor: UserActor, employerId: string) => Promise<unknown>;
};

let workers: CreditWorkers | undefined;
let employers: CreditEmployers | undefined;

/** Called once by the workers module. */
export function provideCreditWorkers(s: CreditWorkers): void {
  workers = s;
}

/** Called once by the employers module. */
export function provideCreditEmployers(s: CreditEmployers): void {
  employers = s;
}

export function creditWorkers(): CreditWorkers {
  if (!workers) throw new Error('credit subjects: the workers module is not loaded');
  return workers;
}

export function creditEmployers(): CreditEmployers {
  if (!employers) throw new Error('credit subjects: the employers module is not loaded');
  return employers;
}

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
  const source = type === 'worker' ? creditWorkers() : creditEmployers();
  for (const info of await source.infos(db, pii, unique)) out.set(info.id, info);
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
