import { makeIdNumber, type StaffRole } from '@lingong/contracts';
import { hashPassword, insertStaff } from '../../src/modules/accounts/index.js';
import { insertWorkers } from '../../src/modules/workers/index.js';
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
export async function buildStaff(ctx: TestContext, opts: { roles: StaffRole[]; regionCode?: string; username?: string }): Promise<string> {
  seq += 1;
  const username = opts.username ?? `staff${seq}_${opts.roles.join('_')}`;
  await insertStaff(ctx.deps.database.db, { username, name: `测试${seq}`, passwordHash: await hashPassword(PASSWORD), roles: opts.roles, regionCode: opts.regionCode ?? COUNTY });
  return username;
}

/** Log a staff member in; returns the session token. */
export async function loginStaff(ctx: TestContext, username: string, password = PASSWORD): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/public/auth/login/staff', payload: { username, password } });
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
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/public/auth/login/phone', payload: { phone, code } });
  if (res.statusCode !== 200) throw new Error(`phone login failed: ${res.body}`);
  return json<{ token: string }>(res).token;
}

/** A job seeker registered in a region; returns its id. */
export async function buildWorker(ctx: TestContext, opts: { name: string; homeRegionCode: string; phone?: string }): Promise<string> {
  seq += 1;
  const { pii, database } = ctx.deps;
  const idNumber = makeIdNumber({ regionCode: '450223', birthDate: '1975-03-0' + ((seq % 9) + 1), seq: seq % 500, gender: 'male' });
  const phone = opts.phone ?? `139${String(10_000_000 + seq).slice(-8)}`;
  const id = crypto.randomUUID();
  await insertWorkers(database.db, [
    {
      id,
      nameEnc: pii.encrypt(opts.name),
      idNumberEnc: pii.encrypt(idNumber),
      idNumberHash: pii.index('id_number', idNumber),
      idLast4: idNumber.slice(-4),
      phoneEnc: pii.encrypt(phone),
      phoneHash: pii.index('phone', phone),
      gender: 'male',
      birthDate: '1975-03-01',
      homeRegionCode: opts.homeRegionCode,
      channel: 'counter',
    },
  ]);
  return id;
}
