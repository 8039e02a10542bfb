import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const THROTTLE_KINDS = ['pair', 'account', 'address'] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

/**
 * Sign-in throttling, shared by every app instance (lib/auth/throttle.ts). One row per key: an
 * (account name, source address) pair, an account name across addresses, or an address across
 * account names. Names are kept as typed (lowercased) whether or not such a user exists, so a
 * throttled unknown name behaves exactly like a known one. An attempt is reserved (counted)
 * under a row lock before its password is verified.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').primaryKey(),
    kind: text('kind', { enum: THROTTLE_KINDS }).notNull(),
    username: text('username'),
    address: text('address'),
    /** Attempts counted since the row last started over (reserved before verifying). */
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    /** No attempt under this key is verified before this instant. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Pairs only: the last successful sign-in from this address under this name. */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** The nextAttemptAt for which an auth.throttled audit event was already written. */
    reportedUntil: timestamp('reported_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('auth_throttle_username_idx').on(t.username),
    index('auth_throttle_updated_idx').on(t.updatedAt),
    check('auth_throttle_failures_nonneg', sql`${t.failures} >= 0`),
  ],
);
