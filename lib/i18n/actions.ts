'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './config';

/** Remembers the chosen interface language for a year. Not a data change, so no audit event. */
export async function setLocale(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
}
