'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, FormAlert, inputClass, primaryButton } from '@/app/_components/form/form-controls';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { recordTargetProgress } from '@/lib/portfolio-targets/actions';
import { PORTFOLIO_SOURCE_MAX } from '@/lib/portfolio-targets/limits';

export interface TargetFormRow {
  id: number;
  code: string;
  version: number;
  kind: 'count' | 'growth';
  name: string;
  unit: string;
  targetText: string;
  quote: string;
  actual: string | null;
  actualAsOf: string | null;
  actualSource: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** One target's progress: the figure, its date and its source, saved on its own. */
export function TargetForm({ row }: { row: TargetFormRow }) {
  const t = useTranslations('targets');
  const router = useRouter();
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const [values, setValues] = useState({
    actual: row.actual ?? '',
    actualAsOf: row.actualAsOf ?? '',
    actualSource: row.actualSource ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const checkLimits = useLimitCheck();
  const id = (f: string) => `${row.code}-${f}`;
  const at = (v: unknown) => formatDateTime(v as Date | string | null, locale, timeZone);
  const set = (f: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    setSaved(false);
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res =
        checkLimits({ actualSource: [values.actualSource, PORTFOLIO_SOURCE_MAX] }) ??
        (await recordTargetProgress({ id: row.id, version: row.version, ...values }));
      if (res.ok) {
        setErrors({});
        setAlert(null);
        setSaved(true);
        router.refresh();
        return;
      }
      setSaved(false);
      setErrors(Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [id(k), v])));
      const current = res.current as { changedBy?: string | null; changedAt?: unknown; actual?: string | null } | undefined;
      if (res.code === 'CONFLICT' && current) {
        setAlert(
          current.changedBy
            ? t('form.conflict', { name: current.changedBy, at: at(current.changedAt), current: current.actual ?? t('notReported') })
            : t('form.conflictUnknown'),
        );
      } else setAlert(res.fieldErrors ? null : res.message);
    });
  };

  const actualLabel = row.kind === 'growth' ? t('form.actualGrowth') : t('form.actualCount', { unit: row.unit });
  return (
    <form onSubmit={save} className="space-y-3" data-testid={`target-form-${row.code}`} noValidate>
      <div>
        <h2 className="text-base font-semibold text-slate-900">{row.name}</h2>
        <p className="text-sm text-slate-600">{row.targetText}</p>
        <p className="mt-0.5 text-xs text-slate-500">
          {t('reportQuote')}：“{row.quote}”
        </p>
      </div>
      <FormAlert message={alert} id={id('alert')} />
      <div className="grid gap-3 sm:grid-cols-[10rem_11rem_minmax(12rem,1fr)_auto] sm:items-start">
        <Field id={id('actual')} label={actualLabel} errors={errors[id('actual')]}>
          <input
            {...controlProps(id('actual'), errors[id('actual')])}
            inputMode="decimal"
            value={values.actual}
            onChange={set('actual')}
            className={inputClass}
          />
        </Field>
        <Field id={id('actualAsOf')} label={t('form.actualAsOf')} errors={errors[id('actualAsOf')]}>
          <input
            {...controlProps(id('actualAsOf'), errors[id('actualAsOf')])}
            type="date"
            value={values.actualAsOf}
            onChange={set('actualAsOf')}
            className={inputClass}
          />
        </Field>
        <Field id={id('actualSource')} label={t('form.actualSource')} errors={errors[id('actualSource')]}>
          <input
            {...countedProps(controlProps(id('actualSource'), errors[id('actualSource')]), values.actualSource, PORTFOLIO_SOURCE_MAX)}
            placeholder={t('form.sourcePlaceholder')}
            value={values.actualSource}
            onChange={set('actualSource')}
            className={inputClass}
          />
          <CharCount id={id('actualSource')} value={values.actualSource} max={PORTFOLIO_SOURCE_MAX} />
        </Field>
        <button type="submit" disabled={pending} className={`${primaryButton} sm:mt-6`} data-testid={`target-save-${row.code}`}>
          {t('form.save')}
        </button>
      </div>
      <p className="text-xs text-slate-500" role="status">
        {saved ? <span className="font-medium text-emerald-700">{t('form.saved')} · </span> : null}
        {row.updatedBy && row.updatedAt ? t('form.lastChange', { name: row.updatedBy, at: at(row.updatedAt) }) : null}
      </p>
    </form>
  );
}
