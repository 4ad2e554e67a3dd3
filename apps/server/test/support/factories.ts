import { randomUUID } from 'node:crypto';
import { makeIdNumber, makeUscc, makeUsccBody, type REGISTRATION_CHANNELS, type StaffRole } from '@lingong/contracts';
import { eq } from 'drizzle-orm';
import { employerMembers, employers } from '../../src/modules/employers/employers.schema.js';
import { occupations } from '../../src/modules/reference/reference.schema.js';
import { findStaffByUsername, hashPassword, insertStaff } from '../../src/modules/accounts/index.js';
import { insertJobs } from '../../src/modules/jobs/index.js';
import { insertWorkers } from '../../src/modules/workers/index.js';
import type { jobPostings } from '../../src/modules/jobs/jobs.schema.js';
import type { TestContext } from './test-app.js';

// The core makers of the server tests, one per entity: `makeStaff` (and `staffToken`),
// `appUser`, `makeWorker`, `makeEmployer`, `makeJob`. The module-specific factories in the other
// files of this folder are thin wrappers over these (a line of options) or API flows built on them.

export const TOWNS = {
  luzhai: '450223100000',
  zhongdu: '450223101000',
  zhaisha: '450223102000',
} as const;
export const COUNTY = '450223000000';
export const PASSWORD = 'Test@Password1';
/** The village workers live in unless told otherwise (under 中渡镇). */
export const DEFAULT_VILLAGE = '450223101001';

/** One counter for every generated name, phone, ID number and USCC (so makers never collide). */
let seq = 0;

// ---- Staff ----

/** A staff member with roles and a region scope, inserted without logging in; returns its username. */
export async function buildStaff(
  ctx: TestContext,
  opts: { roles: StaffRole[]; regionCode?: string; username?: string },
): Promise<string> {
  seq += 1;
  const username = opts.username ?? `staff${seq}_${opts.roles.join('_')}`;
  await insertStaff(ctx.deps.database.db, {
    username,
    name: `测试${seq}`,
    passwordHash: await hashPassword(PASSWORD),
    roles: opts.roles,
    regionCode: opts.regionCode ?? COUNTY,
  });
  return username;
}

