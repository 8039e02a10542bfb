'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { setUserDisabled, unlockUser } from '@/lib/users/actions';
import { Notice } from './field';

interface Props {
  userId: number;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  isSelf: boolean;
}

/** Disable (with a confirmation), enable, and unlock a locked account. */
export function AccountActions({ userId, displayName, disabled, locked, isSelf }: Props) {
  const t = useTranslations('admin');
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [banner, setBanner] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, start] = useTransition();

  const run = (call: () => Promise<ActionResult<unknown>>, done: string) =>
    start(async () => {
      const res = await call();
      dialogRef.current?.close();
      if (res.ok) {
        setBanner({ tone: 'success', text: done });
        router.refresh();
      } else {
        setBanner({ tone: 'error', text: res.fieldErrors?._form?.join(' ') ?? res.message });
      }
    });

  const btn = 'w-full rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:opacity-50 sm:w-auto';

  return (
    <div className="space-y-3">
      {banner ? (
        <Notice tone={banner.tone} testId="account-message">
          {banner.text}
        </Notice>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {locked ? (
          <button
            type="button"
            disabled={pending}
            data-testid="unlock-user"
            onClick={() => run(() => unlockUser({ id: userId }), t('account.unlockedDone'))}
            className={`${btn} bg-amber-500 text-white hover:bg-amber-600`}
          >
            {t('account.unlock')}
          </button>
        ) : null}
        {disabled ? (
          <button
            type="button"
            disabled={pending}
            data-testid="enable-user"
            onClick={() => run(() => setUserDisabled({ id: userId, disabled: false }), t('account.enabledDone'))}
            className={`${btn} bg-emerald-600 text-white hover:bg-emerald-700`}
          >
            {t('account.enable')}
          </button>
        ) : (
          <button
            type="button"
            disabled={pending || isSelf}
            data-testid="disable-user"
            aria-describedby={isSelf ? 'disable-self-note' : undefined}
            onClick={() => {
              setBanner(null);
              dialogRef.current?.showModal();
            }}
            className={`${btn} border border-red-300 bg-white text-red-700 hover:bg-red-50`}
          >
            {t('account.disable')}
          </button>
        )}
      </div>
      {isSelf && !disabled ? (
        <p id="disable-self-note" className="text-xs text-slate-500">
          {t('account.selfNote')}
        </p>
      ) : null}

      <dialog
        ref={dialogRef}
        aria-labelledby="disable-title"
        aria-describedby="disable-body"
        data-testid="disable-dialog"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id="disable-title" className="text-lg font-semibold text-slate-900">
            {t('account.confirmTitle', { name: displayName })}
          </h2>
          <p id="disable-body" className="mt-2 text-sm text-slate-600">
            {t('account.confirmBody')}
          </p>
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button
              type="button"
              autoFocus
              onClick={() => dialogRef.current?.close()}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-700 hover:bg-slate-50"
            >
              {t('account.cancel')}
            </button>
            <button
              type="button"
              disabled={pending}
              data-testid="confirm-disable"
              onClick={() => run(() => setUserDisabled({ id: userId, disabled: true }), t('account.disabledDone'))}
              className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60"
            >
              {t('account.confirmDisable')}
            </button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
