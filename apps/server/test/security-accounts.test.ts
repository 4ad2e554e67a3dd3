import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { staff } from '../src/modules/accounts/accounts.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { buildStaff, createTestApp, json, loginStaff, PASSWORD, type TestContext } from './support/index.js';

// Issue 12, item 2: atomic lockout per account and client, admin unlock, burst alert, TOTP for
// staff with recovery codes, enrolment enforced for admins and reviewers, step-up.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ STAFF_MFA_ENFORCE: 'true' });
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string } };
const LOGIN = '/api/v1/public/auth/login/staff';
const attempt = (username: string, password: string, ip = '127.0.0.1', totp?: string) =>
  ctx.app.inject({ method: 'POST', url: LOGIN, payload: { username, password, totp }, remoteAddress: ip });
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A counter clerk (no second factor required) able to log in with the password alone. */
async function clerk(): Promise<string> {
  return buildStaff(ctx, { roles: ['counter_staff'] });
}

/** Enrol an authenticator for a staff account through the API; returns secret and recovery codes. */
async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await ctx.as(token).post('/api/v1/admin/auth/totp/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri } = json<{ secret: string; otpauthUri: string }>(setup);
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  const confirm = await ctx
    .as(token)
    .post('/api/v1/admin/auth/totp/confirm', { code: await codeAt(secret, ctx.clock.now) });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: json<{ recoveryCodes: string[] }>(confirm).recoveryCodes };
}

describe('staff lockout', () => {
  it('28 concurrent wrong passwords lock the account (atomic counter): exactly 4 are plain failures', async () => {
    const username = await clerk();
    const results = await Promise.all(Array.from({ length: 28 }, () => attempt(username, 'wrong-password')));
    const codes = results.map((r) => json<Err>(r).error.code);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(24);
    expect(json<Err>(await attempt(username, PASSWORD)).error.code).toBe('ACCOUNT_LOCKED');
  });

  it('locks the account for the failing client only, so nobody can lock a colleague out from elsewhere', async () => {
    const username = await clerk();
    for (let i = 0; i < 5; i++) await attempt(username, 'bad', '203.0.113.7');
    expect((await attempt(username, PASSWORD, '203.0.113.7')).statusCode).toBe(423);
    expect((await attempt(username, PASSWORD, '10.1.2.3')).statusCode).toBe(200);
  });

  it('an admin unlocks the account at once; the unlock is audited', async () => {
    const username = await clerk();
    for (let i = 0; i < 5; i++) await attempt(username, 'bad');
    expect((await attempt(username, PASSWORD)).statusCode).toBe(423);
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    const adminToken = await loginStaff(ctx, await buildStaff(ctx, { roles: ['supervisor', 'counter_staff'] }));
    // Without staff.write: forbidden.
    expect((await ctx.as(adminToken).post(`/api/v1/admin/staff/${row!.id}/unlock`)).statusCode).toBe(403);
    const admin = await buildStaff(ctx, { roles: ['admin'] });
    const adminSession = await loginStaff(ctx, admin);
    const { secret } = await enrol(adminSession);
    ctx.clock.advance(30_000);
    const token = json<{ token: string }>(
      await attempt(admin, PASSWORD, '127.0.0.1', await codeAt(secret, ctx.clock.now)),
    ).token;
    expect((await ctx.as(token).post(`/api/v1/admin/staff/${row!.id}/unlock`)).statusCode).toBe(200);
    expect((await attempt(username, PASSWORD)).statusCode).toBe(200);
    const audits = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unlock'), eq(auditLog.entityId, row!.id)));
    expect(audits).toHaveLength(1);
  });

  it('raises a burst alert when one account fails 20 times from many clients', async () => {
    const username = await clerk();
    for (let i = 0; i < 20; i++) await attempt(username, 'bad', `198.51.100.${i + 1}`);
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    const alerts = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login_burst'), eq(auditLog.entityId, row!.id)));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.details).toMatchObject({ failuresSinceLastLogin: 20 });
  });
});

