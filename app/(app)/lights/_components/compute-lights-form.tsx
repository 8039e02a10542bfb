'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import type { Light } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { computeLights } from '@/lib/lights/actions';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';

export interface PeriodOption {
  id: number;
  label: string;
}

interface ComputeData {
  ruleSetVersion: number;
  counts: Record<Light, number>;
}

/**
 * The dispatch office computes the lights of a reporting period. A period that is no longer the
 * latest with stored lights answers CONFLICT: the office must confirm the recompute explicitly.
 */
export function ComputeLightsForm({ periods, defaultPeriodId }: { periods: PeriodOption[]; defaultPeriodId: number | null }) {
  const t = useTranslations('lights.ops.compute');
  const router = useRouter();
  const [periodId, setPeriodId] = useState<string>(defaultPeriodId ? String(defaultPeriodId) : '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function run(recompute: boolean) {
    setResult(null);
    setAlert(null);
    start(async () => {
      const res = await computeLights(recompute ? { periodId, recompute: true } : { periodId });
      if (res.ok) {
        const { counts, ruleSetVersion } = res.data as ComputeData;
        setErrors({});
        setConflict(null);
        setResult(t('result', { total: counts.red + counts.yellow + counts.green, ...counts, version: ruleSetVersion }));
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      if (res.code === 'CONFLICT' && !recompute) {
        setConflict(res.message);
        return;
      }
      setConflict(null);
      setAlert(res.fieldErrors && Object.keys(res.fieldErrors).length ? null : res.message);
    });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    run(false);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-testid="compute-lights-form"
      aria-labelledby="compute-lights-title"
      aria-busy={pending}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="compute-lights-title" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('hint')}</p>
      {periods.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500" data-testid="compute-no-periods">
          {t('noPeriods')}
        </p>
      ) : (
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start">
          <Field id="compute-period" label={t('period')} required errors={errors.periodId} className="sm:w-64">
            <select
              {...controlProps('compute-period', errors.periodId, false, true)}
              value={periodId}
              onChange={(e) => {
                setPeriodId(e.target.value);
                setConflict(null);
                setResult(null);
              }}
              className={inputClass}
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm:pt-6">
            <button
              type="submit"
              disabled={pending || !periodId}
              className={`${primaryButton} w-full whitespace-nowrap sm:w-auto`}
              data-testid="compute-lights-submit"
            >
              {pending && !conflict ? t('submitting') : t('submit')}
            </button>
          </div>
        </div>
      )}
      <div className="mt-3 space-y-2">
        <FormAlert message={alert} id="compute-alert" />
        {conflict ? (
          <div
            role="alert"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="compute-conflict"
          >
            <p className="font-medium">{t('recomputeTitle')}</p>
            <p className="mt-0.5">{conflict}</p>
            <p className="mt-0.5 text-amber-800">{t('recomputeHint')}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" disabled={pending} onClick={() => run(true)} className={primaryButton} data-testid="compute-recompute">
                {pending ? t('recomputing') : t('recompute')}
              </button>
              <button type="button" disabled={pending} onClick={() => setConflict(null)} className={secondaryButton}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {result ? (
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
            data-testid="compute-result"
          >
            {result}
          </p>
        ) : null}
      </div>
    </form>
  );
}
