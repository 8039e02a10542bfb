import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { counties, units } from './reference';

import { ROLES } from './enums';

export { ROLES };
export type { Role } from './enums';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** A responsible leader's title (职务, e.g. 行署副专员), kept by the dispatch office (lib/reference). */
    title: text('title'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** null = prefecture-wide scope; otherwise the one county this user sees. */
    countyId: integer('county_id').references(() => counties.id),
    unitId: integer('unit_id').references(() => units.id),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9_.-]{2,32}$'`),
    // A department user works the procedures of their agency: without a unit they would have none.
    check('users_department_has_unit', sql`${t.role} <> 'department' OR ${t.unitId} IS NOT NULL`),
  ],
);

/**
 * Server-side record of every signed-in session. The JWT cookie only carries the session id;
 * each request checks the row, so sign-out and disabling a user take effect at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The last request seen with this session, written at most once a minute (idle timeout). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
