'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { login, type LoginState } from './actions';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const message = state.error
    ? state.error === 'throttled'
      ? t('throttled', { seconds: state.retryAfterSeconds ?? 1 })
      : t(state.error)
    : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <div>
        <label htmlFor="username" className="mb-1 block text-sm font-medium text-slate-700">
          {t('username')}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          defaultValue={state.username}
          required
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600"
        />
      </div>
      {message ? (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
