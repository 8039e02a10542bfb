'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, FormAlert, inputClass, primaryButton } from '@/app/_components/form/form-controls';
import { recordCapacityBaseline } from '@/lib/capacity-baseline/actions';
import { BASELINE_SOURCE_MAX } from '@/lib/capacity-baseline/limits';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

export interface BaselineFormRow {
  year: number;
  /** null: not entered yet (the save creates it). */
  version: number | null;
  amount: string | null;
  source: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * 年初前已并网装机: the new-energy capacity connected before the year that the registry does not
 * hold, with its source, which the capacity panel adds to the registry's connected capacity.
 */
export function BaselineForm({ row }: { row: BaselineFormRow }) {
  const t = useTranslations('targets.baseline');
  const router = useRouter();
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const [values, setValues] = useState({ amount: row.amount ?? '', source: row.source ?? '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const checkLimits = useLimitCheck();
  const id = (f: string) => `capacity-baseline-${f}`;
  const at = (v: unknown) => formatDateTime(v as Date | string | null, locale, timeZone);
  const set = (f: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    setSaved(false);
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res =
        checkLimits({ source: [values.source, BASELINE_SOURCE_MAX] }) ??
        (await recordCapacityBaseline({ year: row.year, ...(row.version === null ? {} : { version: row.version }), ...values }));
      if (res.ok) {
        setErrors({});
        setAlert(null);
        setSaved(true);
        router.refresh();
        return;
      }
      setSaved(false);
      setErrors(Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [id(k), v])));
      const current = res.current as { changedBy?: string | null; changedAt?: unknown; amount?: string } | undefined;
      if (res.code === 'CONFLICT' && current) {
        setAlert(
          current.changedBy
            ? t('conflict', { name: current.changedBy, at: at(current.changedAt), current: current.amount ?? '' })
            : t('conflictUnknown'),
        );
      } else setAlert(res.fieldErrors ? null : res.message);
    });
  };

  return (
    <form onSubmit={save} className="space-y-3" data-testid="capacity-baseline-form" noValidate>
      <div>
        <h2 className="text-base font-semibold text-slate-900" id="capacity-baseline">
          {t('title', { year: row.year })}
        </h2>
        <p className="text-sm text-slate-600">{t('intro', { year: row.year })}</p>
      </div>
      <FormAlert message={alert} id={id('alert')} />
      <div className="grid gap-3 sm:grid-cols-[12rem_minmax(12rem,1fr)_auto] sm:items-start">
        <Field id={id('amount')} label={t('amount')} required errors={errors[id('amount')]}>
          <input
            {...controlProps(id('amount'), errors[id('amount')], false, true)}
            inputMode="decimal"
            value={values.amount}
            onChange={set('amount')}
            className={inputClass}
          />
        </Field>
        <Field id={id('source')} label={t('source')} required errors={errors[id('source')]}>
          <input
            {...countedProps(controlProps(id('source'), errors[id('source')], false, true), values.source, BASELINE_SOURCE_MAX)}
            placeholder={t('sourcePlaceholder')}
            value={values.source}
            onChange={set('source')}
            className={inputClass}
          />
          <CharCount id={id('source')} value={values.source} max={BASELINE_SOURCE_MAX} />
        </Field>
        <button type="submit" disabled={pending} className={`${primaryButton} sm:mt-6`} data-testid="capacity-baseline-save">
          {t('save')}
        </button>
      </div>
      <p className="text-xs text-slate-500" role="status">
        {saved ? <span className="font-medium text-emerald-700">{t('saved')} · </span> : null}
        {row.updatedBy && row.updatedAt ? t('lastChange', { name: row.updatedBy, at: at(row.updatedAt) }) : null}
        {row.version === null && !saved ? t('notEntered') : null}
      </p>
    </form>
  );
}
