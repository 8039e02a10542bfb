import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { authThrottle, type ThrottleKind } from '@/db/schema';

/**
 * Sign-in throttling in the database, so it holds across every app instance.
 *
 * Every attempt is counted under three keys before its password is verified: the (name,
 * address) pair, the name across addresses and the address across names. The name is the one
 * typed, whether or not such a user exists, so an unknown name is throttled exactly like a
 * known one. The attempt is reserved under a row lock on the three rows (SELECT … FOR UPDATE in
 * key order, so concurrent attempts queue and never deadlock): a key whose wait has not passed
 * refuses it without any password being verified; otherwise every key counts it and sets the
 * next allowed instant. After `free` counted attempts under a key, the next one waits 2^(n−free)
 * seconds (n = attempts counted so far), at most 15 minutes: growing delays, never a lock.
 *
 * What one address triggers is the pair's delay, so an attacker cannot keep a user out from
 * the user's own address; the account-wide and address-wide limits are much higher, and a pair
 * that signed in successfully within the last 30 days is not held back by them at all. A
 * successful sign-in clears the pair's count and takes its own attempt back from the others.
 * A key left alone for an hour starts over.
 */
export const FREE_ATTEMPTS: Record<ThrottleKind, number> = { pair: 5, account: 50, address: 100 };
export const MAX_DELAY_SECONDS = 15 * 60;
export const RESET_AFTER_MS = 60 * 60 * 1000;
export const TRUSTED_PAIR_MS = 30 * 24 * 60 * 60 * 1000;
/** Rows untouched this long (and not a recently trusted pair) are pruned now and then. */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The wait after `failures` counted attempts under a key that allows `free` without waiting. */
export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_DELAY_SECONDS);
}

/** Names and addresses as stored: lowercased, without control characters, bounded. */
export function throttleName(username: string): string {
  return username
    .trim()
    .toLowerCase()
    .replace(/[\u0000-\u001f\u007f]/g, '?')
    .slice(0, 64);
}

const UNKNOWN_ADDRESS = 'unknown';

interface Key {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  address: string | null;
}

function keysFor(username: string, address: string | null): Key[] {
  const a = address ?? UNKNOWN_ADDRESS;
  const keys: Key[] = [
    { key: `account:${username}`, kind: 'account', username, address: null },
    { key: `address:${a}`, kind: 'address', username: null, address: a },
    { key: `pair:${JSON.stringify([username, a])}`, kind: 'pair', username, address: a },
  ];
  return keys.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export type Reservation =
  | { ok: true }
  | {
      ok: false;
      /** Whole seconds until an attempt under this name from this address may be verified. */
      retryAfterSeconds: number;
      /** Which limits refuse it. */
      limits: ThrottleKind[];
      /** True the first time this waiting period refuses an attempt (audit it once, not per attempt). */
      firstRefusal: boolean;
    };

/** Counts an attempt under its three keys, or refuses it when one of them must still wait. */
export async function reserveAttempt(db: Db, username: string, address: string | null, at: Date): Promise<Reservation> {
  const keys = keysFor(username, address);
  for (let tries = 0; ; tries++) {
    // Committed on its own (outside the locking transaction): rows inserted in key order by
    // single statements cannot deadlock, and the transaction below then only takes row locks.
    await db
      .insert(authThrottle)
      .values(keys.map((k) => ({ ...k, updatedAt: at })))
      .onConflictDoNothing();
    const result = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(authThrottle)
        .where(
          inArray(
            authThrottle.key,
            keys.map((k) => k.key),
          ),
        )
        .orderBy(authThrottle.key)
        .for('update');
      if (rows.length !== keys.length) return null; // pruned in between: insert again
      const pair = rows.find((r) => r.kind === 'pair')!;
      const trusted = pair.lastSuccessAt !== null && at.getTime() - pair.lastSuccessAt.getTime() < TRUSTED_PAIR_MS;
      const applying = trusted ? [pair] : rows;
      const waiting = applying.filter((r) => r.nextAttemptAt !== null && r.nextAttemptAt > at);
      if (waiting.length > 0) {
        const until = Math.max(...waiting.map((r) => r.nextAttemptAt!.getTime()));
        const unreported = waiting.filter((r) => r.reportedUntil?.getTime() !== r.nextAttemptAt!.getTime());
        for (const r of unreported) {
          await tx.update(authThrottle).set({ reportedUntil: r.nextAttemptAt }).where(eq(authThrottle.key, r.key));
        }
        return {
          ok: false as const,
          retryAfterSeconds: Math.max(1, Math.ceil((until - at.getTime()) / 1000)),
          limits: waiting.map((r) => r.kind),
          firstRefusal: unreported.length > 0,
        };
      }
      for (const r of rows) {
        const startOver = r.lastFailureAt === null || at.getTime() - r.lastFailureAt.getTime() >= RESET_AFTER_MS;
        const failures = (startOver ? 0 : r.failures) + 1;
        const delay = delaySeconds(failures, FREE_ATTEMPTS[r.kind]);
        await tx
          .update(authThrottle)
          .set({
            failures,
            lastFailureAt: at,
            // No wait is null, not "now": a concurrent attempt that read the clock a moment
            // earlier must not be refused by a key that imposes no wait.
            nextAttemptAt: delay > 0 ? new Date(at.getTime() + delay * 1000) : null,
            updatedAt: at,
          })
          .where(eq(authThrottle.key, r.key));
      }
      return { ok: true as const };
    });
    if (result) {
      if (result.ok && Math.random() < 0.01) await pruneThrottle(db, at).catch(() => {});
      return result;
    }
    if (tries >= 2) throw new Error('auth_throttle: rows vanished while reserving');
  }
}

