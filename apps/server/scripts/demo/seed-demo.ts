import { randomUUID } from 'node:crypto';
import { makeIdNumber, makeUscc, makeUsccBody, parseIdNumber } from '@lingong/contracts';
import { eq, count } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import type { Pii } from '../../src/platform/pii.js';
import { staff, users } from '../../src/modules/accounts/accounts.schema.js';
import { employerMembers, employers } from '../../src/modules/employers/employers.schema.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { jobPostings } from '../../src/modules/jobs/jobs.schema.js';
import { jobSearchVector } from '../../src/modules/jobs/index.js';
import { occupations, regions } from '../../src/modules/reference/reference.schema.js';
import { hashPassword } from '../../src/modules/accounts/index.js';
import { TOWN_CENTRES } from '../../src/modules/reference/data/regions.js';
import { seedServiceRecords } from './seed-services.js';
import { seedDemoApplications } from './seed-applications.js';
import { seedTrainingAndEvents } from './seed-training-events.js';
import { seedPublicServices } from './seed-public-services.js';
import { seedCreditDemo } from './seed-credit.js';
import { seedPublicationsDemo } from './seed-publications.js';
import {
  createRng,
  fakeEmployerName,
  fakeJobTitle,
  fakeMobile,
  fakePersonName,
  fakeVillageAddress,
  fakeWage,
  jitterPoint,
  type Rng,
} from './generators.js';

export const DEMO_PASSWORD = 'Lingong@2025';
export const DEMO_WORKER_PHONE = '13800000001';
export const DEMO_EMPLOYER_PHONE = '13800000002';
const COUNTY = '450223000000';

/** Staff demo accounts, one per role; two station agents in different towns for scope demos. */
export const DEMO_STAFF = [
  { username: 'admin', name: '系统管理员', roles: ['admin'], regionCode: COUNTY, label: '管理员' },
  { username: 'counter', name: '窗口·韦小梅', roles: ['counter_staff'], regionCode: COUNTY, label: '窗口工作人员' },
  { username: 'reviewer', name: '审核·覃建国', roles: ['reviewer'], regionCode: COUNTY, label: '审核员' },
  { username: 'supervisor', name: '人社局·蓝主任', roles: ['supervisor'], regionCode: COUNTY, label: '监管（只读）' },
  {
    username: 'zhongdu',
    name: '中渡驿站·莫丽',
    roles: ['station_agent'],
    regionCode: '450223101000',
    label: '驿站（中渡镇）',
  },
  {
    username: 'zhaisha',
    name: '寨沙驿站·黄强',
    roles: ['station_agent'],
    regionCode: '450223102000',
    label: '驿站（寨沙镇）',
  },
] as const;

export const DEMO_LOGINS: { label: string; login: string }[] = [
  ...DEMO_STAFF.map((s) => ({ label: s.label, login: `/admin/  ${s.username} / ${DEMO_PASSWORD}` })),
  { label: '零工', login: `/  手机 ${DEMO_WORKER_PHONE}，验证码见服务日志` },
  { label: '用工主体', login: `/  手机 ${DEMO_EMPLOYER_PHONE}，验证码见服务日志` },
];

const PRIORITY_GROUPS = [
  '脱贫劳动力',
  '零就业家庭成员',
  '残疾人',
  '退役军人',
  '高校毕业生',
  '农民工/返乡人员',
  '失业人员',
  '低保家庭成员',
  '大龄(4050)人员',
  '灵活就业人员',
];
const CHANNELS = ['online', 'online', 'counter', 'counter', 'station', 'household', 'event'] as const;
const SETTLEMENTS = ['daily', 'daily', 'weekly', 'monthly', 'on_completion'] as const;

/** Monthly pay of a contract job: 3000-6000 yuan, in fen. */
function contractWage(rng: Rng): { unit: 'month'; minFen: number; maxFen: number } {
  const min = rng.int(30, 55) * 10_000;
  return { unit: 'month', minFen: min, maxFen: min + rng.int(0, 10) * 10_000 };
}

type SeedDeps = { db: DbOrTx; pii: Pii };
type Towns = { code: string; name: string }[];

async function loadContext(db: DbOrTx) {
  const towns: Towns = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'town'));
  const leaves = (
    await db
      .select({ id: occupations.id, name: occupations.name, isCategory: occupations.isCategory })
      .from(occupations)
  ).filter((o) => !o.isCategory);
  if (towns.length === 0 || leaves.length === 0) throw new Error('seed reference data first');
  return { towns, leaves };
}

