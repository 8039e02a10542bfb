import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';

/** IDLE_TIMEOUT_MINUTES (default 30): a session unused this long has ended. */
export function idleTimeoutMinutes(setting: string | undefined = process.env.IDLE_TIMEOUT_MINUTES): number {
  const n = Number(setting);
  return setting !== undefined && setting.trim() !== '' && Number.isFinite(n) && n > 0 ? n : 30;
}

/** A session's last-seen time is written at most this often, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/**
 * The actor behind a session id, or null. The session row must exist, be unrevoked, within its
 * absolute lifetime (expires_at, 8 hours) and used within the idle timeout (last_seen_at), and
 * its user must not be disabled: this is what makes sign-out, password resets and disabling a
 * user take effect on the very next request. A session last seen more than a minute ago is
 * marked seen now (one small UPDATE a minute per session, not one per request). No
 * 'server-only' import, so the integration tests can call it; getActor() in session.ts is its
 * one caller in the app.
 */
export async function findSessionActor(db: Executor, sid: string): Promise<Actor | null> {
  const at = now();
  const idleSince = new Date(at.getTime() - idleTimeoutMinutes() * 60 * 1000);
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      countyId: users.countyId,
      unitId: users.unitId,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sid),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, at),
        gt(sessions.lastSeenAt, idleSince),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { lastSeenAt, ...actor } = row;
  if (at.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    const stale = new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS);
    await db
      .update(sessions)
      .set({ lastSeenAt: at })
      .where(and(eq(sessions.id, sid), lte(sessions.lastSeenAt, stale)));
  }
  return actor;
}
