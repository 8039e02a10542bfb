'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { requestOrigin } from '@/lib/http/request-origin';
import { FALLBACK_PATH, safeCallbackPath } from '@/lib/http/safe-redirect';

export type LoginState = { error?: 'invalid' | 'locked' | 'disabled' | 'required'; username?: string };

/** Only a same-origin path may be a post-login destination (no open redirects). */
async function safeCallback(value: FormDataEntryValue | null): Promise<string> {
  const path = safeCallbackPath(value, await requestOrigin());
  return path === FALLBACK_PATH ? '/dashboard' : path;
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: 'required', username };
  try {
    await signIn('credentials', { username, password, redirectTo: await safeCallback(form.get('callbackUrl')) });
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = err.code === 'locked' || err.code === 'disabled' ? err.code : 'invalid';
      return { error: code, username };
    }
    if (err instanceof AuthError) return { error: 'invalid', username };
    throw err; // the success redirect
  }
}
