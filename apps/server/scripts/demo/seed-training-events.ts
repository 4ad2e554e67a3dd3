import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client.js';
import { staff } from '../../src/modules/accounts/accounts.schema.js';
import { employers } from '../../src/modules/employers/employers.schema.js';
import { deliveryConfirmations, recruitmentEvents, workerDeliveries } from '../../src/modules/events/index.js';
import { isWithinRegion } from '../../src/modules/reference/index.js';
import { TOWN_CENTRES } from '../../src/modules/reference/data/regions.js';
import {
  classSessions,
  sessionAttendance,
  trainingCourses,
  trainingEnrolments,
  trainingNeeds,
  trainingProviders,
  trainingRecommendations,
} from '../../src/modules/training/index.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { createRng, type Rng } from './generators.js';

// Demo training and events records: needs, courses with class sessions and attendance,
// recommendations (most needs covered), recruitment fairs, livestreams, station events and 送工
// deliveries, dated inside the current year and before `now`, so those KPI cards are not empty.

const COUNTY = '450223000000';
const TRADES = ['电工', '焊工', '家政服务员', '育婴员', '中式烹调师', '电子商务师'];
const STATION_KINDS = ['fair', 'training', 'guidance', 'assistance'] as const;

function yearStart(now: Date): number {
  return Date.parse(`${new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()}-01-01T00:00:00+08:00`);
}
/** A moment between `from` and `now`. */
const between = (rng: Rng, from: number, now: Date) =>
  new Date(from + Math.floor(rng.next() * Math.max(1, now.getTime() - from)));

