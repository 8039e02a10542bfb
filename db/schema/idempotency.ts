import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency keys of writes (lib/actions/idempotency.ts): one row per (actor, scope, key),
 * written in the SAME transaction as the write it guards, so a retried request whose first try
 * committed finds the answer here and a retried request whose first try rolled back finds
 * nothing. `scope` is the action's name, or `<route name>:<action name>` for a route's key.
 * Rows older than 24 hours are expired and removed lazily by later writes.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: integer('actor_id').notNull(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** sha256 (hex) of the request the key was first sent with: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** The answer the first request got ({ ok: true, data }), as JSON. */
    answer: jsonb('answer').$type<{ ok: true; data: unknown }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.scope, t.key] }), index('idempotency_keys_created_at_idx').on(t.createdAt)],
);
