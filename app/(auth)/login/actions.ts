'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';

export type LoginState = { error?: 'invalid' | 'locked' | 'disabled' | 'required'; username?: string };

/** Only local paths may be a post-login destination (no open redirects). */
function safeCallback(value: FormDataEntryValue | null): string {
  const s = typeof value === 'string' ? value : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : '/dashboard';
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: 'required', username };
  try {
    await signIn('credentials', { username, password, redirectTo: safeCallback(form.get('callbackUrl')) });
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
