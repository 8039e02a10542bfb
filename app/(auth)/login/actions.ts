'use server';

import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';
import { type LoginRefusal, refusalOf } from '@/lib/auth/credentials';
import { landingPathOfUsername } from '@/lib/auth/landing-user';
import { requestOrigin } from '@/lib/http/request-origin';
import { FALLBACK_PATH, safeCallbackPath } from '@/lib/http/safe-redirect';

export type LoginState = { error?: LoginRefusal | 'required'; retryAfterSeconds?: number; username?: string };

/** Only a same-origin path may be a post-login destination (no open redirects); null: none given. */
async function safeCallback(value: FormDataEntryValue | null): Promise<string | null> {
  const path = safeCallbackPath(value, await requestOrigin());
  return path === FALLBACK_PATH ? null : path;
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  // A server action is a public endpoint: a hand-made call may pass anything as the form.
  if (!(form instanceof FormData)) return { error: 'required' };
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: 'required', username };
  const callback = await safeCallback(form.get('callbackUrl'));
  try {
    if (callback) {
      await signIn('credentials', { username, password, redirectTo: callback });
      return {};
    }
    // No destination: the role's own start page (lib/auth/landing.ts), known once signed in.
    await signIn('credentials', { username, password, redirect: false });
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) return { ...refusal, username };
    throw err; // the success redirect
  }
  redirect(await landingPathOfUsername(username));
}
