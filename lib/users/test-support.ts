/**
 * Helpers shared by the user-administration tests (lib/users/*.test.ts). Test-only: nothing in
 * the app imports this file.
 */
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, authThrottle, sessions, users } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';

export const STRONG = 'Str0ng-passw0rd';
export const HOUR = 60 * 60 * 1000;

export async function addSession(db: Db, userId: number, id: string): Promise<string> {
  await db.insert(sessions).values({ id, userId, expiresAt: new Date(Date.now() + HOUR) });
  return id;
}

/** Sign-ins under this name throttled for the next hour (3 failures counted, from one address). */
export async function throttle(db: Db, username: string, at = new Date()): Promise<void> {
  const common = { username, failures: 3, lastFailureAt: at, nextAttemptAt: new Date(at.getTime() + HOUR) };
  await db.insert(authThrottle).values([
    { key: `account:${username}`, kind: 'account', ...common },
    { key: `pair:${JSON.stringify([username, '192.0.2.1'])}`, kind: 'pair', address: '192.0.2.1', ...common },
  ]);
}

/** Everything a user action could touch: users, sessions, sign-in throttling and the audit trail. */
export async function snapshot(db: Db) {
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    sessions: await db.select().from(sessions).orderBy(asc(sessions.id)),
    throttle: await db.select().from(authThrottle).orderBy(asc(authThrottle.key)),
    audit: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
  };
}

export async function userAudit(db: Db) {
  return db.select().from(auditEvents).where(eq(auditEvents.entityType, 'user')).orderBy(asc(auditEvents.id));
}

export async function userRow(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

export function expectFailure<T>(res: ActionResult<T>, code: string): Extract<ActionResult<T>, { ok: false }> {
  if (res.ok) throw new Error(`expected ${code}, got ok`);
  expect(res.code).toBe(code);
  return res;
}

export function expectOk<T>(res: ActionResult<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${JSON.stringify(res.fieldErrors ?? res.message)}`);
  return res.data;
}

/** No audit event may carry a password hash, under any key. */
export function expectNoHash(events: { before: unknown; after: unknown }[]) {
  for (const ev of events) {
    const text = JSON.stringify([ev.before, ev.after]);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/passwordHash|password_hash/);
  }
}
