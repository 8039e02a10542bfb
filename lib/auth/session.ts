import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/authz';
import { sessionIdFromCookies } from './session-cookie';
import { findSessionActor } from './session-lookup';

/**
 * The signed-in user for this request, or null. The session row must exist, be unexpired and
 * unrevoked, and the user must not be disabled: this is what makes sign-out and disabling
 * immediate. Cached per request. The cookie is read by sessionIdFromCookies (session-cookie.ts).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const sid = await sessionIdFromCookies((name) => jar.get(name)?.value);
  if (!sid) return null;
  return findSessionActor(await getDb(), sid);
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
