import { hash, verify } from '@node-rs/argon2';
import QRCode from 'qrcode';
import { permissionsOf, StaffRole, type AppUser, type StaffUser } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { createSession, markSessionMfa, revokeSession } from '../../platform/auth/sessions.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from '../../platform/auth/totp.js';
import { consumeSmsCode, sendSmsCode } from '../../platform/auth/sms-codes.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { StaffActor, UserActor } from '../../platform/rbac/actor.js';
import type { SmsProvider } from '../../platform/sms/sms-provider.js';
import { acceptInvitationsOnLogin, findMembershipsByUser } from '../employers/index.js';
import { findRegionName } from '../reference/index.js';
import { getSetting } from '../settings/index.js';
import * as repo from './accounts.repository.js';
import { presentAppUser, presentStaffUser } from './accounts.presenter.js';

export const STAFF_MAX_FAILURES = 5;
export const STAFF_LOCK_MINUTES = 15;

export type AccountsDeps = {
  db: Db;
  pii: Pii;
  sms: SmsProvider;
  sessionTtlHours: { app: number; staff: number };
  smsIpLimitPerHour: number;
  now: () => Date;
};
export type RequestMeta = { ip: string; userAgent?: string; requestId?: string };

/** Send a login code to a phone, within the SMS limits. */
export async function requestLoginCode(
  deps: AccountsDeps,
  input: { phone: string; purpose: 'login' | 'sign' },
  meta: RequestMeta,
) {
  return sendSmsCode({
    db: deps.db,
    sms: deps.sms,
    phone: input.phone,
    phoneHash: deps.pii.index('phone', input.phone),
    purpose: input.purpose,
    ip: meta.ip,
    ipLimitPerHour: deps.smsIpLimitPerHour,
    now: deps.now(),
    textTemplate: (await getSetting(deps.db, 'smsTemplates'))[input.purpose],
  });
}

/** The app identity of a user: always a worker, plus any employer memberships. */
export async function loadAppUser(deps: Pick<AccountsDeps, 'db' | 'pii'>, userId: string): Promise<AppUser> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const memberships = await findMembershipsByUser(deps.db, userId);
  return presentAppUser(user, deps.pii.decrypt(user.phoneEnc), memberships);
}

/**
 * Phone + SMS code login. The first login creates the user; the same phone is one person whether
 * it acts as a worker or for an employer.
 */
