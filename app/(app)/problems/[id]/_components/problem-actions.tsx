'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { inputClass, primaryButton, secondaryButton, useFieldMessage } from '@/app/_components/form/form-controls';
import type { ActionResult } from '@/lib/actions/result';
import { closeProblem, reopenProblem, resolveProblem, startProblem } from '@/lib/problems/actions';
import { REASON_MAX, RESOLUTION_MAX } from '@/lib/problems/limits';

interface Props {
  id: number;
  version: number;
  allowed: { start: boolean; resolve: boolean; close: boolean; reopen: boolean };
}

type Step = keyof Props['allowed'];

/**
 * The status steps the user may take on this problem (the others are not shown; the server
 * refuses them anyway). A step taken on a stale page gets the conflict message and a reload.
 */
export function ProblemActions({ id, version, allowed }: Props) {
  const t = useTranslations('problems');
  const fieldMessage = useFieldMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<Step | null>(null);
  const [resolution, setResolution] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const checkLimits = useLimitCheck();

  function run(step: Step, call: () => Promise<ActionResult<unknown>>) {
    setBusy(step);
    startTransition(async () => {
      const res = await call();
      setBusy(null);
      if (res.ok) {
        setError(null);
        setFieldErrors({});
        setResolution('');
        setReason('');
        router.refresh();
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      setError({ message: res.message, conflict: res.code === 'CONFLICT' });
    });
  }

  if (!allowed.start && !allowed.resolve && !allowed.close && !allowed.reopen) return null;
  const label = (step: Step, text: string) => (pending && busy === step ? t('actions.working') : text);

  return (
    <section
      aria-labelledby="actions-title"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="problem-actions"
    >
      <h2 id="actions-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('actions.title')}
      </h2>
      <div className="space-y-4 p-4">
        {error ? (
          <div
            role="alert"
            className={`rounded-md border px-3 py-2 text-sm ${error.conflict ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-200 bg-red-50 text-red-800'}`}
            data-testid="action-error"
          >
            <p>{error.message}</p>
            {error.conflict ? (
              <button
                type="button"
                className="mt-2 font-medium text-brand-700 underline"
                onClick={() => {
                  setError(null);
                  router.refresh();
                }}
              >
                {t('actions.reload')}
              </button>
            ) : null}
          </div>
        ) : null}

        {allowed.start || allowed.close ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {allowed.start ? (
              <button
                type="button"
                disabled={pending}
                className={primaryButton}
                data-testid="problem-action-start"
                onClick={() => run('start', () => startProblem({ id, version }))}
              >
                {label('start', t('actions.start'))}
              </button>
            ) : null}
            {allowed.close ? (
              <button
                type="button"
                disabled={pending}
                className={primaryButton}
                data-testid="problem-action-close"
                onClick={() => run('close', () => closeProblem({ id, version }))}
              >
                {label('close', t('actions.close'))}
              </button>
            ) : null}
          </div>
        ) : null}
        {allowed.close ? <p className="-mt-2 text-xs text-slate-500">{t('actions.closeHint')}</p> : null}

        {allowed.resolve ? (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              run(
                'resolve',
                async () =>
                  checkLimits({ resolution: [resolution, RESOLUTION_MAX] }) ?? (await resolveProblem({ id, version, resolution })),
              );
            }}
          >
            <label htmlFor="resolution" className="block text-sm font-medium text-slate-700">
              {t('actions.resolutionLabel')}
              <span className="ml-0.5 text-red-600" aria-hidden>
                *
              </span>
            </label>
            <textarea
              {...countedProps(
                {
                  id: 'resolution',
                  'aria-invalid': fieldErrors.resolution?.length ? true : undefined,
                  'aria-describedby': fieldErrors.resolution?.length ? 'resolution-error' : undefined,
                },
                resolution,
                RESOLUTION_MAX,
              )}
              rows={3}
              value={resolution}
              onChange={(e) => setResolution(e.target.value)}
              placeholder={t('actions.resolutionPlaceholder')}
              className={inputClass}
              data-testid="resolution-input"
            />
            <CharCount id="resolution" value={resolution} max={RESOLUTION_MAX} />
            {fieldErrors.resolution?.length ? (
              <p id="resolution-error" className="text-sm text-red-700">
                {fieldErrors.resolution.map(fieldMessage).join(' ')}
              </p>
            ) : null}
            <button type="submit" disabled={pending} className={primaryButton} data-testid="problem-action-resolve">
              {label('resolve', t('actions.resolve'))}
            </button>
          </form>
        ) : null}

        {allowed.reopen ? (
          <form
            className={`space-y-2 ${allowed.start || allowed.close || allowed.resolve ? 'border-t border-slate-100 pt-4' : ''}`}
            onSubmit={(e) => {
              e.preventDefault();
              run('reopen', async () => checkLimits({ reason: [reason, REASON_MAX] }) ?? (await reopenProblem({ id, version, reason })));
            }}
          >
            <label htmlFor="reopen-reason" className="block text-sm font-medium text-slate-700">
              {t('actions.reasonLabel')}
              <span className="ml-0.5 text-red-600" aria-hidden>
                *
              </span>
            </label>
            <textarea
              {...countedProps(
                {
                  id: 'reopen-reason',
                  'aria-invalid': fieldErrors.reason?.length ? true : undefined,
                  'aria-describedby': fieldErrors.reason?.length ? 'reason-error' : undefined,
                },
                reason,
                REASON_MAX,
              )}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('actions.reasonPlaceholder')}
              className={inputClass}
              data-testid="reopen-reason-input"
            />
            <CharCount id="reopen-reason" value={reason} max={REASON_MAX} />
            {fieldErrors.reason?.length ? (
              <p id="reason-error" className="text-sm text-red-700">
                {fieldErrors.reason.map(fieldMessage).join(' ')}
              </p>
            ) : null}
            <button type="submit" disabled={pending} className={secondaryButton} data-testid="problem-action-reopen">
              {label('reopen', t('actions.reopen'))}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