describe('TOTP second factor', () => {
  it('admins must enrol before using the console; then login asks for the code; codes work once', async () => {
    const username = await buildStaff(ctx, { roles: ['admin'] });
    const first = await loginStaff(ctx, username);
    const blocked = await ctx.as(first).get('/api/v1/admin/staff');
    expect(json<Err>(blocked).error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const me = json<{ totpRequired: boolean; totpEnabled: boolean }>(await ctx.as(first).get('/api/v1/admin/me'));
    expect(me).toMatchObject({ totpRequired: true, totpEnabled: false });
    const { secret, recoveryCodes } = await enrol(first);
    expect(recoveryCodes).toHaveLength(10);
    expect((await ctx.as(first).get('/api/v1/admin/staff')).statusCode).toBe(200);

    expect(json<Err>(await attempt(username, PASSWORD)).error.code).toBe('TOTP_REQUIRED');
    expect(json<Err>(await attempt(username, PASSWORD, '127.0.0.1', '000000')).error.code).toBe('TOTP_INVALID');
    ctx.clock.advance(30_000);
    const code = await codeAt(secret, ctx.clock.now);
    expect((await attempt(username, PASSWORD, '127.0.0.1', code)).statusCode).toBe(200);
    // The same code again (replay) is refused.
    expect(json<Err>(await attempt(username, PASSWORD, '127.0.0.1', code)).error.code).toBe('TOTP_INVALID');
    // A recovery code works once.
    expect((await attempt(username, PASSWORD, '127.0.0.1', recoveryCodes[0])).statusCode).toBe(200);
    expect(json<Err>(await attempt(username, PASSWORD, '127.0.0.1', recoveryCodes[0])).error.code).toBe('TOTP_INVALID');
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    expect(row?.totpSecretEnc).not.toContain(secret);
  });

  it('a full personal-data export and a role change need a fresh step-up', async () => {
    const adminName = await buildStaff(ctx, { roles: ['admin'] });
    const { secret } = await enrol(await loginStaff(ctx, adminName));
    ctx.clock.advance(30_000);
    const token = json<{ token: string }>(
      await attempt(adminName, PASSWORD, '127.0.0.1', await codeAt(secret, ctx.clock.now)),
    ).token;
    const exportUrl = '/api/v1/admin/ledgers/registrations/export?pii=full';
    const target = await clerk();
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, target));
    const promote = () => ctx.as(token).patch(`/api/v1/admin/staff/${row!.id}`, { roles: ['reviewer'] });

    // Fresh from login: allowed. Six minutes later: step-up needed.
    expect((await ctx.as(token).get(exportUrl)).statusCode).toBe(200);
    ctx.clock.advance(6 * 60_000);
    expect(json<Err>(await ctx.as(token).get(exportUrl)).error.code).toBe('STEP_UP_REQUIRED');
    expect(json<Err>(await promote()).error.code).toBe('STEP_UP_REQUIRED');
    expect(json<Err>(await ctx.as(token).post('/api/v1/admin/auth/step-up', { code: '123456' })).error.code).toBe(
      'TOTP_INVALID',
    );
    const up = await ctx.as(token).post('/api/v1/admin/auth/step-up', { code: await codeAt(secret, ctx.clock.now) });
    expect(up.statusCode).toBe(200);
    expect((await ctx.as(token).get(exportUrl)).statusCode).toBe(200);
    expect((await promote()).statusCode).toBe(200);
    // Masked exports never need it.
    ctx.clock.advance(6 * 60_000);
    const masked = '/api/v1/admin/ledgers/registrations/export?pii=masked';
    expect((await ctx.as(token).get(masked)).statusCode).toBe(200);
  });

  it('a counter clerk without an authenticator cannot export full personal data when MFA is enforced', async () => {
    const token = await loginStaff(ctx, await clerk());
    const res = await ctx.as(token).get('/api/v1/admin/ledgers/registrations/export?pii=full');
    expect(json<Err>(res).error.code).toBe('STEP_UP_REQUIRED');
  });
});
