'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { errorReference } from './_components/error-reference';

/** Any unexpected failure: a plain message with a reference, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  // A failure in the browser (no server digest) gets its own reference, logged with the error,
  // so the page never shows a blank reference to quote.
  const [ref] = useState(() => errorReference(error.digest));
  const [offline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  useEffect(() => {
    console.error(`[${ref}]`, error);
  }, [error, ref]);
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center" role="alert" data-testid="error-page">
      <h1 className="text-xl font-semibold text-slate-900">{t('errorTitle')}</h1>
      <p className="mt-2 text-slate-600">{offline ? t('draft.errorOffline') : t('errorBody', { ref })}</p>
      <div className="mt-6 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('retry')}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load out of the error boundary, not a client transition from the broken tree */}
        <a href="/projects" className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:bg-slate-50">
          {t('backHome')}
        </a>
      </div>
    </div>
  );
}
