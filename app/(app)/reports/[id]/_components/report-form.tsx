'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { FieldErrors } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { saveReport, submitReport } from '@/lib/reports/actions';
import { REQUIRED_TO_SUBMIT, TEXT_MAX } from '@/lib/reports/limits';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { type ConflictRow, ConflictPanel } from '@/app/_components/form/conflict-panel';
import { controlProps, Field, FormAlert, inputClass } from '@/app/_components/form/form-controls';
import { useDraft } from '@/app/_components/form/use-draft';
import { useResilientSave } from '@/app/_components/form/use-resilient-save';
import { SaveStatus } from '@/app/_components/form/save-status';
import { addMoney, formatPercent, formatWan, isMoney, parseMoneyInput, percentOf } from '@/lib/money';

export interface ReportFormValues {
  investmentThisPeriod: string;
  physicalProgress: string;
  percentComplete: string;
  nextSteps: string;
  coordinationNeeds: string;
}

const FIELDS = ['investmentThisPeriod', 'physicalProgress', 'percentComplete', 'nextSteps', 'coordinationNeeds'] as const;
type FieldKey = (typeof FIELDS)[number];
const LONG_TEXTS = ['physicalProgress', 'nextSteps', 'coordinationNeeds'] as const;

function valuesFrom(row: Record<string, unknown>): ReportFormValues {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    investmentThisPeriod: s(row.investmentThisPeriod).replace(/\.00$/, ''),
    physicalProgress: s(row.physicalProgress),
    percentComplete: s(row.percentComplete),
    nextSteps: s(row.nextSteps),
    coordinationNeeds: s(row.coordinationNeeds),
  };
}

const bigButton =
  'inline-flex min-h-11 flex-1 items-center justify-center rounded-md px-4 py-2.5 text-sm font-medium shadow-sm disabled:opacity-60 sm:flex-none';

/**
 * The lead's form for a draft or returned report: save as draft any number of times, submit
 * when complete. The year's cumulative investment follows what is typed. A save that meets a
 * newer version shows both side by side (ConflictPanel). `children` (the photo uploader) sits
 * between the fields and the actions.
 */
