'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, type TextLimits, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import type { ActionResult } from '@/lib/actions/result';
import {
  acceptProcedure,
  approveProcedure,
  markProcedureNotApplicable,
  processProcedure,
  reinstateProcedure,
  returnProcedure,
  startProcedure,
} from '@/lib/procedures/actions';
import { DOCUMENT_NUMBER_MAX, PROCEDURE_NOTE_MAX, PROCEDURE_REASON_MAX } from '@/lib/procedures/limits';
import type { ProcedureStep } from '@/lib/procedures/rules';

interface Props {
  id: number;
  version: number;
  name: string;
  steps: ProcedureStep[];
  today: string;
}

interface Values {
  note: string;
  reason: string;
  acceptedOn: string;
  submittedOn: string;
  approvedOn: string;
  documentNumber: string;
}

function send(step: ProcedureStep, base: { id: number; version: number }, v: Values): Promise<ActionResult<unknown>> {
  const note = v.note;
  switch (step) {
    case 'start':
      return startProcedure({ ...base, note });
    case 'accept':
      return acceptProcedure({ ...base, note, acceptedOn: v.acceptedOn, submittedOn: v.submittedOn });
    case 'process':
      return processProcedure({ ...base, note });
    case 'return':
      return returnProcedure({ ...base, note });
    case 'approve':
      return approveProcedure({ ...base, note, approvedOn: v.approvedOn, documentNumber: v.documentNumber });
    case 'notApplicable':
      return markProcedureNotApplicable({ ...base, reason: v.reason });
    case 'reinstate':
      return reinstateProcedure({ ...base, note });
  }
}

/**
 * The steps the user may take on one procedure (the server refuses the others anyway): a button
 * per step, which opens the few fields that step needs (dates, document number, what to correct).
 * A failed step keeps what was typed and says why; a stale page gets the reload.
 */
export function ProcedureSteps({ id, version, name, steps, today }: Props) {
  const t = useTranslations('procedures');
  const router = useRouter();
  const checkLimits = useLimitCheck();
  const [open, setOpen] = useState<ProcedureStep | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [v, setV] = useState<Values>({ note: '', reason: '', acceptedOn: today, submittedOn: '', approvedOn: today, documentNumber: '' });
  if (!steps.length) return null;
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const fid = (k: string) => `p${id}-${k}`;

  function submit(step: ProcedureStep) {
    startTransition(async () => {
      const limits: TextLimits =
        step === 'notApplicable'
          ? { reason: [v.reason, PROCEDURE_REASON_MAX] }
          : { note: [v.note, PROCEDURE_NOTE_MAX], documentNumber: [v.documentNumber, DOCUMENT_NUMBER_MAX] };
      const res = checkLimits(limits) ?? (await send(step, { id, version }, v));
      if (res.ok) {
        setOpen(null);
        setError(null);
        setFieldErrors({});
        setSaved(t('form.saved', { name, step: t(`step.${step}`) }));
        setV((old) => ({ ...old, note: '', reason: '', documentNumber: '' }));
        router.refresh();
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      setError({ message: res.message, conflict: res.code === 'CONFLICT' });
    });
  }

  const errs = (k: string) => fieldErrors[k];
  const text = (k: 'note' | 'reason' | 'documentNumber', label: string, max: number, required: boolean, rows = 2) => (
    <Field id={fid(k)} label={label} required={required} errors={errs(k)}>
      {k === 'documentNumber' ? (
        <input {...countedProps(controlProps(fid(k), errs(k)), v[k], max)} className={inputClass} value={v[k]} onChange={set(k)} />
      ) : (
        <textarea
          {...countedProps(controlProps(fid(k), errs(k)), v[k], max)}
          rows={rows}
          className={inputClass}
          value={v[k]}
          onChange={set(k)}
        />
      )}
      <CharCount id={fid(k)} value={v[k]} max={max} />
    </Field>
  );
  const date = (k: 'acceptedOn' | 'submittedOn' | 'approvedOn', label: string, required: boolean) => (
    <Field id={fid(k)} label={label} required={required} errors={errs(k)}>
      <input type="date" {...controlProps(fid(k), errs(k))} max={today} className={inputClass} value={v[k]} onChange={set(k)} />
    </Field>
  );

  return (
    <div className="space-y-2" data-testid={`procedure-steps-${id}`}>
      {saved ? (
        <p role="status" className="text-sm text-emerald-800" data-testid="procedure-saved">
          {saved}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={open === s ? primaryButton : secondaryButton}
            aria-expanded={open === s}
            data-testid={`procedure-${id}-${s}`}
            onClick={() => {
              setOpen(open === s ? null : s);
              setError(null);
              setFieldErrors({});
            }}
          >
            {t(`step.${s}`)}
          </button>
        ))}
      </div>
      {open ? (
        <form
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit(open);
          }}
          data-testid={`procedure-${id}-form`}
        >
          {error ? (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
              data-testid="procedure-error"
            >
              <p>{error.message}</p>
              {error.conflict ? (
                <button type="button" className="mt-1 font-medium text-brand-700 underline" onClick={() => router.refresh()}>
                  {t('form.reload')}
                </button>
              ) : null}
            </div>
          ) : null}
          {open === 'accept' ? (
            <div className="grid gap-3 sm:grid-cols-2">
              {date('acceptedOn', t('form.acceptedOn'), true)}
              {date('submittedOn', t('form.submittedOn'), false)}
            </div>
          ) : null}
          {open === 'approve' ? (
            <div className="grid gap-3 sm:grid-cols-2">
              {date('approvedOn', t('form.approvedOn'), true)}
              {text('documentNumber', t('form.documentNumber'), DOCUMENT_NUMBER_MAX, true)}
            </div>
          ) : null}
          {open === 'notApplicable'
            ? text('reason', t('form.reason'), PROCEDURE_REASON_MAX, true)
            : text('note', open === 'return' ? t('form.returnNote') : t('form.note'), PROCEDURE_NOTE_MAX, open === 'return')}
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className={primaryButton} data-testid={`procedure-${id}-confirm`}>
              {pending ? t('form.working') : t('form.confirmStep', { step: t(`step.${open}`) })}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setOpen(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