async function insertBatched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function seedTrainingAndEvents(db: DbOrTx, opts: { seed: number; now?: Date }): Promise<void> {
  const rng = createRng(opts.seed + 11);
  const now = opts.now ?? new Date();
  const start = yearStart(now);
  const july = Date.parse(`${new Date(start + 86_400_000).getUTCFullYear()}-07-01T00:00:00+08:00`);
  // Events and deliveries fall in the second half when it has begun, else anywhere in the year so far.
  const h2 = july <= now.getTime() ? july : start;
  const workers = await db
    .select({ id: workerProfiles.id, region: workerProfiles.homeRegionCode, groups: workerProfiles.priorityGroups })
    .from(workerProfiles)
    .limit(400);
  const recorders = (
    await db.select({ id: staff.id, region: staff.regionCode, roles: staff.roles }).from(staff)
  ).filter((s) => s.roles.includes('counter_staff') || s.roles.includes('station_agent'));
  const emps = await db.select({ id: employers.id }).from(employers).limit(20);
  if (workers.length < 20 || recorders.length === 0) return;
  const recorderFor = (region: string) => {
    const local = recorders.filter((s) => isWithinRegion(s.region, region));
    return rng.pick(local.length > 0 ? local : recorders).id;
  };

  // Needs: 180 workers, one trade each.
  const needy = workers
    .slice(0, Math.min(180, workers.length))
    .map((w) => ({ ...w, trade: rng.pick(TRADES), at: between(rng, start, now) }));
  await insertBatched(
    needy.map((w) => ({
      workerId: w.id,
      trade: w.trade,
      note: '窗口登记培训意愿',
      regionCode: w.region,
      recorderStaffId: recorderFor(w.region),
      createdAt: w.at,
    })),
    (chunk) => db.insert(trainingNeeds).values(chunk),
  );

  // Provider and one course per trade, 40 sessions each (240 class sessions in the year).
  const providerId = randomUUID();
  await db
    .insert(trainingProviders)
    .values({ id: providerId, name: '鹿寨县职业技能培训中心', contact: '0772-6812345', regionCode: COUNTY });
  const courses = TRADES.map((trade, i) => ({
    id: randomUUID(),
    providerId,
    trade,
    title: `${trade}技能提升培训班`,
    hours: 80,
    sessionCount: 40,
    startDate: new Date(start + 8 * 3600_000).toISOString().slice(0, 10),
    endDate: new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    place: i % 2 === 0 ? '鹿寨县零工市场培训室' : '鹿寨县职业技能培训中心',
    capacity: 40,
    funding: i < 4 ? ('subsidised' as const) : ('self_paid' as const),
    eligibleGroups: i < 4 ? ['脱贫人口', '就业困难人员', '高校毕业生'] : [],
    regionCode: COUNTY,
  }));
  await db.insert(trainingCourses).values(courses);

  // Recommendations: 90% of needs, after the need; enrolments: the first 40 recommended per course.
  const recs = needy
    .filter(() => rng.next() < 0.9)
    .map((w) => {
      const course = courses.find((c) => c.trade === w.trade) ?? courses[0];
      return {
        courseId: course?.id ?? '',
        workerId: w.id,
        regionCode: w.region,
        recorderStaffId: recorderFor(w.region),
        sentAt: between(rng, w.at.getTime(), now),
        groups: w.groups,
      };
    });
  await insertBatched(
    recs.map(({ groups: _g, ...r }) => r),
    (chunk) => db.insert(trainingRecommendations).values(chunk),
  );
  for (const course of courses) {
    const enrolled = recs.filter((r) => r.courseId === course.id && rng.next() < 0.7).slice(0, course.capacity);
    if (enrolled.length > 0) {
      await db.insert(trainingEnrolments).values(
        enrolled.map((r) => ({
          courseId: course.id,
          workerId: r.workerId,
          subsidised: course.funding === 'subsidised' && r.groups.some((g) => course.eligibleGroups.includes(g)),
          regionCode: r.regionCode,
          enrolledAt: r.sentAt,
        })),
      );
    }
    const times = Array.from({ length: course.sessionCount }, () => between(rng, start, now)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    const sessions = times.map((heldAt, i) => ({
      id: randomUUID(),
      courseId: course.id,
      seq: i + 1,
      heldAt,
      topic: `${course.trade}第${i + 1}课`,
      teacher: rng.pick(['李老师', '韦老师', '覃老师']),
      regionCode: course.regionCode,
      recorderStaffId: rng.pick(recorders).id,
    }));
    await db.insert(classSessions).values(sessions);
    const attendance = sessions.flatMap((s) =>
      enrolled.filter(() => rng.next() < 0.85).map((r) => ({ sessionId: s.id, workerId: r.workerId })),
    );
    await insertBatched(attendance, (chunk) => db.insert(sessionAttendance).values(chunk));
  }

  // Events: 3 offline fairs, 1 online fair, 1 livestream in the second half; 9 station events, one per town.
  const event = (
    kind: 'offline_fair' | 'online_fair' | 'livestream' | 'station',
    title: string,
    regionCode: string,
    from: number,
    extra: Partial<typeof recruitmentEvents.$inferInsert> = {},
  ) => ({
    kind,
    title,
    heldAt: between(rng, from, now),
    regionCode,
    checkinSecret: randomUUID(),
    intentions: rng.int(10, 60),
    hires: rng.int(3, 10),
    recorderStaffId: recorderFor(regionCode),
    ...extra,
  });
  const towns = Object.keys(TOWN_CENTRES);
  await db.insert(recruitmentEvents).values([
    event('offline_fair', '春风行动专场招聘会', COUNTY, h2, { place: '鹿寨县零工市场' }),
    event('offline_fair', '工业园区企业专场招聘会', COUNTY, h2, { place: '鹿寨经济开发区' }),
    event('offline_fair', '金秋招聘月现场招聘会', COUNTY, h2, { place: '鹿寨县人民广场' }),
    event('online_fair', '线上招聘会（零工小程序专场）', COUNTY, h2, { place: '' }),
    event('livestream', '直播带岗·家门口好工作', COUNTY, h2, {
      platform: '抖音',
      link: 'https://live.douyin.com/lingong',
    }),
    ...towns.map((town, i) =>
      event('station', `零工驿站${['招聘会', '技能培训', '就业创业指导', '就业帮扶'][i % 4]}`, town, start, {
        stationKind: STATION_KINDS[i % 4],
        place: '零工驿站',
      }),
    ),
  ]);

  // 送工: four deliveries; the last has a sender count one short, noted.
  if (emps.length === 0) return;
  for (let i = 0; i < 4; i++) {
    const region = rng.pick(towns);
    const local = workers.filter((w) => isWithinRegion(region, w.region)).slice(0, 5);
    if (local.length === 0) continue;
    const id = randomUUID();
    const deliveredOn = new Date(between(rng, h2, now).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await db.insert(workerDeliveries).values({
      id,
      employerId: rng.pick(emps).id,
      sender: '乡镇劳务工作站',
      deliveredOn,
      workerIds: local.map((w) => w.id),
      regionCode: region,
      recorderStaffId: recorderFor(region),
    });
    const n = local.length;
    await db.insert(deliveryConfirmations).values([
      {
        deliveryId: id,
        party: 'enterprise' as const,
        confirmedCount: n,
        confirmer: '企业人事',
        discrepancy: 0,
        confirmedAt: now,
      },
      {
        deliveryId: id,
        party: 'sender' as const,
        confirmedCount: i === 3 ? n - 1 : n,
        confirmer: '劳务站站长',
        discrepancy: i === 3 ? -1 : 0,
        note: i === 3 ? '1人当天未到岗' : '',
        confirmedAt: now,
      },
      {
        deliveryId: id,
        party: 'bureau' as const,
        confirmedCount: n,
        confirmer: '县人社局',
        discrepancy: 0,
        confirmedAt: now,
      },
    ]);
  }
}
