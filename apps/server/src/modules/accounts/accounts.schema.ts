import { integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** People who log in by phone: workers, and members of employers (one phone, one user). */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  phoneEnc: text('phone_enc').notNull(),
  phoneHash: text('phone_hash').notNull().unique(),
  displayName: text('display_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** Console users, scoped to a region subtree. */
export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** TOTP (RFC 6238) secret, base32, encrypted like other secrets at rest; null = not enrolled. */
  totpSecretEnc: text('totp_secret_enc'),
  /** Set once the first code confirmed the enrolment; the second factor is asked from then on. */
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** Last accepted TOTP time step: a code is accepted once (replay protection). */
  totpLastStep: integer('totp_last_step'),
  /** SM3 hashes of the unused one-time recovery codes. */
  recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default([]),
});

/**
 * Failed staff logins per account and client (IP): five in a row lock that account for that
 * client only, so nobody can lock a colleague out from elsewhere. Updated with one atomic upsert.
 */
export const staffLoginFailures = pgTable(
  'staff_login_failures',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    clientKey: text('client_key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.clientKey] })],
);
