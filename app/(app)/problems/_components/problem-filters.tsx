'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { PROBLEM_STATUSES, PROBLEM_TYPES } from '@/db/schema/enums';
import { type ProblemListParams, problemsSearch } from '@/lib/problems/search-params';
import { MultiFilter, type Opt } from '@/app/_components/table/multi-filter';
import { useUrlState } from '@/app/_components/table/use-url-state';

type RefOpt = { value: string; labelZh: string; labelEn: string };

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
  const { go } = useUrlState(problemsSearch);
  const [q, setQ] = useState(params.q);
  const toOpts = (list: RefOpt[]): Opt[] => list.map((o) => ({ value: o.value, label: locale === 'en' ? o.labelEn : o.labelZh }));

  // Keep the box in step with the URL (back/forward), while rendering: React's pattern for state that follows a prop.
  const [urlQ, setUrlQ] = useState(params.q);
  if (urlQ !== params.q) {
    setUrlQ(params.q);
    setQ(params.q);
  }
  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => go({ q: q.trim() }, { replace: true }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the typed text changes, and only then; go and params are read as they are at that moment
  }, [q]);

  const any =
    params.q ||
    params.overdue ||
    params.status.length ||
    params.type.length ||
    params.county.length ||
    params.unit.length ||
    params.leader.length ||
    params.project.length ||
    params.age.length;

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
        <input
          type="checkbox"
          checked={params.overdue}
          onChange={() => go({ overdue: !params.overdue })}
          className="h-4 w-4 accent-red-600"
        />
        {t('problems.filter.overdue')}
      </label>
      {any ? (
        <button
          type="button"
          onClick={() => {
            setQ('');
            go({ q: '', status: [], type: [], county: [], unit: [], leader: [], project: [], overdue: false, age: [] });
          }}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('problems.list.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