/** Log a staff member in; returns the session token. */
export async function loginStaff(ctx: TestContext, username: string, password = PASSWORD): Promise<string> {
  const res = await ctx.anon.post('/api/v1/public/auth/login/staff', { username, password });
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${res.body}`);
  return (res.data as { token: string }).token;
}

export type MadeStaff = { token: string; id: string; name: string; username: string };

/** The core staff maker: a logged-in staff member with roles and a region scope (default: the county). */
export async function makeStaff(
  ctx: TestContext,
  opts: { roles: StaffRole[]; regionCode?: string; username?: string },
): Promise<MadeStaff> {
  const username = await buildStaff(ctx, opts);
  const row = await findStaffByUsername(ctx.deps.database.db, username);
  if (!row) throw new Error('staff not found');
  return { token: await loginStaff(ctx, username), id: row.id, name: row.name, username };
}

/** The session token of a new staff member. */
export async function staffToken(ctx: TestContext, opts: { roles: StaffRole[]; regionCode?: string }): Promise<string> {
  return (await makeStaff(ctx, opts)).token;
}

// ---- App users ----

/** Request a code for a phone and log in with it (reads the code from the local SMS provider). */
export async function loginPhone(ctx: TestContext, phone: string): Promise<string> {
  const sent = await ctx.anon.post('/api/v1/public/auth/sms-code', { phone });
  if (sent.status !== 200) throw new Error(`sms failed: ${sent.body}`);
  const code = ctx.sms.latest(phone)?.params.code;
  const res = await ctx.anon.post('/api/v1/public/auth/login/phone', { phone, code });
  if (res.status !== 200) throw new Error(`phone login failed: ${res.body}`);
  return (res.data as { token: string }).token;
}

export type AppUser = { token: string; userId: string; phone: string };

/** A fresh app user logged in by phone; returns its token, id and phone. */
export async function appUser(ctx: TestContext, phone?: string): Promise<AppUser> {
  seq += 1;
  const p = phone ?? `137${String(10_000_000 + seq).slice(-8)}`;
  const token = await loginPhone(ctx, p);
  const me = await ctx.as(token).get('/api/v1/app/me');
  return { token, userId: (me.data as { id: string }).id, phone: p };
}

// ---- Workers ----

export type WorkerOpts = {
  name?: string;
  /** Default {@link DEFAULT_VILLAGE}. */
  homeRegionCode?: string;
  /**
   * The gender and birth-date columns, as read from the ID card at a counter (default male, born
   * 1975-03-01; null for an app worker, whose form does not ask); the ID number carries them too.
   */
  gender?: 'male' | 'female';
  birthDate?: string;
  phone?: string;
  /** Default `online` for an app worker, `counter` otherwise. */
  channel?: (typeof REGISTRATION_CHANNELS)[number];
  /** The staff member who registered the worker. */
  staffId?: string;
  /** Registration time (createdAt and updatedAt); default: the database's now. */
  createdAt?: Date;
  /** 工种 the worker seeks. */
  occupationIds?: string[];
  priorityGroups?: string[];
  /** 培训意愿. */
  trainingIntentions?: string[];
  /** Expected pay per day. */
  expectedPayFen?: number;
  maxDistanceKm?: number;
  /** Log a new app user in by phone and link the profile to it (the worker's phone is the user's). */
  app?: boolean;
  /** Link the profile to an existing app user instead. */
  userId?: string;
};
export type MadeWorker = { id: string; name: string; idNumber: string; phone: string };
export type MadeAppWorker = MadeWorker & AppUser & { workerId: string };

/**
 * The core worker maker: a worker profile inserted with its name, ID number and phone encrypted
 * and indexed as the app stores them. With `app: true` the profile belongs to a new app user.
 */
export async function makeWorker(ctx: TestContext, opts: WorkerOpts & { app: true }): Promise<MadeAppWorker>;
export async function makeWorker(ctx: TestContext, opts?: WorkerOpts): Promise<MadeWorker>;
export async function makeWorker(ctx: TestContext, opts: WorkerOpts = {}): Promise<MadeWorker | MadeAppWorker> {
  const user = opts.app ? await appUser(ctx, opts.phone) : null;
  seq += 1;
  const name = opts.name ?? `工人${seq}`;
  const gender = opts.gender ?? (user ? null : 'male');
  const birthDate = opts.birthDate ?? (user ? null : '1975-03-01');
  const phone = user?.phone ?? opts.phone ?? `136${String(10_000_000 + seq).slice(-8)}`;
  // Past 500 workers of one birth date the sequence wraps: move the ID's birth date a day on.
  const born = new Date(`${birthDate ?? '1975-03-01'}T00:00:00Z`);
  born.setUTCDate(born.getUTCDate() + Math.floor(seq / 500));
  const idNumber = makeIdNumber({
    regionCode: '450223',
    birthDate: born.toISOString().slice(0, 10),
    seq: seq % 500,
    gender: gender ?? 'male',
  });
  const { pii, database } = ctx.deps;
  const id = randomUUID();
  await insertWorkers(database.db, [
    {
      id,
      nameEnc: pii.encrypt(name),
      idNumberEnc: pii.encrypt(idNumber),
      idNumberHash: pii.index('id_number', idNumber),
      idLast4: idNumber.slice(-4),
      phoneEnc: pii.encrypt(phone),
      phoneHash: pii.index('phone', phone),
      userId: user?.userId ?? opts.userId ?? null,
      gender,
      birthDate,
      homeRegionCode: opts.homeRegionCode ?? DEFAULT_VILLAGE,
      occupationIds: opts.occupationIds ?? [],
      priorityGroups: opts.priorityGroups ?? [],
      trainingIntentions: opts.trainingIntentions ?? [],
      expectedPayFen: opts.expectedPayFen ?? null,
      expectedPayUnit: opts.expectedPayFen ? 'day' : null,
      maxDistanceKm: opts.maxDistanceKm ?? null,
      channel: opts.channel ?? (user ? 'online' : 'counter'),
      registeredByStaffId: opts.staffId ?? null,
      ...(opts.createdAt ? { createdAt: opts.createdAt, updatedAt: opts.createdAt } : {}),
    },
  ]);
  return user ? { ...user, id, workerId: id, name, idNumber, phone } : { id, name, idNumber, phone };
}

// ---- Employers ----

/**
 * The core employer maker: an enterprise in a town (verified unless told otherwise), owned by
 * `ownerUserId` when given; returns its id.
 */
export async function makeEmployer(
  ctx: TestContext,
  opts: {
    townCode: string;
    ownerUserId?: string;
    name?: string;
    status?: 'verified' | 'pending' | 'unverified';
    createdAt?: Date;
  },
): Promise<string> {
  seq += 1;
  const { pii, database } = ctx.deps;
  const id = randomUUID();
  await database.db.insert(employers).values({
    id,
    name: opts.name ?? `测试用工单位${seq}`,
    kind: 'enterprise',
    uscc: makeUscc(makeUsccBody({ regionCode: '450223', seed: 50_000_000 + seq * 7 })),
    townCode: opts.townCode,
    address: '测试路1号',
    contactName: '联系人',
    contactPhoneEnc: pii.encrypt('13900000000'),
    verificationStatus: opts.status ?? 'verified',
    ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
  });
  if (opts.ownerUserId) {
    await database.db.insert(employerMembers).values({ employerId: id, userId: opts.ownerUserId, role: 'owner' });
  }
  return id;
}

// ---- Jobs ----

/**
 * The core job maker: a job posting of an employer inserted directly (published at `publishedAt`,
 * default now, unless another status is given); returns its id. To post through the API (review
 * rules, audit), use `postJob`.
 */
export async function makeJob(
  ctx: TestContext,
  opts: {
    employerId: string;
    townCode: string;
    kind?: 'contract' | 'flexible';
    headcount?: number;
    publishedAt?: Date;
    status?: (typeof jobPostings.$inferInsert)['status'];
    title?: string;
    occupationId?: string;
  },
): Promise<string> {
  seq += 1;
  const id = randomUUID();
  const at = opts.publishedAt ?? ctx.clock.now;
  const status = opts.status ?? 'published';
  await insertJobs(ctx.deps.database.db, [
    {
      id,
      employerId: opts.employerId,
      occupationId: opts.occupationId ?? randomUUID(),
      title: opts.title ?? `测试岗位${seq}`,
      kind: opts.kind ?? 'flexible',
      headcount: opts.headcount ?? 3,
      wageMinFen: 15_000,
      wageMaxFen: 20_000,
      wageUnit: 'day',
      settlement: 'daily',
      townCode: opts.townCode,
      address: '测试地址1号',
      startDate: '2025-07-01',
      status,
      publishedAt: status === 'published' ? at : null,
      createdAt: at,
    },
  ]);
  return id;
}

/** The id of an occupation (工种) by its Chinese name. */
export async function occupationIdByName(ctx: TestContext, name: string): Promise<string> {
  const rows = await ctx.deps.database.db
    .select({ id: occupations.id })
    .from(occupations)
    .where(eq(occupations.name, name));
  const id = rows[0]?.id;
  if (!id) throw new Error(`no occupation ${name}`);
  return id;
}

export function jobBody(occupationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    occupationId,
    title: '招小工3名，日结',
    kind: 'flexible',
    headcount: 3,
    wageMinFen: 15_000,
    wageMaxFen: 20_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: TOWNS.zhongdu,
    address: '中渡镇新街18号',
    lng: 109.62,
    lat: 24.78,
    startDate: day(1),
    endDate: day(10),
    workHours: '08:00-17:00',
    requirements: '身体健康，能吃苦耐劳',
    description: '搬运建材，包午餐',
    contactName: '李师傅',
    contactPhone: '13977770000',
    submit: true,
    ...overrides,
  };
}
