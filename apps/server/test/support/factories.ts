import { makeIdNumber, makeUscc, makeUsccBody, type StaffRole } from '@lingong/contracts';
import { eq } from 'drizzle-orm';
import { employerMembers, employers } from '../../src/modules/employers/employers.schema.js';
import { occupations } from '../../src/modules/reference/reference.schema.js';
import { hashPassword, insertStaff } from '../../src/modules/accounts/index.js';
import { insertWorkers } from '../../src/modules/workers/index.js';
import type { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { json, type TestContext } from './test-app.js';

export const TOWNS = {
  luzhai: '450223100000',
  zhongdu: '450223101000',
  zhaisha: '450223102000',
} as const;
export const COUNTY = '450223000000';
export const PASSWORD = 'Test@Password1';

let seq = 0;

/** A staff member with roles and a region scope; returns its username. */
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
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/auth/login/staff',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`staff login failed: ${res.statusCode} ${res.body}`);
  return json<{ token: string }>(res).token;
}

export async function staffToken(ctx: TestContext, opts: { roles: StaffRole[]; regionCode?: string }): Promise<string> {
  return loginStaff(ctx, await buildStaff(ctx, opts));
}

/** Request a code for a phone and log in with it (reads the code from the local SMS provider). */
export async function loginPhone(ctx: TestContext, phone: string): Promise<string> {
  const sent = await ctx.app.inject({ method: 'POST', url: '/api/v1/public/auth/sms-code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`sms failed: ${sent.body}`);
  const code = ctx.sms.latest(phone)?.params.code;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/auth/login/phone',
    payload: { phone, code },
  });
  if (res.statusCode !== 200) throw new Error(`phone login failed: ${res.body}`);
  return json<{ token: string }>(res).token;
}

/** A job seeker registered in a region; returns its id. */
export async function buildWorker(
  ctx: TestContext,
  opts: { name: string; homeRegionCode: string; phone?: string },
): Promise<string> {
  seq += 1;
  const idNumber = makeIdNumber({
    regionCode: '450223',
    birthDate: '1975-03-0' + ((seq % 9) + 1),
    seq: seq % 500,
    gender: 'male',
  });
  const phone = opts.phone ?? `139${String(10_000_000 + seq).slice(-8)}`;
  return insertWorker(ctx, {
    name: opts.name,
    idNumber,
    phone,
    row: { gender: 'male', birthDate: '1975-03-01', homeRegionCode: opts.homeRegionCode, channel: 'counter' },
  });
}

type WorkerRow = typeof workerProfiles.$inferInsert;
type PiiColumns = 'id' | 'nameEnc' | 'idNumberEnc' | 'idNumberHash' | 'idLast4' | 'phoneEnc' | 'phoneHash';

/**
 * The one worker-row factory: a worker profile with its name, ID number and phone encrypted and
 * indexed as the app stores them; `row` sets the other columns. Returns the worker id.
 */
export async function insertWorker(
  ctx: TestContext,
  w: { name: string; idNumber: string; phone: string; row: Omit<WorkerRow, PiiColumns> },
): Promise<string> {
  const { pii, database } = ctx.deps;
  const id = crypto.randomUUID();
  await insertWorkers(database.db, [
    {
      id,
      nameEnc: pii.encrypt(w.name),
      idNumberEnc: pii.encrypt(w.idNumber),
      idNumberHash: pii.index('id_number', w.idNumber),
      idLast4: w.idNumber.slice(-4),
      phoneEnc: pii.encrypt(w.phone),
      phoneHash: pii.index('phone', w.phone),
      ...w.row,
    },
  ]);
  return id;
}

// ---- Issue 3: app users, employers and job postings ----

let phoneSeq = 0;

/** A fresh app user logged in by phone; returns its token, id and phone. */
export async function appUser(
  ctx: TestContext,
  phone?: string,
): Promise<{ token: string; userId: string; phone: string }> {
  phoneSeq += 1;
  const p = phone ?? `137${String(10_000_000 + phoneSeq).slice(-8)}`;
  const token = await loginPhone(ctx, p);
  const me = await ctx.app.inject({
    method: 'GET',
    url: '/api/v1/app/me',
    headers: { authorization: `Bearer ${token}` },
  });
  return { token, userId: json<{ id: string }>(me).id, phone: p };
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

/** An employer owned by a user, inserted directly (verified unless told otherwise); returns its id. */
export async function buildEmployer(
  ctx: TestContext,
  opts: { ownerUserId: string; townCode: string; name?: string; status?: 'verified' | 'pending' | 'unverified' },
): Promise<string> {
  seq += 1;
  const { pii, database } = ctx.deps;
  const id = crypto.randomUUID();
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
  });
  await database.db.insert(employerMembers).values({ employerId: id, userId: opts.ownerUserId, role: 'owner' });
  return id;
}

/** A valid job-posting body; dates start tomorrow (Asia/Shanghai-safe). */
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
