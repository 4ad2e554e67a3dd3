import { isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { staff } from '../../src/modules/accounts/accounts.schema.js';
import { jobPostings } from '../../src/modules/jobs/jobs.schema.js';
import { isWithinRegion } from '../../src/modules/reference/index.js';
import { insertFollowups, insertGuidanceSessions, insertMatchmakings } from '../../src/modules/services/index.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { createRng, type Rng } from './generators.js';

// Demo public-employment-service records (follow-ups, matchmakings, career guidance), spread
// over the current year so the KPI dashboard and its trend are not empty on a fresh start.

const TOPICS = ['择业方向', '求职技巧', '职业规划', '技能培训建议', '创业指导', '就业政策咨询'];
const ADVICE = [
  '建议先参加电工培训，取得证书后再求职',
  '建议关注附近工业园区的日结岗位',
  '可优先考虑家政服务类岗位，时间灵活',
  '建议参加下月的招聘会，带好身份证',
  '可申请创业担保贷款，先做小规模试点',
];
const NOTES = ['电话回访', '上门走访', '驿站面谈', '微信联系', ''];

/** A moment between 1 January of `now`'s year (Shanghai) and `now`. */
function thisYear(rng: Rng, now: Date): Date {
  const start = Date.parse(`${new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()}-01-01T00:00:00+08:00`);
  return new Date(start + Math.floor(rng.next() * Math.max(1, now.getTime() - start)));
}

export async function seedServiceRecords(
  db: DbOrTx,
  opts: { seed: number; followups: number; matchmakings: number; guidance: number; now?: Date },
): Promise<void> {
  const rng = createRng(opts.seed + 5);
  const now = opts.now ?? new Date();
  const workers = await db
    .select({ id: workerProfiles.id, region: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .limit(2000);
  const recorders = (
    await db.select({ id: staff.id, region: staff.regionCode, roles: staff.roles }).from(staff)
  ).filter((s) => s.roles.includes('counter_staff') || s.roles.includes('station_agent'));
  const jobs = await db
    .select({ id: jobPostings.id, employerId: jobPostings.employerId })
    .from(jobPostings)
    .where(isNotNull(jobPostings.publishedAt));
  if (workers.length === 0 || recorders.length === 0) return;
  const recorderFor = (region: string) => {
    const local = recorders.filter((s) => isWithinRegion(s.region, region));
    return rng.pick(local.length > 0 ? local : recorders).id;
  };

  await insertFollowups(
    db,
    Array.from({ length: opts.followups }, () => {
      const w = rng.pick(workers);
      const contactedAt = thisYear(rng, now);
      return {
        workerId: w.id,
        contactedAt,
        status: rng.pick(['employed', 'employed', 'seeking', 'in_training', 'other'] as const),
        note: rng.pick(NOTES),
        nextDate: rng.chance(0.5)
          ? new Date(contactedAt.getTime() + rng.int(7, 60) * 86_400_000).toISOString().slice(0, 10)
          : null,
        regionCode: w.region,
        recorderStaffId: recorderFor(w.region),
      };
    }),
  );
  await insertMatchmakings(
    db,
    Array.from({ length: opts.matchmakings }, () => {
      const w = rng.pick(workers);
      const job = jobs.length > 0 ? rng.pick(jobs) : null;
      const manual = rng.chance(0.4);
      return {
        workerId: w.id,
        jobId: job?.id ?? null,
        employerId: job?.employerId ?? null,
        channel: manual ? ('offline' as const) : ('online' as const),
        kind: manual
          ? rng.pick(['referral', 'referral', 'hire'] as const)
          : rng.pick(['apply', 'apply', 'invite', 'hire'] as const),
        source: manual ? ('manual' as const) : ('auto' as const),
        recorderStaffId: manual ? recorderFor(w.region) : null,
        note: manual ? rng.pick(NOTES) : '',
        occurredAt: thisYear(rng, now),
        regionCode: w.region,
      };
    }),
  );
  await insertGuidanceSessions(
    db,
    Array.from({ length: opts.guidance }, () => {
      const w = rng.pick(workers);
      const sessionAt = thisYear(rng, now);
      return {
        workerId: w.id,
        sessionAt,
        topic: rng.pick(TOPICS),
        advice: rng.pick(ADVICE),
        nextStep: rng.pick(['报名技能培训', '参加下次招聘会', '两周后电话回访', '']),
        followupDate: rng.chance(0.6)
          ? new Date(sessionAt.getTime() + rng.int(7, 30) * 86_400_000).toISOString().slice(0, 10)
          : null,
        regionCode: w.region,
        recorderStaffId: recorderFor(w.region),
      };
    }),
  );
}
