'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { PROBLEM_STATUSES, PROBLEM_TYPES } from '@/db/schema/enums';
import type { ProblemListParams } from '@/lib/problems/search-params';
import { useProblemNav } from './use-problem-nav';

type Opt = { value: string; label: string };
type RefOpt = { value: string; labelZh: string; labelEn: string };

function MultiFilter({
  id,
  label,
  options,
  selected,
  onChange,
}: {
  id: string;
  label: string;
  options: Opt[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const t = useTranslations('problems.list');
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', onDoc);
    return () => document.removeEventListener('click', onDoc);
  }, []);
  const active = selected.length > 0;
  return (
    <details ref={ref} className="relative" data-testid={`filter-${id}`}>
      <summary
        className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm [&::-webkit-details-marker]:hidden ${
          active ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
      >
        {label}
        {active ? <span className="rounded bg-brand-600 px-1.5 text-xs text-white">{selected.length}</span> : null}
        <span aria-hidden className="text-slate-400">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 max-h-80 w-64 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {options.map((o) => {
          const checked = selected.includes(o.value);
          return (
            <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                checked={checked}
                onChange={() => onChange(checked ? selected.filter((v) => v !== o.value) : [...selected, o.value])}
                className="h-4 w-4 accent-brand-600"
              />
              <span>{o.label}</span>
            </label>
          );
        })}
        {active ? (
          <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-brand-700 hover:bg-slate-50">
            {t('clearFilters')}
          </button>
        ) : null}
      </div>
    </details>
  );
}

export function ProblemFilters({
  params,
  counties,
  units,
  leaders,
  showCounty,
}: {
  params: ProblemListParams;
  counties: RefOpt[];
  units: RefOpt[];
  leaders: RefOpt[];
  showCounty: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { go } = useProblemNav(params);
  const [q, setQ] = useState(params.q);
  const toOpts = (list: RefOpt[]): Opt[] => list.map((o) => ({ value: o.value, label: locale === 'en' ? o.labelEn : o.labelZh }));

  useEffect(() => setQ(params.q), [params.q]);
  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => go({ q: q.trim() }, { replace: true }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const any =
    params.q ||
    params.overdue ||
    params.status.length ||
    params.type.length ||
    params.county.length ||
    params.unit.length ||
    params.leader.length ||
    params.project.length;

  return (
    <div className="flex flex-wrap items-center gap-2" role="search">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go({ q: q.trim() });
        }}
        placeholder={t('problems.list.searchPlaceholder')}
        aria-label={t('problems.list.searchPlaceholder')}
        data-testid="problems-search"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:w-72"
      />
      <MultiFilter
        id="status"
        label={t('problems.filter.status')}
        options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`enums.problemStatus.${s}`) }))}
        selected={params.status}
        onChange={(v) => go({ status: v as ProblemListParams['status'] })}
      />
      <MultiFilter
        id="type"
        label={t('problems.filter.type')}
        options={PROBLEM_TYPES.map((s) => ({ value: s, label: t(`enums.problemType.${s}`) }))}
        selected={params.type}
        onChange={(v) => go({ type: v as ProblemListParams['type'] })}
      />
      {showCounty ? (
        <MultiFilter
          id="county"
          label={t('problems.filter.county')}
          options={toOpts(counties)}
          selected={params.county.map(String)}
          onChange={(v) => go({ county: v.map(Number) })}
        />
      ) : null}
      <MultiFilter
        id="unit"
        label={t('problems.filter.unit')}
        options={toOpts(units)}
        selected={params.unit.map(String)}
        onChange={(v) => go({ unit: v.map(Number) })}
      />
      <MultiFilter
        id="leader"
        label={t('problems.filter.leader')}
        options={toOpts(leaders)}
        selected={params.leader.map(String)}
        onChange={(v) => go({ leader: v.map(Number) })}
      />
      <label
        className={`flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm ${
          params.overdue ? 'border-red-600 bg-red-50 text-red-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
        data-testid="filter-overdue"
      >
        <input type="checkbox" checked={params.overdue} onChange={() => go({ overdue: !params.overdue })} className="h-4 w-4 accent-red-600" />
        {t('problems.filter.overdue')}
      </label>
      {any ? (
        <button
          type="button"
          onClick={() => {
            setQ('');
            go({ q: '', status: [], type: [], county: [], unit: [], leader: [], project: [], overdue: false });
          }}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('problems.list.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
