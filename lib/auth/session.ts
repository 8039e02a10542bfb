import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';
import { auth } from './auth';

/**
 * The signed-in user for this request, or null. The session row must exist, be unexpired and
 * unrevoked, and the user must not be disabled: this is what makes sign-out and disabling
 * immediate. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { sid?: string } | null;
  const sid = session?.sid;
  if (!sid) return null;
  const db = await getDb();
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
    .where(
      and(eq(sessions.id, sid), isNull(sessions.revokedAt), gt(sessions.expiresAt, now()), eq(users.disabled, false)),
    )
    .limit(1);
  return row ?? null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
