import { hash, verify } from '@node-rs/argon2';
import { permissionsOf, StaffRole, type AppUser, type StaffUser } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { createSession, revokeSession } from '../../platform/auth/sessions.js';
import { consumeSmsCode, sendSmsCode } from '../../platform/auth/sms-codes.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { StaffActor, UserActor } from '../../platform/rbac/actor.js';
import type { SmsProvider } from '../../platform/sms/sms-provider.js';
import { employerLinks } from './employer-links.js';
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
  const memberships = await employerLinks().findMembershipsByUser(deps.db, userId);
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
    await employerLinks().acceptInvitationsOnLogin(tx, { userId: user.id, phoneHash, now });
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

/**
 * Staff username + password login. Five failures in a row lock the account for 15 minutes; an
 * unknown username costs the same time as a wrong password.
 */
export async function loginStaff(deps: AccountsDeps, input: { username: string; password: string }, meta: RequestMeta) {
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
  if (row.lockedUntil && row.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verify(row.passwordHash, input.password).catch(() => false);
  if (!ok) {
    const failures = row.failedLogins + 1;
    const locked = failures >= STAFF_MAX_FAILURES;
    await repo.updateStaffLoginState(deps.db, row.id, {
      failedLogins: locked ? 0 : failures,
      lockedUntil: locked ? new Date(now.getTime() + STAFF_LOCK_MINUTES * 60_000) : null,
    });
    await writeAudit(deps.db, {
      actor: { kind: 'anonymous' },
      action: locked ? 'login_locked' : 'login_failed',
      entity: 'staff',
      entityId: row.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
  }
  const session = await deps.db.transaction(async (tx) => {
    await repo.updateStaffLoginState(tx, row.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const s = await createSession(tx, {
      subjectKind: 'staff',
      subjectId: row.id,
      ttlHours: deps.sessionTtlHours.staff,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
    });
    await writeAudit(tx, {
      actor: { kind: 'staff', id: row.id },
      action: 'login',
      entity: 'staff',
      entityId: row.id,
      regionCode: row.regionCode,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return s;
  });
  return { staff: await loadStaffUser(deps, row.id), token: session.token, expiresAt: session.expiresAt.toISOString() };
}

/** Staff roles stored as text, kept only when they are known roles. */
export function parseStaffRoles(roles: readonly string[]): StaffRole[] {
  return roles.flatMap((r) => {
    const parsed = StaffRole.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadStaffUser(deps: Pick<AccountsDeps, 'db'>, staffId: string): Promise<StaffUser> {
  const row = await repo.findStaffById(deps.db, staffId);
  if (!row || row.disabledAt) throw new AppError('UNAUTHENTICATED');
  const roles = parseStaffRoles(row.roles);
  return presentStaffUser(
    row,
    roles,
    permissionsOf(roles),
    (await findRegionName(deps.db, row.regionCode)) ?? row.regionCode,
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
