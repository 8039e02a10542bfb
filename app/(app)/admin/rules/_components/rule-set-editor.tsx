'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { RULE_COMPARISONS, RULE_MEASURES, type RuleComparison, type RuleMeasure } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { editRuleSet } from '@/lib/lights/actions';

export interface RuleRow {
  measure: RuleMeasure;
  comparison: RuleComparison;
  threshold: string;
  light: 'yellow' | 'red';
}

const control =
  'block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500';

/** Edits the active rule set's name and rules; saving creates the next version. */
export function RuleSetEditor({
  ruleSetId,
  name: initialName,
  rules: initialRules,
}: {
  ruleSetId: number;
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
  const [pending, start] = useTransition();

  const update = (i: number, patch: Partial<RuleRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await editRuleSet({ ruleSetId, name, note: note || undefined, rules: rows });
      if (res.ok) {
        const data = res.data as { version: number };
        setErrors({});
        setNote('');
        setMessage({ ok: true, text: t('rules.saved', { version: data.version }) });
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage({ ok: false, text: res.message });
      }
    });
  }

  const fieldError = (key: string) =>
    errors[key]?.length ? <p className="mt-0.5 text-xs text-red-700">{errors[key]!.join(' ')}</p> : null;

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-3" data-testid="rule-set-editor" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm text-slate-700">
          {t('rules.name')}
          <input className={`mt-1 ${control}`} value={name} onChange={(e) => setName(e.target.value)} required />
          {fieldError('name')}
        </label>
        <label className="block text-sm text-slate-700">
          {t('rules.note')}
          <input className={`mt-1 ${control}`} value={note} onChange={(e) => setNote(e.target.value)} />
          {fieldError('note')}
        </label>
      </div>

      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="py-1.5 pr-2 font-medium">
                {t('rules.measure')}
              </th>
              <th scope="col" className="py-1.5 pr-2 font-medium">
                {t('rules.comparison')}
              </th>
              <th scope="col" className="py-1.5 pr-2 font-medium">
                {t('rules.threshold')}
              </th>
              <th scope="col" className="py-1.5 pr-2 font-medium">
                {t('rules.resultLight')}
              </th>
              <th scope="col" className="py-1.5 font-medium">
                <span className="sr-only">{t('rules.removeRule')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="align-top" data-testid="rule-row">
                <td className="py-1 pr-2">
                  <select
                    aria-label={t('rules.measure')}
                    className={control}
                    value={r.measure}
                    onChange={(e) => update(i, { measure: e.target.value as RuleMeasure })}
                  >
                    {RULE_MEASURES.map((m) => (
                      <option key={m} value={m}>
                        {t(`measure.${m}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1 pr-2">
                  <select
                    aria-label={t('rules.comparison')}
                    className={control}
                    value={r.comparison}
                    onChange={(e) => update(i, { comparison: e.target.value as RuleComparison })}
                  >
                    {RULE_COMPARISONS.map((c) => (
                      <option key={c} value={c}>
                        {c === 'gt' ? '>' : '≥'} {t(`comparison.${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="w-28 py-1 pr-2">
                  <input
                    aria-label={t('rules.threshold')}
                    className={control}
                    inputMode="decimal"
                    value={r.threshold}
                    onChange={(e) => update(i, { threshold: e.target.value })}
                    data-testid={`rule-threshold-${i}`}
                  />
                  {fieldError(`rules.${i}.threshold`)}
                </td>
                <td className="py-1 pr-2">
                  <select
                    aria-label={t('rules.resultLight')}
                    className={control}
                    value={r.light}
                    onChange={(e) => update(i, { light: e.target.value as 'yellow' | 'red' })}
                  >
                    <option value="yellow">{t('light.yellow')}</option>
                    <option value="red">{t('light.red')}</option>
                  </select>
                </td>
                <td className="py-1">
                  <button
                    type="button"
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50"
                  >
                    {t('rules.removeRule')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() =>
            setRows((rs) => [...rs, { measure: 'investment_behind_time_elapsed_pp', comparison: 'gte', threshold: '10', light: 'yellow' }])
          }
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
          {pending ? t('rules.saving') : t('rules.save')}
        </button>
        {message ? (
          <span role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
