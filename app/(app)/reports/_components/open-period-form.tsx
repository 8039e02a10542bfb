'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { PERIOD_KINDS, type PeriodKind } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { openPeriod } from '@/lib/reports/actions';
import { toLocale } from '@/lib/i18n/config';
import { type OpenedPeriod, proposeNextPeriod } from '@/lib/reports/open-period-proposal';
import { periodDateErrors } from '@/lib/reports/period-date-errors';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { periodLabel } from './report-format';

/**
 * The dispatch office opens a reporting period. Dates are proposed for the period after the
 * latest one of the kind already opened (else the one containing today; proposeNextPeriod) and
 * follow a change of cadence until the user edits them. Submitting first asks for a confirmation
 * that says how many drafts and notifications opening creates (`preview`, counted by the server).
 */
export function OpenPeriodForm({
  cadence,
  today,
  activeProjects,
  taken,
  preview,
}: {
  cadence: PeriodKind;
  today: string;
  activeProjects: number;
  /** The periods already open: the proposal follows the latest of its kind and skips past them. */
  taken: OpenedPeriod[];
  /** What opening creates (lib/reports/period-queries.ts getOpenPeriodPreview). */
  preview: { drafts: number; notifications: number };
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  const [kind, setKind] = useState<PeriodKind>(cadence);
  const [dates, setDates] = useState(() => proposeNextPeriod(cadence, today, taken));
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function changeKind(next: PeriodKind) {
    setKind(next);
    setConfirming(false);
    if (!touched) setDates(proposeNextPeriod(next, today, taken));
  }
  const setDate = (key: keyof typeof dates, value: string) => {
    setTouched(true);
    setConfirming(false);
    setDates((d) => ({ ...d, [key]: value }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const local = dates.startDate && dates.endDate && dates.dueDate ? periodDateErrors(dates) : {};
    if (Object.keys(local).length) {
      setErrors(local);
      setAlert(null);
      return;
    }
    // First the confirmation naming what will be created; the confirm button submits.
    if (!confirming) {
      setErrors({});
      setAlert(null);
      setConfirming(true);
      return;
    }
    setConfirming(false);
    start(async () => {
      const res = await openPeriod({ kind, ...dates });
      if (res.ok) {
        setErrors({});
        setAlert(null);
        setDone(t('reports.open.success', { count: res.data.reportCount }));
        setTouched(false);
        router.push(`/reports?period=${res.data.id}`);
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setAlert(res.fieldErrors && Object.keys(res.fieldErrors).length ? null : res.message);
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-testid="open-period-form"
      aria-labelledby="open-period-title"
      aria-busy={pending}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="open-period-title" className="text-base font-semibold text-slate-900">
        {t('reports.open.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('reports.open.hint', { count: activeProjects })}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-[10rem_1fr_1fr_1fr_auto] lg:items-start">
        <Field id="period-kind" label={t('reports.open.kind')} errors={errors.kind}>
          <select
            {...controlProps('period-kind', errors.kind)}
            value={kind}
            onChange={(e) => changeKind(e.target.value as PeriodKind)}
            className={inputClass}
          >
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`enums.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="period-start" label={t('reports.open.startDate')} required errors={errors.startDate}>
          <input
            type="date"
            {...controlProps('period-start', errors.startDate)}
            value={dates.startDate}
            onChange={(e) => setDate('startDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="period-end" label={t('reports.open.endDate')} required errors={errors.endDate}>
          <input
            type="date"
            {...controlProps('period-end', errors.endDate)}
            value={dates.endDate}
            onChange={(e) => setDate('endDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="period-due" label={t('reports.open.dueDate')} required errors={errors.dueDate}>
          <input
            type="date"
            {...controlProps('period-due', errors.dueDate)}
            value={dates.dueDate}
            onChange={(e) => setDate('dueDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <div className="sm:col-span-2 lg:col-span-1 lg:pt-6">
          <button
            type="submit"
            disabled={pending}
            className={`${primaryButton} w-full whitespace-nowrap py-2.5 lg:w-auto`}
            data-testid="open-period-submit"
          >
            {pending ? t('reports.open.submitting') : t('reports.open.submit')}
          </button>
        </div>
      </div>
      <p className="mt-2 text-xs text-slate-500">{t('reports.open.cadence', { kind: t(`enums.periodKind.${cadence}`) })}</p>
      <div className="mt-2 space-y-2">
        {confirming && !pending ? (
          <div
            role="alertdialog"
            aria-labelledby="open-period-confirm-text"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            data-testid="open-period-confirm"
          >
            <p id="open-period-confirm-text">
              {t('reports.open.confirm', {
                period: dates.startDate && dates.endDate ? periodLabel(t, { kind, ...dates }, locale) : '—',
                drafts: preview.drafts,
                notifications: preview.notifications,
              })}
            </p>
            <div className="mt-2 flex gap-2">
              <button type="submit" className={primaryButton} data-testid="open-period-confirm-yes">
                {t('reports.open.confirmYes')}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
                {t('reports.open.confirmNo')}
              </button>
            </div>
          </div>
        ) : null}
        <FormAlert message={alert} />
        {done ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
