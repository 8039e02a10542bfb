'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { RULE_COMPARISONS, RULE_MEASURES, type RuleComparison, type RuleMeasure } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { editRuleSet, previewRuleSet } from '@/lib/lights/actions';
import type { RulePreview } from '@/lib/lights/preview';
import { RulePreviewPanel } from './rule-preview';

export interface RuleRow {
  measure: RuleMeasure;
  comparison: RuleComparison;
  threshold: string;
  light: 'yellow' | 'red';
}

const control =
  'block w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500';
const invalid = 'border-red-500';
/** Below sm each rule is a card of stacked fields; from sm on, one row per rule. */
const ruleGrid = 'grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,2.2fr)_minmax(0,1.2fr)_7rem_minmax(0,1fr)_auto] sm:items-start';

/**
 * Edits the active rule set's name and rules. Saving first previews what the rules would change
 * (previewRuleSet: the same checks, the lights of the latest period with approved reports), and
 * only the confirmation, which states how many lights change, saves the next version.
 */
export function RuleSetEditor({
  ruleSetId,
  nextVersion,
  name: initialName,
  rules: initialRules,
}: {
  ruleSetId: number;
  nextVersion: number;
  name: string;
  rules: RuleRow[];
}) {
  const t = useTranslations('lights');
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<RuleRow[]>(initialRules);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [pending, start] = useTransition();

  // Any change makes an open preview stale: it is closed, and saving previews again.
  const edited = () => {
    setPreview(null);
    setMessage(null);
  };
  const update = (i: number, patch: Partial<RuleRow>) => {
    edited();
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  function failed(res: { code: string; message: string; fieldErrors?: FieldErrors }) {
    setErrors(res.fieldErrors ?? {});
    setMessage({ ok: false, text: res.message });
    if (res.code === 'CONFLICT') router.refresh();
  }

  function onPreview(e?: FormEvent) {
    e?.preventDefault();
    start(async () => {
      const res = await previewRuleSet({ ruleSetId, rules: rows });
      if (res.ok) {
        setErrors({});
        setMessage(null);
        setPreview(res.data);
      } else {
        setPreview(null);
        failed(res);
      }
    });
  }

  function onConfirm() {
    start(async () => {
      const res = await editRuleSet({ ruleSetId, name, note: note || undefined, rules: rows });
      if (res.ok) {
        const data = res.data as { version: number };
        setErrors({});
        setNote('');
        setPreview(null);
        setMessage({ ok: true, text: t('rules.saved', { version: data.version }) });
        router.refresh();
      } else {
        setPreview(null);
        failed(res);
      }
    });
  }

  const fieldError = (key: string) =>
    errors[key]?.length ? (
      <p className="mt-0.5 text-xs text-red-700" id={`err-${key}`}>
        {errors[key]!.join(' ')}
      </p>
    ) : null;
  const aria = (key: string) => (errors[key]?.length ? { 'aria-invalid': true, 'aria-describedby': `err-${key}` } : {});

  return (
    <form onSubmit={onPreview} className="mt-3 min-w-0 space-y-3" data-testid="rule-set-editor" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block min-w-0 text-sm text-slate-700">
          {t('rules.name')}
          <input
            className={`mt-1 ${control} ${errors.name ? invalid : ''}`}
            value={name}
            onChange={(e) => {
              edited();
              setName(e.target.value);
            }}
            required
            {...aria('name')}
          />
          {fieldError('name')}
        </label>
        <label className="block min-w-0 text-sm text-slate-700">
          {t('rules.note')}
          <input
            className={`mt-1 ${control} ${errors.note ? invalid : ''}`}
            value={note}
            onChange={(e) => {
              edited();
              setNote(e.target.value);
            }}
            {...aria('note')}
          />
          {fieldError('note')}
        </label>
      </div>

      <div className="min-w-0">
        <div className={`${ruleGrid} hidden text-xs font-medium text-slate-500 sm:grid`} aria-hidden>
          <span>{t('rules.measure')}</span>
          <span>{t('rules.comparison')}</span>
          <span>{t('rules.threshold')}</span>
          <span>{t('rules.resultLight')}</span>
          <span />
        </div>
        <ol className="mt-1 space-y-2">
          {rows.map((r, i) => {
            const th = `rules.${i}.threshold`;
            return (
              <li
                key={i}
                className={`${ruleGrid} rounded-md border border-slate-200 p-2 sm:rounded-none sm:border-0 sm:p-0`}
                data-testid="rule-row"
              >
                <p className="text-xs font-semibold text-slate-600 sm:hidden">{t('rules.ruleNumber', { n: i + 1 })}</p>
                <label className="block min-w-0 text-xs text-slate-600">
                  <span className="sm:sr-only">{t('rules.measure')}</span>
                  <select
                    className={`mt-0.5 sm:mt-0 ${control}`}
                    value={r.measure}
                    onChange={(e) => update(i, { measure: e.target.value as RuleMeasure })}
                    {...aria(`rules.${i}.measure`)}
                  >
                    {RULE_MEASURES.map((m) => (
                      <option key={m} value={m}>
                        {t(`measure.${m}`)}
                      </option>
                    ))}
                  </select>
                  {fieldError(`rules.${i}.measure`)}
                </label>
                <label className="block min-w-0 text-xs text-slate-600">
                  <span className="sm:sr-only">{t('rules.comparison')}</span>
                  <select
                    className={`mt-0.5 sm:mt-0 ${control}`}
                    value={r.comparison}
                    onChange={(e) => update(i, { comparison: e.target.value as RuleComparison })}
                  >
                    {RULE_COMPARISONS.map((c) => (
                      <option key={c} value={c}>
                        {c === 'gt' ? '>' : '≥'} {t(`comparison.${c}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block min-w-0 text-xs text-slate-600">
                  <span className="sm:sr-only">{t('rules.threshold')}</span>
                  <input
                    className={`mt-0.5 sm:mt-0 ${control} ${errors[th] ? invalid : ''}`}
                    inputMode="decimal"
                    value={r.threshold}
                    onChange={(e) => update(i, { threshold: e.target.value })}
                    data-testid={`rule-threshold-${i}`}
                    {...aria(th)}
                  />
                  {fieldError(th)}
                </label>
                <label className="block min-w-0 text-xs text-slate-600">
                  <span className="sm:sr-only">{t('rules.resultLight')}</span>
                  <select
                    className={`mt-0.5 sm:mt-0 ${control} ${errors[`rules.${i}.light`] ? invalid : ''}`}
                    value={r.light}
                    onChange={(e) => update(i, { light: e.target.value as 'yellow' | 'red' })}
                    {...aria(`rules.${i}.light`)}
                  >
                    <option value="yellow">{t('light.yellow')}</option>
                    <option value="red">{t('light.red')}</option>
                  </select>
                  {fieldError(`rules.${i}.light`)}
                </label>
                <button
                  type="button"
                  onClick={() => {
                    edited();
                    setRows((rs) => rs.filter((_, j) => j !== i));
                  }}
                  className="justify-self-start rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50"
                  aria-label={`${t('rules.removeRule')} ${t('rules.ruleNumber', { n: i + 1 })}`}
                >
                  {t('rules.removeRule')}
                </button>
              </li>
            );
          })}
        </ol>
        {fieldError('rules')}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => {
            edited();
            setRows((rs) => [...rs, { measure: 'investment_behind_time_elapsed_pp', comparison: 'gte', threshold: '', light: 'yellow' }]);
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t('rules.addRule')}
        </button>
        <button
          type="submit"
          disabled={pending}
          data-testid="save-rules"
          className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending && !preview ? t('rules.previewing') : t('rules.save')}
        </button>
        {message ? (
          <span role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
            {message.text}
          </span>
        ) : null}
      </div>

      {preview ? (
        <RulePreviewPanel
          preview={preview}
          title={t('rules.previewTitle')}
          confirmLabel={
            preview.period
              ? t('rules.confirmSave', { version: nextVersion, changed: preview.changed })
              : t('rules.confirmSaveNoPeriod', { version: nextVersion })
          }
          pendingLabel={t('rules.saving')}
          pending={pending}
          onConfirm={onConfirm}
          onCancel={() => setPreview(null)}
        />
      ) : null}
    </form>
  );
}