export function ReportForm({
  reportId,
  initialVersion,
  initial,
  cumulativeOthers,
  annualPlan,
  children,
}: {
  reportId: number;
  initialVersion: number;
  initial: ReportFormValues;
  cumulativeOthers: string;
  annualPlan: string | null;
  children?: ReactNode;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [saved, setSaved] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** The report left the editable states meanwhile: offer to reload the page. */
  const [staleState, setStaleState] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);
  const [sending, setSending] = useState<'save' | 'submit' | null>(null);
  // What is typed is kept on this device until it is saved (use-draft.ts); a save that cannot
  // reach the server is sent again, with the version it started from (use-resilient-save.ts).
  const draft = useDraft({
    form: `report:${reportId}`,
    values,
    baseVersion: version,
    setValues,
    setVersion,
    server: { values: initial, version: initialVersion },
  });
  const checkLimits = useLimitCheck();
  const save = useResilientSave({
    draft,
    send: async (kind: 'save' | 'submit', idempotencyKey) => {
      const over = checkLimits(Object.fromEntries(LONG_TEXTS.map((k) => [k, [values[k], TEXT_MAX] as const])));
      if (over) return over;
      const input = { id: reportId, version: draft.baseVersion() ?? version, ...values, idempotencyKey };
      return kind === 'save' ? saveReport(input) : submitReport(input);
    },
    answer: (kind, res) => {
      setSending(null);
      if (!res.ok) {
        handleFailure(res);
        return;
      }
      draft.settled(values, res.data.version);
      setErrors({});
      setAlert(null);
      setConflict(null);
      setVersion(res.data.version);
      setSaved(values);
      if (kind === 'save') setSavedAt(new Date());
      router.refresh();
      if (kind === 'submit') window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  });
  const busy = save.busy ? (sending ?? 'save') : null;

  const dirty = FIELDS.some((k) => values[k] !== saved[k]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = (key: FieldKey, value: string) => setValues((v) => ({ ...v, [key]: value }));

  function handleFailure(res: Extract<ActionResult<unknown>, { ok: false }>) {
    const fields = res.fieldErrors ?? {};
    setErrors(fields);
    // A stale version of a report that is still editable: show theirs beside ours. Otherwise
    // (submitted or approved meanwhile, or any other refusal) the message says what happened.
    const staleButEditable = res.code === 'CONFLICT' && res.current && ['draft', 'returned'].includes(String(res.current.status));
    if (staleButEditable) {
      setConflict(res.current!);
      setAlert(null);
      setStaleState(false);
    } else {
      setConflict(null);
      setAlert(res.code === 'INVALID' && Object.keys(fields).length ? t('reports.form.errorSummary') : res.message);
      setStaleState(res.code === 'CONFLICT');
    }
    requestAnimationFrame(() => {
      const firstInvalid = document.querySelector<HTMLElement>('[data-testid="report-form"] [aria-invalid="true"]');
      if (firstInvalid && res.code === 'INVALID') firstInvalid.focus();
      else topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  }

  function run(kind: 'save' | 'submit') {
    setSending(kind);
    void save.run(kind);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault(); // Enter in a field saves the draft; submitting is its own button.
    run('save');
  }

  function reload() {
    if (!conflict) return;
    const next = valuesFrom(conflict);
    setValues(next);
    setSaved(next);
    setVersion(Number(conflict.version));
    draft.settled(next, Number(conflict.version));
    setConflict(null);
    setErrors({});
    setAlert(null);
  }

  // What the field will store (lib/money), added exactly; the rate as every page rounds it.
  const typed = parseMoneyInput(values.investmentThisPeriod);
  const cumulative = typed !== null ? addMoney(cumulativeOthers, typed) : cumulativeOthers;
  const rate = annualPlan ? percentOf(cumulative, annualPlan) : null;
  const percent = Number(values.percentComplete);
  const percentValid = values.percentComplete.trim() !== '' && Number.isInteger(percent) && percent >= 0 && percent <= 100;

  const show = (key: FieldKey, v: ReportFormValues): string => {
    const raw = v[key];
    if (!raw) return t('project.empty');
    if (key === 'investmentThisPeriod') return isMoney(raw) ? formatWan(raw, locale) : raw;
    if (key === 'percentComplete') return `${raw}%`;
    return raw;
  };
  const conflictRows: ConflictRow[] = conflict
    ? FIELDS.map((key) => ({ key, label: t(`reports.field.${key}`), yours: show(key, values), current: show(key, valuesFrom(conflict)) }))
    : [];
  const required = (key: FieldKey) => (REQUIRED_TO_SUBMIT as readonly string[]).includes(key);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-testid="report-form"
      aria-busy={busy !== null}
      aria-labelledby="report-form-title"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <div ref={topRef} className="scroll-mt-20 border-b border-slate-200 px-4 py-3">
        <h2 id="report-form-title" className="text-base font-semibold text-slate-900">
          {t('reports.form.title')}
        </h2>
      </div>
      <div className="space-y-4 p-4">
        {conflict || alert ? (
          <div className="space-y-3">
            {conflict ? (
              <ConflictPanel
                rows={conflictRows}
                changedBy={typeof conflict.changedBy === 'string' ? conflict.changedBy : null}
                changedAt={(conflict.changedAt as Date | string | null) ?? null}
                onReload={reload}
                onCancel={() => setConflict(null)}
              />
            ) : null}
            <SaveStatus
              state={save.state}
              restoredAt={draft.restored?.savedAt ?? null}
              onDiscard={draft.reset}
              onRetry={() => run((draft.pendingSave()?.kind as 'save' | 'submit' | undefined) ?? 'save')}
            />
            <FormAlert message={alert} />
            {staleState ? (
              <button
                type="button"
                onClick={() => window.location.reload()}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
              >
                {t('common.reload')}
              </button>
            ) : null}
          </div>
        ) : null}

        <Field
          id="investmentThisPeriod"
          label={t('reports.field.investmentThisPeriod')}
          required={required('investmentThisPeriod')}
          hint={t('reports.fieldHint.investmentThisPeriod')}
          errors={errors.investmentThisPeriod}
        >
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            {...controlProps('investmentThisPeriod', errors.investmentThisPeriod, true, true)}
            value={values.investmentThisPeriod}
            onChange={(e) => set('investmentThisPeriod', e.target.value)}
            className={`${inputClass} tabular-nums`}
            placeholder="0"
          />
        </Field>
        <div
          className="-mt-2 grid grid-cols-2 gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm"
          aria-live="polite"
          data-testid="live-cumulative"
        >
          <div>
            <span className="block text-xs text-slate-500">{t('reports.figures.cumulative')}</span>
            <span className="font-medium tabular-nums text-slate-900">{formatWan(cumulative, locale)}</span>
          </div>
          <div>
            <span className="block text-xs text-slate-500">{t('reports.figures.rate')}</span>
            <span className="font-medium tabular-nums text-slate-900">
              {rate === null ? t('reports.figures.noPlan') : formatPercent(rate, locale)}
            </span>
          </div>
        </div>

        <Field
          id="percentComplete"
          label={t('reports.field.percentComplete')}
          required={required('percentComplete')}
          hint={t('reports.fieldHint.percentComplete')}
          errors={errors.percentComplete}
        >
          <div className="flex items-center gap-3">
            <div className="w-28 shrink-0">
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                {...controlProps('percentComplete', errors.percentComplete, true, true)}
                value={values.percentComplete}
                onChange={(e) => set('percentComplete', e.target.value)}
                className={`${inputClass} tabular-nums`}
              />
            </div>
            <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden>
              <div className="h-full bg-brand-600 transition-all" style={{ width: `${percentValid ? percent : 0}%` }} />
            </div>
          </div>
        </Field>

        <Field
          id="physicalProgress"
          label={t('reports.field.physicalProgress')}
          required={required('physicalProgress')}
          hint={t('reports.fieldHint.physicalProgress')}
          errors={errors.physicalProgress}
        >
          <textarea
            rows={4}
            {...countedProps(controlProps('physicalProgress', errors.physicalProgress, true, true), values.physicalProgress, TEXT_MAX)}
            value={values.physicalProgress}
            onChange={(e) => set('physicalProgress', e.target.value)}
            className={inputClass}
          />
          <CharCount id="physicalProgress" value={values.physicalProgress} max={TEXT_MAX} />
        </Field>
        <Field id="nextSteps" label={t('reports.field.nextSteps')} hint={t('reports.fieldHint.nextSteps')} errors={errors.nextSteps}>
          <textarea
            rows={3}
            {...countedProps(controlProps('nextSteps', errors.nextSteps, true), values.nextSteps, TEXT_MAX)}
            value={values.nextSteps}
            onChange={(e) => set('nextSteps', e.target.value)}
            className={inputClass}
          />
          <CharCount id="nextSteps" value={values.nextSteps} max={TEXT_MAX} />
        </Field>
        <Field
          id="coordinationNeeds"
          label={t('reports.field.coordinationNeeds')}
          hint={t('reports.fieldHint.coordinationNeeds')}
          errors={errors.coordinationNeeds}
        >
          <textarea
            rows={3}
            {...countedProps(controlProps('coordinationNeeds', errors.coordinationNeeds, true), values.coordinationNeeds, TEXT_MAX)}
            value={values.coordinationNeeds}
            onChange={(e) => set('coordinationNeeds', e.target.value)}
            className={inputClass}
          />
          <CharCount id="coordinationNeeds" value={values.coordinationNeeds} max={TEXT_MAX} />
        </Field>
      </div>

      {children ? <div className="border-t border-slate-200 p-4">{children}</div> : null}

      {/* On a phone the actions stay in reach at the bottom of the screen while the lead scrolls. */}
      <div className="sticky bottom-0 z-10 rounded-b-lg border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur supports-[backdrop-filter]:bg-white/80 sm:static sm:bg-white sm:backdrop-blur-none">
        <p className="mb-2 min-h-5 text-xs text-slate-500" aria-live="polite" data-testid="save-state">
          {dirty ? (
            <span className="text-amber-700">● {t('reports.form.unsaved')}</span>
          ) : savedAt ? (
            t('reports.form.savedAt', { time: formatDateTime(savedAt, locale, timeZone) })
          ) : (
            t('reports.form.submitHint')
          )}
        </p>
        <div className="flex gap-2 sm:justify-end">
          <button
            type="submit"
            disabled={busy !== null}
            className={`${bigButton} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}
            data-testid="save-draft"
          >
            {busy === 'save' ? t('reports.form.saving') : t('reports.form.saveDraft')}
          </button>
          <button
            type="button"
            onClick={() => run('submit')}
            disabled={busy !== null}
            className={`${bigButton} bg-brand-600 text-white hover:bg-brand-700`}
            data-testid="submit-report"
          >
            {busy === 'submit' ? t('reports.form.submitting') : t('reports.form.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