/** Three placeholder villages per town with none, marked placeholder (the official list is imported). */
async function ensurePlaceholderVillages(db: DbOrTx, towns: Towns): Promise<Map<string, string[]>> {
  const existing = await db
    .select({ code: regions.code, parent: regions.parentCode })
    .from(regions)
    .where(eq(regions.level, 'village'));
  const byTown = new Map<string, string[]>();
  for (const v of existing) if (v.parent) byTown.set(v.parent, [...(byTown.get(v.parent) ?? []), v.code]);
  const rows = towns.flatMap((t) =>
    byTown.has(t.code)
      ? []
      : [1, 2, 3].map((i) => ({
          code: `${t.code.slice(0, 9)}${String(i).padStart(3, '0')}`,
          name: `${t.name.replace(/[镇乡]$/, '')}示例村${i}`,
          level: 'village' as const,
          parentCode: t.code,
          placeholder: true,
        })),
  );
  if (rows.length > 0) await db.insert(regions).values(rows).onConflictDoNothing();
  for (const r of rows) byTown.set(r.parentCode, [...(byTown.get(r.parentCode) ?? []), r.code]);
  return byTown;
}

function workerRow(pii: Pii, rng: Rng, i: number, home: string, occupationIds: string[], phone: string) {
  const day = (i * 7919) % 16000; // bijective on i mod 16000: spread birth dates, keep ID numbers unique
  const birth = new Date(Date.UTC(1961, 0, 1) + day * 86400_000).toISOString().slice(0, 10);
  const gender = rng.chance(0.55) ? 'male' : 'female';
  const idNumber = makeIdNumber({ regionCode: '450223', birthDate: birth, seq: Math.floor(i / 16000) % 500, gender });
  const parsed = parseIdNumber(idNumber);
  const groups = PRIORITY_GROUPS.filter(() => rng.chance(0.08));
  return {
    nameEnc: pii.encrypt(fakePersonName(rng)),
    idNumberEnc: pii.encrypt(idNumber),
    idNumberHash: pii.index('id_number', idNumber),
    idLast4: idNumber.slice(-4),
    phoneEnc: pii.encrypt(phone),
    phoneHash: pii.index('phone', phone),
    gender: parsed.ok ? parsed.value.gender : gender,
    birthDate: birth,
    homeRegionCode: home,
    occupationIds,
    priorityGroups: groups,
    expectedDailyWageFen: rng.int(150, 300) * 100,
    channel: rng.pick(CHANNELS),
  };
}

