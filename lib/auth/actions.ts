'use server';

import { signOut } from './auth';

/** Signs out: next-auth's signOut event revokes the server-side session row at once. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
