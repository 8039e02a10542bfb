'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import type { FieldErrors } from '@/lib/errors';
import { freezeBaseline } from '@/lib/lights/actions';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';

export interface FreezeStatus {
  year: number;
  /** The sentence saying when and by whom, or null when the year is not frozen. */
  frozenLine: string | null;
}

/** The prefecture dispatch office freezes a year's plans and milestone dates as the baseline, after a confirmation. */
export function FreezeBaselineForm({ years, defaultYear }: { years: FreezeStatus[]; defaultYear: number }) {
  const t = useTranslations('lights.ops.freeze');
  const router = useRouter();
  const [year, setYear] = useState(defaultYear);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const status = years.find((y) => y.year === year) ?? null;
  const frozen = Boolean(status?.frozenLine);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setAlert(null);
    setConfirming(true);
  }

  function confirm() {
    start(async () => {
      const res = await freezeBaseline({ year });
      setConfirming(false);
      if (res.ok) {
        const data = res.data as { year: number; plans: number; milestones: number };
        setErrors({});
        setDone(t('success', { year: data.year, plans: data.plans, milestones: data.milestones }));
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
      data-testid="freeze-baseline-form"
      aria-labelledby="freeze-baseline-title"
      aria-busy={pending}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="freeze-baseline-title" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('hint')}</p>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id="freeze-year" label={t('year')} required errors={errors.year} className="sm:w-40">
          <select
            {...controlProps('freeze-year', errors.year, false, true)}
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setConfirming(false);
              setDone(null);
              setAlert(null);
            }}
            className={inputClass}
          >
            {years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:pt-6">
          <button
            type="submit"
            disabled={pending || frozen || confirming}
            className={`${primaryButton} w-full whitespace-nowrap sm:w-auto`}
            data-testid="freeze-baseline-submit"
          >
            {pending ? t('submitting') : t('submit')}
          </button>
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid="freeze-status">
        {status?.frozenLine ?? t('notFrozen', { year })}
      </p>
      <div className="mt-2 space-y-2">
        {confirming ? (
          <div
            role="alertdialog"
            aria-labelledby="freeze-confirm-text"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="freeze-confirm"
          >
            <p id="freeze-confirm-text">{t('confirm', { year })}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" disabled={pending} onClick={confirm} className={primaryButton} data-testid="freeze-baseline-confirm">
                {pending ? t('submitting') : t('confirmSubmit')}
              </button>
              <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={secondaryButton}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : null}
        <FormAlert message={alert} id="freeze-alert" />
        {done ? (
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
            data-testid="freeze-result"
          >
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
