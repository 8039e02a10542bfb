'use client';

import { useTranslations } from 'next-intl';
import type { RunnerState } from './use-runner';

/** The outcome of the last step: an error (a conflict offers a reload) or a notice. */
export function RunFeedback({ error, notice, reload, testId = 'meeting-feedback' }: RunnerState & { reload: () => void; testId?: string }) {
  const t = useTranslations('meetings');
  if (error) {
    return (
      <div
        role="alert"
        className={`rounded-md border px-3 py-2 text-sm ${error.conflict ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-200 bg-red-50 text-red-800'}`}
        data-testid={`${testId}-error`}
      >
        <p>{error.message}</p>
        {Object.values(error.fieldErrors)
          .flat()
          .filter((m) => m !== error.message)
          .map((m) => (
            <p key={m}>{m}</p>
          ))}
        {error.conflict ? (
          <button type="button" className="mt-2 font-medium text-brand-700 underline" onClick={reload}>
            {t('conflict.reload')}
          </button>
        ) : null}
      </div>
    );
  }
  if (notice) {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        data-testid={`${testId}-notice`}
      >
        {notice}
      </p>
    );
  }
  return null;
}
