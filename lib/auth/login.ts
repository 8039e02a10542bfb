import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import { hashPassword, verifyPassword } from './password';

/** Failed sign-ins in a row that lock the account. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCK_MINUTES = 15;
/** Session lifetime: one working day. The JWT and the session row expire together. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export type LoginResult =
  { ok: true; userId: number; sessionId: string } | { ok: false; reason: 'invalid' | 'locked' | 'disabled'; lockedUntil?: Date };

// Verifying against a throwaway hash when the username is unknown keeps the response time the
// same, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}

/**
 * Checks a username and password against the database. Failed attempts are counted in the
 * users row (so a lock holds across every app instance); the fifth failure in a row locks the
 * account for LOCK_MINUTES. Success resets the counter and opens a server-side session row.
 */
export async function verifyLogin(usernameRaw: string, password: string): Promise<LoginResult> {
  const username = usernameRaw.trim().toLowerCase();
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) {
    await verifyPassword(await getDummyHash(), password).catch(() => false);
    return { ok: false, reason: 'invalid' };
  }
  const at = now();
  if (user.lockedUntil && user.lockedUntil > at) return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };

  const valid = await verifyPassword(user.passwordHash, password).catch(() => false);
  if (!valid) {
    // One atomic statement so concurrent attempts on several instances cannot lose a count.
    const [row] = await db
      .update(users)
      .set({
        failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE ${users.failedLogins} + 1 END`,
        lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
          THEN ${at.toISOString()}::timestamptz + make_interval(mins => ${LOCK_MINUTES}) ELSE ${users.lockedUntil} END`,
      })
      .where(eq(users.id, user.id))
      .returning({ lockedUntil: users.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil > at) {
      await recordAudit(
        db,
        { id: user.id, displayName: user.displayName },
        {
          action: 'auth.locked',
          entityType: 'user',
          entityId: user.id,
          after: { lockedUntil: row.lockedUntil.toISOString() },
        },
      );
      return { ok: false, reason: 'locked', lockedUntil: row.lockedUntil };
    }
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) return { ok: false, reason: 'disabled' };

  const sessionId = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      expiresAt: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    });
  });
  return { ok: true, userId: user.id, sessionId };
}

/** Ends a session at once (sign-out). */
export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.update(sessions).set({ revokedAt: now() }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user at once (disabling, password reset). Call with the action's tx. */
export async function revokeUserSessions(tx: Executor, userId: number): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now() })
    .where(and(eq(sessions.userId, userId), sql`${sessions.revokedAt} IS NULL`));
}
