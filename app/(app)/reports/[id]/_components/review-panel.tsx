'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { reopenReport, reviewReport } from '@/lib/reports/actions';
import { COMMENT_MAX } from '@/lib/reports/limits';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, inputClass } from '@/app/_components/form/form-controls';

const bigButton =
  'inline-flex min-h-11 flex-1 items-center justify-center rounded-md px-4 py-2.5 text-sm font-medium shadow-sm disabled:opacity-60 sm:flex-none';

/** The failure of a review or reopen: a message, field messages, and whether to offer a reload. */
function useFailure() {
  const [alert, setAlert] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const show = (res: { code: string; message: string; fieldErrors?: Record<string, string[]> }) => {
    setFieldErrors(res.fieldErrors ?? {});
    setAlert(res.code === 'INVALID' && res.fieldErrors ? null : res.message);
    setStale(res.code === 'CONFLICT');
  };
  const clear = () => {
    setAlert(null);
    setStale(false);
    setFieldErrors({});
  };
  return { alert, stale, fieldErrors, show, clear, setFieldErrors };
}

function Failure({
  alert,
  stale,
  onReload,
  reloadLabel,
}: {
  alert: string | null;
  stale: boolean;
  onReload: () => void;
  reloadLabel: string;
}) {
  if (!alert) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="review-error"
    >
      <p>{alert}</p>
      {stale ? (
        <button
          type="button"
          onClick={onReload}
          className="mt-2 rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-700"
          data-testid="review-reload"
        >
          {reloadLabel}
        </button>
      ) : null}
    </div>
  );
}

/**
 * Approve or return a submitted report. The version sent is the one this page showed: if the
 * report changed since, the server refuses and the reviewer reloads to see what changed.
 */
export function ReviewPanel({ reportId, version, onBehalfOf }: { reportId: number; version: number; onBehalfOf: string | null }) {
  const t = useTranslations('reports.review');
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [, start] = useTransition();
  const failure = useFailure();
  const checkLimits = useLimitCheck();

  function decide(decision: 'approve' | 'return') {
    failure.clear();
    if (decision === 'return' && !comment.trim()) {
      failure.setFieldErrors({ comment: [t('commentRequired')] });
      document.getElementById('review-comment')?.focus();
      return;
    }
    setBusy(decision);
    start(async () => {
      const res = checkLimits({ comment: [comment, COMMENT_MAX] }) ?? (await reviewReport({ id: reportId, version, decision, comment }));
      setBusy(null);
      if (res.ok) {
        router.refresh();
        return;
      }
      failure.show(res);
    });
  }

  return (
    <section aria-labelledby="review-title" className="rounded-lg border-2 border-sky-300 bg-white shadow-sm" data-testid="review-panel">
      <h2 id="review-title" className="border-b border-sky-200 bg-sky-50 px-4 py-3 text-base font-semibold text-sky-950">
        {t('title')}
      </h2>
      <div className="space-y-3 p-4">
        <p className="text-sm text-slate-600">{t('intro')}</p>
        {onBehalfOf !== null ? (
          <p className="rounded-md bg-violet-50 px-3 py-2 text-sm text-violet-900" data-testid="on-behalf-note">
            {t('onBehalf', { leader: onBehalfOf || '—' })}
          </p>
        ) : null}
        <Failure alert={failure.alert} stale={failure.stale} onReload={() => window.location.reload()} reloadLabel={t('reload')} />
        <Field id="review-comment" label={t('comment')} hint={t('commentHint')} errors={failure.fieldErrors.comment}>
          <textarea
            rows={3}
            {...countedProps(controlProps('review-comment', failure.fieldErrors.comment, true), comment, COMMENT_MAX)}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            className={inputClass}
            data-testid="return-comment"
          />
          <CharCount id="review-comment" value={comment} max={COMMENT_MAX} />
        </Field>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => decide('return')}
            disabled={busy !== null}
            className={`${bigButton} border border-amber-500 bg-white text-amber-800 hover:bg-amber-50`}
            data-testid="review-return"
          >
            {busy === 'return' ? t('working') : t('return')}
          </button>
          <button
            type="button"
            onClick={() => decide('approve')}
            disabled={busy !== null}
            className={`${bigButton} bg-emerald-600 text-white hover:bg-emerald-700`}
            data-testid="review-approve"
          >
            {busy === 'approve' ? t('working') : t('approve')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The dispatch office reopens an approved report, with a written reason. */
export function ReopenPanel({ reportId, version }: { reportId: number; version: number }) {
  const t = useTranslations('reports.reopen');
  const tr = useTranslations('reports.review');
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [, start] = useTransition();
  const failure = useFailure();
  const checkLimits = useLimitCheck();

  function reopen() {
    failure.clear();
    if (!reason.trim()) {
      failure.setFieldErrors({ reason: [t('reasonRequired')] });
      document.getElementById('reopen-reason')?.focus();
      return;
    }
    setBusy(true);
    start(async () => {
      const res = checkLimits({ reason: [reason, COMMENT_MAX] }) ?? (await reopenReport({ id: reportId, version, reason }));
      setBusy(false);
      if (res.ok) {
        router.refresh();
        return;
      }
      failure.show(res);
    });
  }

  return (
    <section aria-labelledby="reopen-title" className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="reopen-panel">
      <h2 id="reopen-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <div className="space-y-3 p-4">
        <p className="text-sm text-slate-600">{t('intro')}</p>
        <Failure alert={failure.alert} stale={failure.stale} onReload={() => window.location.reload()} reloadLabel={tr('reload')} />
        <Field id="reopen-reason" label={t('reason')} required errors={failure.fieldErrors.reason}>
          <textarea
            rows={2}
            {...countedProps(controlProps('reopen-reason', failure.fieldErrors.reason, false, true), reason, COMMENT_MAX)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
            data-testid="reopen-reason"
          />
          <CharCount id="reopen-reason" value={reason} max={COMMENT_MAX} />
        </Field>
        <div className="flex sm:justify-end">
          <button
            type="button"
            onClick={reopen}
            disabled={busy}
            className={`${bigButton} border border-amber-500 bg-white text-amber-800 hover:bg-amber-50`}
            data-testid="reopen-report"
          >
            {busy ? t('working') : t('submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
