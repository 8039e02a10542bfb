'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { toLocale } from '@/lib/i18n/config';
import { savePlan } from '@/lib/lights/actions';
import { compareMoney, formatWan, parseMoneyInput, subtractMoney } from '@/lib/money';
import { monthlyTotals, splitEvenly } from '@/lib/plans/plan-figures';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { MONTHS, type PlanFormValues, planValues, TARGETS_MAX } from './plan-values';
import { type ConflictRow, ConflictPanel } from '@/app/_components/form/conflict-panel';
import { useSaveFeedback } from '@/app/_components/form/use-save-feedback';
import {
  controlProps,
  Field,
  FormAlert,
  inputClass,
  primaryButton,
  secondaryButton,
  useFieldMessage,
} from '@/app/_components/form/form-controls';

/** What the amount field accepts (lib/money), so the live totals add up what will be saved. */
const validAmount = (s: string) => parseMoneyInput(s) !== null;

/**
 * The annual plan form: planned investment, optional monthly targets (with an even split and a
 * live running total against the annual figure), the year's targets. Saves with the version last
 * seen; a conflict shows the saved values beside the user's, with reload (like the milestone form).
 */
export function PlanForm({
  projectId,
  year,
  initial,
  initialVersion,
}: {
  projectId: number;
  year: number;
  initial: PlanFormValues;
  /** null: the year has no plan yet (saving creates it). */
  initialVersion: number | null;
}) {
  const t = useTranslations();
  const tp = useTranslations('lights.plan');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const message = useFieldMessage();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const { errors, alert, conflict, alertRef, fail, clear } = useSaveFeedback();
  const checkLimits = useLimitCheck();
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const back = `/projects/${projectId}`;

  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => {
    setSaved(null);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setMonth = (i: number, value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, months: v.months.map((m, j) => (j === i ? value : m)) }));
  };

  // The unit is in the labels and the sentences: the number as every table shows it (lib/money).
  const money = (s: string | null) => (s === null ? '—' : formatWan(s, locale, { unit: false }));
  const totals = monthlyTotals(values.months, values.plannedInvestment);
  const annualValid = validAmount(values.plannedInvestment);

  function payload() {
    return {
      projectId,
      year,
      plannedInvestment: values.plannedInvestment,
      monthlyTargets: values.split ? values.months.map((m) => (m.trim() === '' ? '0' : m)) : null,
      targets: values.targets,
      ...(version !== null ? { version } : {}),
    };
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    startTransition(async () => {
      const res = checkLimits({ targets: [values.targets, TARGETS_MAX] }) ?? (await savePlan(payload()));
      if (res.ok) {
        const data = res.data as { version: number };
        setVersion(data.version);
        clear();
        setSaved(tp('saved', { version: data.version }));
        router.refresh();
        return;
      }
      fail(res, t('project.form.errorSummary'));
    });
  }

  function reload() {
    if (!conflict) return;
    setValues(planValues(conflict));
    setVersion(Number(conflict.version));
    clear();
  }

  const showMonths = (v: PlanFormValues) =>
    v.split
      ? v.months
          .map((m, i) => `${tp('monthLabel', { month: String(i + 1) })} ${m.trim() === '' ? '0' : m}`)
          .join(locale === 'en' ? ', ' : '，')
      : tp('monthsNone');
  const conflictRows: ConflictRow[] = conflict
    ? (() => {
        const theirs = planValues(conflict);
        return [
          {
            key: 'plannedInvestment',
            label: tp('field.plannedInvestment'),
            yours: values.plannedInvestment || t('project.empty'),
            current: theirs.plannedInvestment || t('project.empty'),
          },
          { key: 'monthlyTargets', label: tp('field.monthlyTargets'), yours: showMonths(values), current: showMonths(theirs) },
          {
            key: 'targets',
            label: tp('field.targets'),
            yours: values.targets.trim() || t('project.empty'),
            current: theirs.targets || t('project.empty'),
          },
        ];
      })()
    : [];

  const sumError = errors.monthlyTargets;
  const balanced = totals.remaining !== null && totals.remaining === '0.00';
  const remainingSign = totals.remaining === null ? null : compareMoney(totals.remaining, '0');
  const totalTone = totals.sum === null || !annualValid ? 'text-red-700' : balanced ? 'text-emerald-700' : 'text-amber-800';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="plan-form" aria-busy={pending}>
      <div ref={alertRef} className="space-y-3">
        {conflict ? (
          <ConflictPanel
            rows={conflictRows}
            changedBy={typeof conflict.changedBy === 'string' ? conflict.changedBy : null}
            changedAt={(conflict.changedAt as Date | string | null) ?? null}
            onReload={reload}
            onCancel={() => router.push(back)}
          />
        ) : null}
        <FormAlert message={alert} />
      </div>

      <Field id="plannedInvestment" label={tp('plannedInvestment')} required hint={tp('plannedHint')} errors={errors.plannedInvestment}>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          {...controlProps('plannedInvestment', errors.plannedInvestment, true, true)}
          value={values.plannedInvestment}
          onChange={(e) => set('plannedInvestment', e.target.value)}
          className={`${inputClass} sm:max-w-xs`}
        />
      </Field>

      <fieldset
        className="rounded-md border border-slate-200 p-3 sm:p-4"
        aria-describedby={['monthly-hint', sumError?.length ? 'monthlyTargets-error' : null].filter(Boolean).join(' ')}
        data-testid="monthly-targets"
      >
        <legend className="px-1 text-sm font-medium text-slate-700">{tp('monthly')}</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={values.split}
            onChange={(e) => set('split', e.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-brand-600"
            data-testid="monthly-toggle"
          />
          {tp('monthlyToggle')}
        </label>
        <p id="monthly-hint" className="mt-1 text-xs text-slate-500">
          {tp('monthlyHint')}
        </p>

        {values.split ? (
          <>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <button
                type="button"
                className={secondaryButton}
                disabled={!annualValid}
                onClick={() => set('months', splitEvenly(values.plannedInvestment))}
                data-testid="split-evenly"
              >
                {tp('splitEvenly')}
              </button>
            </div>
            <div className="mt-3 grid grid-cols-2 gap-x-3 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
              {MONTHS.map((month, i) => {
                const id = `month-${month}`;
                const monthErrors = errors[`monthlyTargets.${i}`];
                const cumulative = totals.cumulative[i] ?? null;
                return (
                  <div key={month} data-field={id}>
                    <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
                      {tp('monthLabel', { month: String(month) })}
                    </label>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      {...controlProps(id, monthErrors, true)}
                      aria-invalid={monthErrors?.length || sumError?.length ? true : undefined}
                      value={values.months[i] ?? ''}
                      onChange={(e) => setMonth(i, e.target.value)}
                      placeholder="0"
                      className={`${inputClass} tabular-nums`}
                      data-testid={id}
                    />
                    <p id={`${id}-hint`} className="mt-0.5 text-xs tabular-nums text-slate-500">
                      {tp('cumulative', { amount: money(cumulative) })}
                    </p>
                    {monthErrors?.length ? (
                      <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700" data-testid={`error-${id}`}>
                        {monthErrors.map(message).join(' ')}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
            <div className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm" aria-live="polite" data-testid="monthly-total">
              {totals.sum === null ? (
                <p className="text-red-700">{tp('totalInvalid')}</p>
              ) : (
                <>
                  <p className="tabular-nums text-slate-800">
                    {tp('total', { sum: money(totals.sum), annual: annualValid ? money(values.plannedInvestment) : '—' })}
                  </p>
                  {annualValid && remainingSign !== null ? (
                    <p className={`mt-0.5 font-medium tabular-nums ${totalTone}`} data-testid="monthly-remaining" data-balanced={balanced}>
                      {balanced
                        ? tp('balanced')
                        : remainingSign > 0
                          ? tp('remaining', { amount: money(totals.remaining) })
                          : tp('over', { amount: money(subtractMoney('0', totals.remaining!)) })}
                    </p>
                  ) : null}
                </>
              )}
            </div>
            {sumError?.length ? (
              <p id="monthlyTargets-error" className="mt-2 text-sm text-red-700" data-testid="error-monthlyTargets">
                {sumError.map(message).join(' ')}
              </p>
            ) : null}
          </>
        ) : null}
      </fieldset>

      <Field id="targets" label={tp('targets')} hint={tp('targetsHint')} errors={errors.targets}>
        <textarea
          rows={3}
          {...countedProps(controlProps('targets', errors.targets, true), values.targets, TARGETS_MAX)}
          value={values.targets}
          onChange={(e) => set('targets', e.target.value)}
          className={inputClass}
        />
        <CharCount id="targets" value={values.targets} max={TARGETS_MAX} />
      </Field>

      {errors.year?.length ? <FormAlert message={errors.year.map(message).join(' ')} id="year-alert" /> : null}

      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-end">
        {saved ? (
          <p role="status" className="text-sm text-emerald-700 sm:mr-auto" data-testid="plan-saved">
            {saved}
          </p>
        ) : null}
        <button type="button" onClick={() => router.push(back)} className={secondaryButton}>
          {tp('backToProject')}
        </button>
        <button type="submit" disabled={pending} className={primaryButton} data-testid="plan-submit">
          {pending ? t('common.saving') : version === null ? tp('create') : tp('save')}
        </button>
      </div>
    </form>
  );
}
