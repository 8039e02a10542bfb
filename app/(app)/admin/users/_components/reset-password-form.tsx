'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState, useTransition } from 'react';
import type { FieldErrors } from '@/lib/errors';
import { resetPassword } from '@/lib/users/actions';
import { Field, inputClass, Notice } from './field';

/** Sets a new password; the action also clears the lock and ends the user's sessions. */
export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await resetPassword({ id: userId, password });
      if (res.ok) {
        setPassword('');
        setErrors({});
        setBanner({ tone: 'success', text: t('reset.done') });
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setBanner(res.fieldErrors?.password ? null : { tone: 'error', text: res.message });
      if (res.fieldErrors?.password) inputRef.current?.focus();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reset-password-form" aria-busy={pending}>
      <p className="text-sm text-slate-600">{t('reset.body')}</p>
      {banner ? (
        <Notice tone={banner.tone} testId="reset-password-message">
          {banner.text}
        </Notice>
      ) : null}
      <Field id="newPassword" label={t('reset.newPassword')} hint={t('form.passwordHint')} errors={errors.password} required>
        {(a) => (
          <input
            {...a}
            ref={inputRef}
            name="password"
            type="password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setBanner(null);
            }}
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex sm:justify-end">
        <button
          type="submit"
          disabled={pending || password.length === 0}
          data-testid="reset-password-submit"
          className="w-full rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50 sm:w-auto"
        >
          {pending ? t('reset.submitting') : t('reset.submit')}
        </button>
      </div>
    </form>
  );
}
