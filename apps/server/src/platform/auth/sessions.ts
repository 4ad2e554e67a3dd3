import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sessions } from './auth.schema.js';
import { newSessionToken, sm3Hex } from './tokens.js';

export type SubjectKind = 'user' | 'staff';
export type SessionRef = {
  sessionId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  expiresAt: Date;
  mfaAt: Date | null;
};

/** Open a session; returns the token (shown once) and its expiry. Only the hash is stored. */
export async function createSession(
  db: DbOrTx,
  opts: {
    subjectKind: SubjectKind;
    subjectId: string;
    ttlHours: number;
    ip?: string;
    userAgent?: string;
    now: Date;
    /** Set when the login included the second factor. */
    mfaAt?: Date | null;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(opts.now.getTime() + opts.ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: sm3Hex(token),
    subjectKind: opts.subjectKind,
    subjectId: opts.subjectId,
    expiresAt,
    mfaAt: opts.mfaAt ?? null,
    ip: opts.ip ?? null,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** The live session behind a token, or null when unknown, expired or revoked. */
export async function findLiveSession(db: DbOrTx, token: string, now: Date): Promise<SessionRef | null> {
  const rows = await db
    .select({
      id: sessions.id,
      subjectKind: sessions.subjectKind,
      subjectId: sessions.subjectId,
      expiresAt: sessions.expiresAt,
      mfaAt: sessions.mfaAt,
    })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sm3Hex(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  return row
    ? {
        sessionId: row.id,
        subjectKind: row.subjectKind,
        subjectId: row.subjectId,
        expiresAt: row.expiresAt,
        mfaAt: row.mfaAt,
      }
    : null;
}

/** Record that the second factor was entered in this session (login, enrolment, step-up). */
export async function markSessionMfa(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ mfaAt: now }).where(eq(sessions.id, sessionId));
}

/** Revoke one session (logout). */
export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Revoke every session of a subject (password reset, account disabled). */
export async function revokeSubjectSessions(
  db: DbOrTx,
  subjectKind: SubjectKind,
  subjectId: string,
  now: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.subjectKind, subjectKind), eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt)));
}