/** A successful sign-in: the pair starts over and is trusted; the other keys take the attempt back. */
export async function recordSuccess(tx: Executor, username: string, address: string | null, at: Date): Promise<void> {
  const keys = keysFor(username, address);
  const pair = keys.find((k) => k.kind === 'pair')!;
  await tx
    .update(authThrottle)
    .set({ failures: 0, lastFailureAt: null, nextAttemptAt: null, reportedUntil: null, lastSuccessAt: at, updatedAt: at })
    .where(eq(authThrottle.key, pair.key));
  await tx
    .update(authThrottle)
    .set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)`, updatedAt: at })
    .where(
      inArray(
        authThrottle.key,
        keys.filter((k) => k.kind !== 'pair').map((k) => k.key),
      ),
    );
}

/**
 * The administrator's way in (`npm run user -- unlock NAME`, the admin's unlock button): every
 * count under this name, from every address, starts over. Returns how many keys it cleared.
 */
export async function clearThrottle(tx: Executor, username: string, at: Date): Promise<number> {
  const rows = await tx
    .update(authThrottle)
    .set({ failures: 0, lastFailureAt: null, nextAttemptAt: null, reportedUntil: null, updatedAt: at })
    .where(eq(authThrottle.username, throttleName(username)))
    .returning({ nextAttemptAt: authThrottle.nextAttemptAt });
  return rows.length;
}

/**
 * What the administrator sees of a user's sign-ins, as columns of a query on `users`:
 * failedLogins, the attempts counted under the name across addresses within the last hour, and
 * lockedUntil, the end of the longest wait any of the name's keys imposes now (null if none).
 */
// The users column is written out with its table: in an INSERT/UPDATE … RETURNING drizzle
// leaves column names unqualified, and a bare "username" inside the subquery would be
// auth_throttle's own column (user.create failed with "more than one row returned").
const userName = sql.raw('"users"."username"');

export const userThrottleColumns = {
  failedLogins: sql<number>`coalesce((select t.failures from auth_throttle t
      where t.key = 'account:' || ${userName}
        and t.last_failure_at > now() - make_interval(secs => ${RESET_AFTER_MS / 1000})), 0)`.mapWith(Number),
  lockedUntil: sql<Date | null>`(select max(t.next_attempt_at) from auth_throttle t
      where t.username = ${userName} and t.next_attempt_at > now())`.mapWith(authThrottle.nextAttemptAt),
};

/** Drops rows nobody has used for a day, except pairs that signed in within the trust period. */
export async function pruneThrottle(db: Executor, at: Date): Promise<void> {
  await db
    .delete(authThrottle)
    .where(
      and(
        lt(authThrottle.updatedAt, new Date(at.getTime() - PRUNE_AFTER_MS)),
        or(isNull(authThrottle.lastSuccessAt), lt(authThrottle.lastSuccessAt, new Date(at.getTime() - TRUSTED_PAIR_MS))),
      ),
    );
}
