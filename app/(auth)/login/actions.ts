'use server';

import { signIn } from '@/lib/auth/auth';
import { type LoginRefusal, refusalOf } from '@/lib/auth/credentials';
import { requestOrigin } from '@/lib/http/request-origin';
import { FALLBACK_PATH, safeCallbackPath } from '@/lib/http/safe-redirect';

export type LoginState = { error?: LoginRefusal | 'required'; retryAfterSeconds?: number; username?: string };

/** Only a same-origin path may be a post-login destination (no open redirects). */
async function safeCallback(value: FormDataEntryValue | null): Promise<string> {
  const path = safeCallbackPath(value, await requestOrigin());
  return path === FALLBACK_PATH ? '/dashboard' : path;
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  // A server action is a public endpoint: a hand-made call may pass anything as the form.
  if (!(form instanceof FormData)) return { error: 'required' };
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: 'required', username };
  try {
    await signIn('credentials', { username, password, redirectTo: await safeCallback(form.get('callbackUrl')) });
    return {};
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) return { ...refusal, username };
    throw err; // the success redirect
  }
}
