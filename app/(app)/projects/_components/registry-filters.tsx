'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { PROJECT_STATUSES, STAGES } from '@/db/schema/enums';
import type { RegistryParams } from '@/lib/projects/search-params';
import type { ReferenceData } from '@/lib/reference/queries';
import { useRegistryNav } from './use-registry-nav';

type Opt = { value: string; label: string };

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
  const t = useTranslations('projects');
  const ref = useRef<HTMLDetailsElement>(null);
  // Show the click at once; the URL (and so the server's answer) follows.
  const [optimistic, setOptimistic] = useState(selected);
  const selectedKey = selected.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setOptimistic(selected), [selectedKey]);
  const change = (values: string[]) => {
    setOptimistic(values);
    onChange(values);
  };
  // Close the dropdown when clicking elsewhere.
  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', onDoc);
    return () => document.removeEventListener('click', onDoc);
  }, []);
  const active = optimistic.length > 0;
  return (
    <details ref={ref} className="relative" data-testid={`filter-${id}`}>
      <summary
        className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm [&::-webkit-details-marker]:hidden ${
          active ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
      >
        {label}
        {active ? <span className="rounded bg-brand-600 px-1.5 text-xs text-white">{optimistic.length}</span> : null}
        <span aria-hidden className="text-slate-400">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {options.map((o) => {
          const checked = optimistic.includes(o.value);
          return (
            <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                checked={checked}
                onChange={() => change(checked ? optimistic.filter((v) => v !== o.value) : [...optimistic, o.value])}
                className="h-4 w-4 accent-brand-600"
              />
              <span>{o.label}</span>
            </label>
          );
        })}
        {active ? (
          <button type="button" onClick={() => change([])} className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-brand-700 hover:bg-slate-50">
            {t('clearFilters')}
          </button>
        ) : null}
      </div>
    </details>
  );
}

export function RegistryFilters({ params, reference, showCounty }: {
  params: RegistryParams;
  /** Only the lists the filters use, to keep the page's payload small. */
  reference: Pick<ReferenceData, 'counties' | 'categories' | 'leaders' | 'responsibleUnits'>;
  showCounty: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { go } = useRegistryNav(params);
  const [q, setQ] = useState(params.q);
  // Marks the controls as interactive once hydrated (tests wait for it before typing).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const label = (o: { labelZh: string; labelEn: string }) => (locale === 'en' ? o.labelEn : o.labelZh);
  const toOpts = (list: { value: string; labelZh: string; labelEn: string }[]): Opt[] => list.map((o) => ({ value: o.value, label: label(o) }));

  // Keep the box in step with the URL (back/forward), and search as the user types.
  useEffect(() => setQ(params.q), [params.q]);
  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => go({ q: q.trim() }, { replace: true }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const any =
    params.q || params.category.length || params.county.length || params.stage.length || params.status.length || params.leader.length || params.unit.length;

  return (
    <div className="flex flex-wrap items-center gap-2" role="search" data-ready={ready ? 'true' : 'false'}>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go({ q: q.trim() });
        }}
        placeholder={t('projects.searchPlaceholder')}
        aria-label={t('projects.searchPlaceholder')}
        data-testid="registry-search"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:w-72"
      />
      <MultiFilter
        id="category"
        label={t('projects.filter.category')}
        options={toOpts(reference.categories)}
        selected={params.category}
        onChange={(v) => go({ category: v })}
      />
      {showCounty ? (
        <MultiFilter
          id="county"
          label={t('projects.filter.county')}
          options={toOpts(reference.counties)}
          selected={params.county.map(String)}
          onChange={(v) => go({ county: v.map(Number) })}
        />
      ) : null}
      <MultiFilter
        id="stage"
        label={t('projects.filter.stage')}
        options={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
        selected={params.stage}
        onChange={(v) => go({ stage: v })}
      />
      <MultiFilter
        id="status"
        label={t('projects.filter.status')}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
        selected={params.status}
        onChange={(v) => go({ status: v })}
      />
      <MultiFilter
        id="leader"
        label={t('projects.filter.leader')}
        options={toOpts(reference.leaders)}
        selected={params.leader.map(String)}
        onChange={(v) => go({ leader: v.map(Number) })}
      />
      <MultiFilter
        id="unit"
        label={t('projects.filter.unit')}
        options={toOpts(reference.responsibleUnits)}
        selected={params.unit.map(String)}
        onChange={(v) => go({ unit: v.map(Number) })}
      />
      {any ? (
        <button
          type="button"
          onClick={() => {
            setQ('');
            go({ q: '', category: [], county: [], stage: [], status: [], leader: [], unit: [] });
          }}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('projects.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