export async function loginWithPhone(deps: AccountsDeps, input: { phone: string; code: string }, meta: RequestMeta) {
  const now = deps.now();
  const phoneHash = deps.pii.index('phone', input.phone);
  await consumeSmsCode({ db: deps.db, phoneHash, purpose: 'login', code: input.code, now });
  const { user, session } = await deps.db.transaction(async (tx) => {
    const user = await repo.upsertUserByPhone(tx, { phoneEnc: deps.pii.encrypt(input.phone), phoneHash, now });
    await acceptInvitationsOnLogin(tx, { userId: user.id, phoneHash, now });
    const session = await createSession(tx, {
      subjectKind: 'user',
      subjectId: user.id,
      ttlHours: deps.sessionTtlHours.app,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
    });
    await writeAudit(tx, {
      actor: { kind: 'user', id: user.id },
      action: 'login',
      entity: 'user',
      entityId: user.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { user, session };
  });
  return { user: await loadAppUser(deps, user.id), token: session.token, expiresAt: session.expiresAt.toISOString() };
}

const DUMMY_HASH = hash('lingong-timing-equaliser');

/** Failures of one account across all clients that raise a burst alert (then every further 20). */
export const STAFF_BURST_ALERT = 20;

type StaffAuthDeps = AccountsDeps & { mfa: MfaConfig; log?: (msg: string, extra: Record<string, unknown>) => void };
export type MfaConfig = { enforce: boolean; requiredRoles: readonly string[]; stepUpMinutes: number };

/** Whether the roles of an account require the authenticator second factor. */
export function totpRequiredFor(mfa: MfaConfig, roles: readonly string[]): boolean {
  return mfa.enforce && roles.some((r) => mfa.requiredRoles.includes(r));
}

/**
 * Count a failed attempt atomically, per account and client: the fifth failure in a row from one
 * client locks the account for that client for 15 minutes (other clients, e.g. the colleague's own
 * desk, are not locked). The account-wide count raises a burst alert in the audit log and the log.
 */
async function countFailure(
  deps: StaffAuthDeps,
  row: repo.StaffRow,
  meta: RequestMeta,
  now: Date,
  reason: 'password' | 'totp',
): Promise<boolean> {
  const { lockedUntil } = await repo.recordClientFailure(deps.db, {
    staffId: row.id,
    clientKey: meta.ip,
    now,
    windowMs: STAFF_LOCK_MINUTES * 60_000,
    max: STAFF_MAX_FAILURES,
    lockMs: STAFF_LOCK_MINUTES * 60_000,
  });
  const locked = lockedUntil !== null && lockedUntil > now;
  // Shown in the staff list ("locked from some client"); login itself checks the per-client lock.
  if (locked) await repo.markStaffLocked(deps.db, row.id, lockedUntil);
  const total = await repo.incrementStaffFailures(deps.db, row.id);
  await writeAudit(deps.db, {
    actor: { kind: 'anonymous' },
    action: locked ? 'login_locked' : 'login_failed',
    entity: 'staff',
    entityId: row.id,
    details: { reason },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  if (total > 0 && total % STAFF_BURST_ALERT === 0) {
    await writeAudit(deps.db, {
      actor: { kind: 'system' },
      action: 'login_burst',
      entity: 'staff',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { failuresSinceLastLogin: total, lastIp: meta.ip },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    deps.log?.('staff login burst', { staffId: row.id, username: row.username, failures: total, ip: meta.ip });
  }
  return locked;
}

/** Check a TOTP or recovery code for an enrolled account; each code works once. */
async function checkSecondFactor(deps: StaffAuthDeps, row: repo.StaffRow, code: string, now: Date): Promise<boolean> {
  if (!row.totpSecretEnc) return false;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = await matchTotp(deps.pii.decrypt(row.totpSecretEnc), trimmed, now);
    return step !== null && (await repo.claimTotpStep(deps.db, row.id, step));
  }
  return repo.consumeRecoveryCode(deps.db, row.id, recoveryCodeHash(trimmed));
}

/**
 * Staff username + password (+ authenticator code when bound) login. Failures are counted
 * atomically per account and client (see countFailure); an unknown username costs the same time
 * as a wrong password.
 */
export async function loginStaff(
  deps: StaffAuthDeps,
  input: { username: string; password: string; totp?: string },
  meta: RequestMeta,
) {
  const now = deps.now();
  const row = await repo.findStaffByUsername(deps.db, input.username);
  if (!row) {
    await verify(await DUMMY_HASH, input.password).catch(() => false);
    await writeAudit(deps.db, {
      actor: { kind: 'anonymous' },
      action: 'login_failed',
      entity: 'staff',
      details: { username: input.username },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    throw new AppError('LOGIN_FAILED');
  }
  if (row.disabledAt) throw new AppError('ACCOUNT_DISABLED');
  const lock = await repo.findClientLock(deps.db, row.id, meta.ip);
  if (lock && lock > now) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verify(row.passwordHash, input.password).catch(() => false);
  if (!ok) {
    const locked = await countFailure(deps, row, meta, now, 'password');
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
  }
  let mfaAt: Date | null = null;
  if (row.totpEnabledAt) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED');
    if (!(await checkSecondFactor(deps, row, input.totp, now))) {
      const locked = await countFailure(deps, row, meta, now, 'totp');
      throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'TOTP_INVALID');
    }
    mfaAt = now;
  }
  const session = await deps.db.transaction(async (tx) => {
    await repo.updateStaffLoginState(tx, row.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await repo.clearLoginFailures(tx, row.id, meta.ip);
    const s = await createSession(tx, {
      subjectKind: 'staff',
      subjectId: row.id,
      ttlHours: deps.sessionTtlHours.staff,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
      mfaAt,
    });
    await writeAudit(tx, {
      actor: { kind: 'staff', id: row.id },
      action: 'login',
      entity: 'staff',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { secondFactor: mfaAt !== null },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return s;
  });
  return {
    staff: await loadStaffUser(deps, row.id),
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** Start (or restart, while not yet confirmed) binding an authenticator to one's own account. */
export async function beginTotpSetup(deps: StaffAuthDeps, actor: StaffActor) {
  const row = await repo.findStaffById(deps.db, actor.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (row.totpEnabledAt) throw new AppError('CONFLICT', { message: '已绑定身份验证器；如需更换请联系管理员重置' });
  const secret = newTotpSecret();
  await repo.updateStaffTotp(deps.db, row.id, { totpSecretEnc: deps.pii.encrypt(secret), totpLastStep: null });
  const otpauthUri = totpUri(secret, row.username);
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** Confirm the binding with a first code; returns the one-time recovery codes (shown once). */
export async function confirmTotpSetup(deps: StaffAuthDeps, actor: StaffActor, code: string, meta: RequestMeta) {
  const now = deps.now();
  const row = await repo.findStaffById(deps.db, actor.id);
  if (!row?.totpSecretEnc) throw new AppError('CONFLICT', { message: '请先开始绑定身份验证器' });
  if (row.totpEnabledAt) throw new AppError('CONFLICT', { message: '已绑定身份验证器' });
  const step = await matchTotp(deps.pii.decrypt(row.totpSecretEnc), code.trim(), now);
  if (step === null || !(await repo.claimTotpStep(deps.db, row.id, step))) throw new AppError('TOTP_INVALID');
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    await repo.updateStaffTotp(tx, row.id, { totpEnabledAt: now, recoveryCodeHashes: codes.map(recoveryCodeHash) });
    await markSessionMfa(tx, actor.sessionId, now);
    await writeAudit(tx, {
      actor,
      action: 'totp_enrol',
      entity: 'staff',
      entityId: row.id,
      regionCode: row.regionCode,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return { recoveryCodes: codes };
}

/** Step-up: re-enter the authenticator (or a recovery) code; sensitive actions work for a few minutes. */
export async function stepUp(deps: StaffAuthDeps, actor: StaffActor, code: string, meta: RequestMeta) {
  const now = deps.now();
  const row = await repo.findStaffById(deps.db, actor.id);
  if (!row?.totpEnabledAt) throw new AppError('TOTP_ENROLMENT_REQUIRED', { message: '请先绑定身份验证器' });
  if (!(await checkSecondFactor(deps, row, code, now))) {
    await countFailure(deps, row, meta, now, 'totp');
    throw new AppError('TOTP_INVALID');
  }
  await markSessionMfa(deps.db, actor.sessionId, now);
  await writeAudit(deps.db, {
    actor,
    action: 'step_up',
    entity: 'staff',
    entityId: row.id,
    regionCode: row.regionCode,
    ip: meta.ip,
    requestId: meta.requestId,
  });
  return { stepUpUntil: new Date(now.getTime() + deps.mfa.stepUpMinutes * 60_000).toISOString() };
}

/** Staff roles stored as text, kept only when they are known roles. */
export function parseStaffRoles(roles: readonly string[]): StaffRole[] {
  return roles.flatMap((r) => {
    const parsed = StaffRole.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadStaffUser(
  deps: Pick<AccountsDeps, 'db'> & { mfa?: MfaConfig },
  staffId: string,
): Promise<StaffUser> {
  const row = await repo.findStaffById(deps.db, staffId);
  if (!row || row.disabledAt) throw new AppError('UNAUTHENTICATED');
  const roles = parseStaffRoles(row.roles);
  return presentStaffUser(
    row,
    roles,
    permissionsOf(roles),
    (await findRegionName(deps.db, row.regionCode)) ?? row.regionCode,
    deps.mfa ? totpRequiredFor(deps.mfa, roles) : false,
  );
}

/** Resolve the actor of a live staff session; disabled staff lose access at once. */
export async function staffActorFor(
  deps: Pick<AccountsDeps, 'db'>,
  staffId: string,
  sessionId: string,
): Promise<StaffActor | null> {
  const row = await repo.findStaffById(deps.db, staffId);
  if (!row || row.disabledAt) return null;
  const roles = parseStaffRoles(row.roles);
  return {
    kind: 'staff',
    id: row.id,
    sessionId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    regionCode: row.regionCode,
    mfa: {
      enforced: false,
      enrolled: row.totpEnabledAt !== null,
      at: null,
      stepUpMs: 5 * 60_000,
    },
  };
}

/** Resolve the actor of a live user session. */
export async function userActorFor(
  deps: Pick<AccountsDeps, 'db'>,
  userId: string,
  sessionId: string,
): Promise<UserActor | null> {
  const row = await repo.findUserById(deps.db, userId);
  if (!row || row.disabledAt) return null;
  return { kind: 'user', id: row.id, sessionId };
}

export async function logout(deps: Pick<AccountsDeps, 'db' | 'now'>, sessionId: string): Promise<void> {
  await revokeSession(deps.db, sessionId, deps.now());
}

/** Hash a staff password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
