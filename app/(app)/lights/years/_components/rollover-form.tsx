'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState, useTransition } from 'react';
import type { FieldErrors } from '@/lib/errors';
import { rollOverYear } from '@/lib/lights/actions';
import { FormAlert, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';

export interface RolloverProject {
  id: number;
  code: string;
  name: string;
  stageLabel: string;
}

/**
 * The dispatch office rolls a year's list into the next year: every project of the list is
 * continued or dropped (continued unless chosen otherwise), new projects can be ticked, and the
 * rollover runs after a confirmation. One idempotency key per attempt, kept across retries.
 */
export function RolloverForm({
  fromYear,
  version,
  listed,
  candidates,
}: {
  fromYear: number;
  version: number;
  listed: RolloverProject[];
  candidates: RolloverProject[];
}) {
  const t = useTranslations('lights.years.rollover');
  const router = useRouter();
  const toYear = fromYear + 1;
  const [dropped, setDropped] = useState<Set<number>>(new Set());
  const [added, setAdded] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const key = useRef<string | null>(null);

  const toggle = (set: Set<number>, id: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const reset = () => {
    key.current = null;
    setConfirming(false);
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    setConfirming(true);
  }

  function confirm() {
    key.current ??= crypto.randomUUID();
    start(async () => {
      const res = await rollOverYear({
        fromYear,
        version,
        decisions: listed.map((p) => ({ projectId: p.id, decision: dropped.has(p.id) ? 'drop' : 'continue' })),
        added: [...added],
        idempotencyKey: key.current,
      });
      setConfirming(false);
      if (res.ok) {
        router.push(`/lights/years?year=${toYear}`);
        router.refresh();
        return;
      }
      key.current = null;
      setErrors(res.fieldErrors ?? {});
      setAlert(res.message);
    });
  }

  const summary = t('summary', { continued: listed.length - dropped.size, dropped: dropped.size, added: added.size });
  const errorText = [...(errors.decisions ?? []), ...(errors.added ?? [])];

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-testid="rollover-form"
      aria-labelledby="rollover-title"
      aria-busy={pending}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div>
        <h2 id="rollover-title" className="text-base font-semibold text-slate-900">
          {t('title', { year: toYear })}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('hint', { year: toYear, from: fromYear })}</p>
      </div>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="rollover-list">
        {listed.map((p) => {
          const drop = dropped.has(p.id);
          return (
            <li
              key={p.id}
              className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
              data-testid={`rollover-${p.code}`}
            >
              <div className="min-w-0">
                <span className={`block font-medium ${drop ? 'text-slate-400 line-through' : 'text-slate-900'}`}>{p.name}</span>
                <span className="text-xs text-slate-500">
                  {p.code} · {p.stageLabel}
                </span>
              </div>
              <fieldset className="flex shrink-0 gap-3 text-sm">
                <legend className="sr-only">{p.name}</legend>
                {(['continue', 'drop'] as const).map((d) => (
                  <label key={d} className="inline-flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={`decision-${p.id}`}
                      value={d}
                      checked={d === 'drop' ? drop : !drop}
                      onChange={() => {
                        setDropped(toggle(dropped, p.id, d === 'drop'));
                        reset();
                      }}
                      data-testid={`decision-${p.code}-${d}`}
                    />
                    {t(d)}
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <details className="rounded-md border border-slate-200 px-3 py-2" data-testid="rollover-add">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          {t('add')} <span className="font-normal text-slate-500">({t('addHint', { from: fromYear })})</span>
        </summary>
        {candidates.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t('noCandidates')}</p>
        ) : (
          <ul className="mt-2 space-y-1.5">
            {candidates.map((p) => (
              <li key={p.id}>
                <label className="inline-flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={added.has(p.id)}
                    onChange={(e) => {
                      setAdded(toggle(added, p.id, e.target.checked));
                      reset();
                    }}
                    data-testid={`add-${p.code}`}
                  />
                  <span>
                    {p.name} <span className="text-xs text-slate-500">{p.code}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </details>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" data-testid="rollover-summary" aria-live="polite">
          {summary}
        </p>
        <button
          type="submit"
          disabled={pending || confirming}
          className={`${primaryButton} w-full sm:w-auto`}
          data-testid="rollover-submit"
        >
          {pending ? t('submitting') : t('submit', { year: toYear })}
        </button>
      </div>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="rollover-confirm-text"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="rollover-confirm"
        >
          <p id="rollover-confirm-text">{t('confirm', { from: fromYear, year: toYear })}</p>
          <p className="mt-1">{summary}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" disabled={pending} onClick={confirm} className={primaryButton} data-testid="rollover-confirm-submit">
              {pending ? t('submitting') : t('confirmSubmit')}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={secondaryButton}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {errorText.length ? (
        <ul className="text-sm text-red-700" data-testid="rollover-errors">
          {errorText.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <FormAlert message={alert} id="rollover-alert" />
    </form>
  );
}
