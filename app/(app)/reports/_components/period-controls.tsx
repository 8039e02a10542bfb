'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState, useTransition } from 'react';
import type { FieldErrors } from '@/lib/errors';
import { cancelPeriod, correctPeriod } from '@/lib/reports/period-actions';
import type { PeriodControls as Controls } from '@/lib/reports/period-queries';
import { periodDateErrors } from '@/lib/reports/period-date-errors';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';

const dangerButton =
  'inline-flex justify-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60';

/**
 * The dispatch office corrects a period's dates (start and end only while nothing in it was
 * submitted) or cancels a period opened by mistake, after a confirmation that says how many
 * drafts go with it. Shown only to those the actions let do it (mayManagePeriods).
 */
export function PeriodControls({ period }: { period: Controls }) {
  const t = useTranslations();
  const router = useRouter();
  const ids = useId();
  const [mode, setMode] = useState<'idle' | 'correct' | 'cancel'>('idle');
  const [dates, setDates] = useState({ startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const datesLocked = period.submitted > 0;

  function open(next: typeof mode) {
    setMode(next);
    setErrors({});
    setAlert(null);
    setDone(null);
    if (next === 'correct') setDates({ startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate });
  }

  function onCorrect(e: FormEvent) {
    e.preventDefault();
    const local = dates.startDate && dates.endDate && dates.dueDate ? periodDateErrors(dates) : {};
    if (Object.keys(local).length) {
      setErrors(local);
      setAlert(null);
      return;
    }
    start(async () => {
      const res = await correctPeriod({ id: period.id, version: period.version, ...dates });
      if (res.ok) {
        setMode('idle');
        setDone(t(res.data.changed ? 'reports.manage.corrected' : 'reports.manage.unchanged'));
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setAlert(res.fieldErrors && Object.keys(res.fieldErrors).length ? null : res.message);
    });
  }

  function onCancel() {
    start(async () => {
      const res = await cancelPeriod({ id: period.id, version: period.version });
      if (res.ok) {
        // The period is gone: the page shows the newest remaining one.
        router.push('/reports');
        router.refresh();
        return;
      }
      setAlert(res.message);
    });
  }

  const field = (key: keyof typeof dates, label: string, locked: boolean) => (
    <Field id={`${ids}-${key}`} label={label} required errors={errors[key]}>
      <input
        type="date"
        {...controlProps(`${ids}-${key}`, errors[key])}
        value={dates[key]}
        disabled={locked || pending}
        onChange={(e) => setDates((d) => ({ ...d, [key]: e.target.value }))}
        className={`${inputClass} disabled:bg-slate-100 disabled:text-slate-500`}
        data-testid={`correct-${key}`}
      />
    </Field>
  );

  return (
    <div className="mt-3 border-t border-slate-100 pt-3" data-testid="period-controls">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButton}
          aria-expanded={mode === 'correct'}
          onClick={() => open(mode === 'correct' ? 'idle' : 'correct')}
          data-testid="period-correct"
        >
          {t('reports.manage.correct')}
        </button>
        <button
          type="button"
          className={`${secondaryButton} text-red-700`}
          disabled={datesLocked}
          aria-expanded={mode === 'cancel'}
          aria-describedby={datesLocked ? `${ids}-cancel-locked` : undefined}
          onClick={() => open(mode === 'cancel' ? 'idle' : 'cancel')}
          data-testid="period-cancel"
        >
          {t('reports.manage.cancel')}
        </button>
      </div>
      {datesLocked ? (
        <p id={`${ids}-cancel-locked`} className="mt-1 text-xs text-slate-500">
          {t('reports.manage.cancelLocked')}
        </p>
      ) : null}

      {mode === 'correct' ? (
        <form onSubmit={onCorrect} noValidate aria-busy={pending} className="mt-3 space-y-3" data-testid="period-correct-form">
          {datesLocked ? <p className="text-sm text-amber-800">{t('reports.manage.datesLocked')}</p> : null}
          <div className="grid gap-3 sm:grid-cols-3">
            {field('startDate', t('reports.open.startDate'), datesLocked)}
            {field('endDate', t('reports.open.endDate'), datesLocked)}
            {field('dueDate', t('reports.open.dueDate'), false)}
          </div>
          {datesLocked ? <p className="text-xs text-slate-500">{t('reports.manage.lateNote')}</p> : null}
          <FormAlert message={alert} id={`${ids}-alert`} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending} data-testid="period-correct-save">
              {pending ? t('reports.manage.saving') : t('reports.manage.save')}
            </button>
            <button type="button" className={`${secondaryButton} w-full sm:w-auto`} onClick={() => open('idle')} disabled={pending}>
              {t('reports.manage.close')}
            </button>
          </div>
        </form>
      ) : null}

      {mode === 'cancel' ? (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-cancel-title`}
          aria-describedby={`${ids}-cancel-text`}
          className="mt-3 rounded-md border border-red-200 bg-red-50 p-3"
          data-testid="period-cancel-confirm"
        >
          <h3 id={`${ids}-cancel-title`} className="text-sm font-semibold text-red-900">
            {t('reports.manage.cancelTitle')}
          </h3>
          <p id={`${ids}-cancel-text`} className="mt-1 text-sm text-red-800">
            {t('reports.manage.cancelConfirm', { count: period.drafts })}
          </p>
          <div className="mt-2">
            <FormAlert message={alert} id={`${ids}-cancel-alert`} />
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className={`${dangerButton} w-full sm:w-auto`}
              onClick={onCancel}
              disabled={pending}
              data-testid="period-cancel-yes"
            >
              {pending ? t('reports.manage.cancelling') : t('reports.manage.cancelConfirmButton')}
            </button>
            <button
              type="button"
              className={`${secondaryButton} w-full sm:w-auto`}
              onClick={() => open('idle')}
              disabled={pending}
              autoFocus
            >
              {t('reports.manage.cancelKeep')}
            </button>
          </div>
        </div>
      ) : null}

      {done ? (
        <p role="status" className="mt-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
    </div>
  );
}