/** Insert N job seekers in batches of 1000 (multi-row inserts); returns how many were added. */
export async function seedWorkers(deps: SeedDeps, n: number, seed: number): Promise<number> {
  const { db, pii } = deps;
  const rng = createRng(seed);
  const { towns, leaves } = await loadContext(db);
  const villages = await ensurePlaceholderVillages(db, towns);
  const [existing] = await db.select({ n: count() }).from(workerProfiles);
  const offset = existing?.n ?? 0;
  // Registrations spread over the last ten months, a few today (own stream: the rest stays as seeded).
  const when = createRng(seed + 77);
  const registeredAt = () => new Date(Date.now() - (when.chance(0.05) ? 0 : when.int(1, 300)) * 86_400_000);
  for (let start = 0; start < n; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const town = rng.pick(towns);
      const home = rng.chance(0.8) ? rng.pick(villages.get(town.code) ?? [town.code]) : town.code;
      const occ = [rng.pick(leaves).id, ...(rng.chance(0.5) ? [rng.pick(leaves).id] : [])];
      const at = registeredAt();
      batch.push({
        ...workerRow(pii, rng, offset + i + 100, home, [...new Set(occ)], fakeMobile(rng)),
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.insert(workerProfiles).values(batch).onConflictDoNothing();
  }
  return n;
}

/** Insert M employers with valid credit codes (enterprises) or ID numbers (private persons). */
export async function seedEmployers(
  deps: SeedDeps,
  m: number,
  seed: number,
): Promise<{ id: string; townCode: string; name: string; verificationStatus: string }[]> {
  const { db, pii } = deps;
  const rng = createRng(seed + 1);
  const { towns } = await loadContext(db);
  const rows = [];
  for (let i = 0; i < m; i++) {
    const town = rng.pick(towns);
    const kind = rng.pick(['enterprise', 'enterprise', 'individual_business', 'private_person'] as const);
    const name = kind === 'private_person' ? `${fakePersonName(rng)}（个人雇主）` : fakeEmployerName(rng, town.name);
    const phone = fakeMobile(rng);
    const idNumber =
      kind === 'private_person'
        ? makeIdNumber({
            regionCode: '450223',
            birthDate: `19${rng.int(60, 95)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
            seq: rng.int(0, 499),
            gender: 'male',
          })
        : null;
    rows.push({
      id: randomUUID(),
      name: `${name}${m > 200 ? `·${i}` : ''}`,
      kind,
      uscc:
        kind === 'private_person'
          ? null
          : makeUscc(
              makeUsccBody({
                regionCode: '450223',
                seed: (seed * 7919 + i * 104729) % 100_000_000,
                typeCode: kind === 'enterprise' ? '91' : '92',
              }),
            ),
      idNumberEnc: idNumber ? pii.encrypt(idNumber) : null,
      idNumberHash: idNumber ? pii.index('id_number', idNumber) : null,
      townCode: town.code,
      address: fakeVillageAddress(rng, town.name),
      industry: rng.pick(['建筑业', '农业', '制造业', '批发零售', '住宿餐饮', '居民服务', '交通运输']),
      size: rng.pick(['10人以下', '10-49人', '50-299人', '300人以上']),
      contactName: fakePersonName(rng),
      contactPhoneEnc: pii.encrypt(phone),
      contactPhoneHash: pii.index('phone', phone),
      verificationStatus: rng.chance(0.85) ? ('verified' as const) : ('pending' as const),
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(employers)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  return rows.map((r) => ({
    id: r.id,
    townCode: r.townCode,
    name: r.name,
    verificationStatus: r.verificationStatus,
  }));
}

/** Insert K job postings, mostly published, spread over the employers' towns. */
export async function seedJobs(
  deps: SeedDeps,
  k: number,
  seed: number,
  employerList?: { id: string; townCode: string; verificationStatus?: string }[],
): Promise<number> {
  const { db, pii } = deps;
  const rng = createRng(seed + 2);
  const { towns, leaves } = await loadContext(db);
  const emps =
    employerList ??
    (await db
      .select({ id: employers.id, townCode: employers.townCode, verificationStatus: employers.verificationStatus })
      .from(employers));
  if (emps.length === 0) return 0;
  const townName = new Map(towns.map((t) => [t.code, t.name]));
  const occNames = new Map(leaves.map((o) => [o.id, o.name]));
  const today = Date.now();
  const rows = [];
  for (let i = 0; i < k; i++) {
    const emp = rng.pick(emps);
    const occ = rng.pick(leaves);
    const kind = rng.chance(0.65) ? ('flexible' as const) : ('contract' as const);
    const wage = kind === 'contract' ? contractWage(rng) : fakeWage(rng, occ.name);
    const start = new Date(today + rng.int(-10, 20) * 86400_000);
    const centre = TOWN_CENTRES[emp.townCode] ?? { lng: 109.75, lat: 24.47 };
    const point = jitterPoint(rng, centre, 4);
    // As the live rules do: an unverified employer's posting waits for review.
    const draw = rng.chance(0.85);
    const verified = (emp.verificationStatus ?? 'verified') === 'verified';
    const status = draw && verified ? ('published' as const) : ('pending_review' as const);
    const title = fakeJobTitle(rng, occ.name);
    rows.push({
      employerId: emp.id,
      occupationId: occ.id,
      title,
      kind,
      headcount: kind === 'contract' ? rng.int(5, 60) : rng.int(1, 12),
      wageMinFen: wage.minFen,
      wageMaxFen: wage.maxFen,
      wageUnit: wage.unit,
      settlement: kind === 'contract' ? ('monthly' as const) : rng.pick(SETTLEMENTS),
      townCode: emp.townCode,
      address: fakeVillageAddress(rng, townName.get(emp.townCode) ?? '鹿寨镇'),
      lng: point.lng,
      lat: point.lat,
      startDate: start.toISOString().slice(0, 10),
      endDate: new Date(start.getTime() + rng.int(1, 60) * 86400_000).toISOString().slice(0, 10),
      workHours: rng.pick(['08:00-17:00', '07:30-11:30, 14:30-18:00', '09:00-18:00', '夜班 20:00-08:00']),
      requirements: rng.pick(['身体健康，能吃苦耐劳', '有相关经验优先', '持证上岗', '']),
      contactName: fakePersonName(rng),
      contactPhoneEnc: pii.encrypt(fakeMobile(rng)),
      status,
      sourceChannel: rng.pick(['online', 'online', 'counter', 'station'] as const),
      publishedAt: status === 'published' ? new Date(today - rng.int(0, 20) * 86400_000) : null,
    });
  }
  // Search tokens (jieba) as the app writes them, so demo jobs are found by Chinese keywords.
  const withTokens = rows.map((r) => ({
    ...r,
    searchTokens: jobSearchVector({
      title: r.title,
      occupationName: occNames.get(r.occupationId) ?? '',
      townName: townName.get(r.townCode) ?? '',
      address: r.address,
      requirements: r.requirements,
    }),
  }));
  for (let i = 0; i < withTokens.length; i += 500) await db.insert(jobPostings).values(withTokens.slice(i, i + 500));
  return k;
}

async function seedDemoAccounts(
  deps: SeedDeps,
  firstEmployerId: string | undefined,
  passwordHash: string,
): Promise<void> {
  const { db, pii } = deps;
  await db
    .insert(staff)
    .values(
      DEMO_STAFF.map((s) => ({
        username: s.username,
        name: s.name,
        roles: [...s.roles],
        regionCode: s.regionCode,
        passwordHash,
      })),
    )
    .onConflictDoNothing();
  const rng = createRng(7);
  for (const [i, phone] of [DEMO_WORKER_PHONE, DEMO_EMPLOYER_PHONE].entries()) {
    const [user] = await db
      .insert(users)
      .values({
        phoneEnc: pii.encrypt(phone),
        phoneHash: pii.index('phone', phone),
        displayName: i === 0 ? '韦大勇' : '李老板',
      })
      .onConflictDoNothing()
      .returning();
    if (!user) continue;
    const row = workerRow(pii, rng, 10 + i, '450223101000', [], phone);
    await db
      .insert(workerProfiles)
      .values({ ...row, userId: user.id, nameEnc: pii.encrypt(i === 0 ? '韦大勇' : '李建华'), channel: 'online' })
      .onConflictDoNothing();
    if (i === 1 && firstEmployerId)
      await db
        .insert(employerMembers)
        .values({ employerId: firstEmployerId, userId: user.id, role: 'owner' })
        .onConflictDoNothing();
  }
}

/** The demo data set `npm start` makes once. Returns false when demo staff already exist. */
export async function seedDemo(
  deps: SeedDeps,
  opts: { workers: number; employers: number; jobs: number; seed: number },
): Promise<boolean> {
  const already = await deps.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin')).limit(1);
  if (already.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction: a failed first start leaves nothing half-seeded.
  await deps.db.transaction(async (tx) => {
    const txDeps = { db: tx, pii: deps.pii };
    const emps = await seedEmployers(txDeps, opts.employers, opts.seed);
    // The demo employer account (李老板) is verified, so its clean postings publish at once.
    const demoEmployer = emps[0];
    if (demoEmployer && demoEmployer.verificationStatus !== 'verified') {
      await tx
        .update(employers)
        .set({ verificationStatus: 'verified', verifiedAt: new Date() })
        .where(eq(employers.id, demoEmployer.id));
      demoEmployer.verificationStatus = 'verified';
    }
    await seedJobs(txDeps, opts.jobs, opts.seed, emps);
    await seedWorkers(txDeps, opts.workers, opts.seed);
    await seedDemoApplications(tx, { seed: opts.seed, skipEmployerId: emps[0]?.id });
    await seedDemoAccounts(txDeps, emps[0]?.id, passwordHash);
    await seedServiceRecords(tx, { seed: opts.seed, followups: 150, matchmakings: 240, guidance: 80 });
    await seedTrainingAndEvents(tx, { seed: opts.seed });
    await seedPublicServices(tx, deps.pii, { seed: opts.seed });
    await seedCreditDemo(tx);
    await seedPublicationsDemo(tx);
  });
  return true;
}
