import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';

/**
 * The actor behind a session id, or null. The session row must exist, be unexpired and
 * unrevoked, and its user must not be disabled: this is what makes sign-out, password resets
 * and disabling a user take effect on the very next request. No 'server-only' import, so the
 * integration tests can call it; getActor() in session.ts is its one caller in the app.
 */
export async function findSessionActor(db: Executor, sid: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      countyId: users.countyId,
      unitId: users.unitId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt), gt(sessions.expiresAt, now()), eq(users.disabled, false)))
    .limit(1);
  return row ?? null;
}
