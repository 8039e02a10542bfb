import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import { hashPassword, verifyPassword } from './password';
import { recordSuccess, reserveAttempt, throttleName } from './throttle';

/** Session lifetime: one working day. The JWT and the session row expire together. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export type LoginResult =
  | { ok: true; userId: number; sessionId: string }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface LoginContext {
  /** The source address (lib/auth/client-address.ts), null when unknown. */
  address?: string | null;
}

// Verifying against a throwaway hash when the username is unknown keeps the response time the
// same, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}

/** Who a sign-in audit event is about: the user's row when the name exists, else the name tried. */
function entityOf(user: { id: number } | undefined, username: string) {
  return user ? { entityType: 'user', entityId: user.id } : { entityType: 'login', entityId: username };
}

/**
 * Checks a username and password. The attempt is first reserved with the throttle
 * (lib/auth/throttle.ts), atomically and before any password is verified: a throttled attempt
 * verifies nothing and is answered the same whether or not the name exists. An unknown name is
 * verified against a throwaway hash and answered "invalid" like a wrong password. Success
 * clears the pair's count and opens a server-side session row. Every outcome is audited:
 * auth.signIn, auth.failed (the name tried, never the password) and auth.throttled (once per
 * waiting period, not per refused attempt). A database failure throws (the caller answers
 * "service unavailable", never "wrong password").
 */
export async function verifyLogin(usernameRaw: string, password: string, context: LoginContext = {}): Promise<LoginResult> {
  const username = throttleName(usernameRaw);
  const address = context.address ?? null;
  const db = await getDb();
  const at = now();

  const reservation = await reserveAttempt(db, username, address, at);
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!reservation.ok) {
    if (reservation.firstRefusal) {
      await recordAudit(db, null, {
        action: 'auth.throttled',
        ...entityOf(user, username),
        after: { username, address, retryAfterSeconds: reservation.retryAfterSeconds, limits: reservation.limits },
      });
    }
    return { ok: false, reason: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await getDummyHash(), password);
  if (!valid || !user || user.disabled) {
    await recordAudit(db, null, {
      action: 'auth.failed',
      ...entityOf(user, username),
      after: { username, address, reason: !user ? 'unknownUser' : !valid ? 'wrongPassword' : 'disabled' },
    });
    // A disabled user is told so only with the right password.
    return { ok: false, reason: valid && user?.disabled ? 'disabled' : 'invalid' };
  }

  const sessionId = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await recordSuccess(tx, username, address, at);
    await tx.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    });
    await recordAudit(tx, user, { action: 'auth.signIn', entityType: 'user', entityId: user.id, after: { address } });
  });
  return { ok: true, userId: user.id, sessionId };
}

/** Ends a session at once (sign-out), audited as auth.signOut by its user. */
export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: now() })
      .where(and(eq(sessions.id, sessionId), sql`${sessions.revokedAt} IS NULL`))
      .returning({ userId: sessions.userId });
    if (!row) return;
    const [user] = await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.userId)).limit(1);
    await recordAudit(tx, user ?? null, { action: 'auth.signOut', entityType: 'user', entityId: row.userId });
  });
}

/** Ends every session of a user at once (disabling, password reset). Call with the action's tx. */
export async function revokeUserSessions(tx: Executor, userId: number): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now() })
    .where(and(eq(sessions.userId, userId), sql`${sessions.revokedAt} IS NULL`));
}
