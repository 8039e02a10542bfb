'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { PROJECT_STATUSES, type ProjectStatus, type Stage, STAGES } from '@/db/schema/enums';
import { PIPELINE_STAGES, type PipelineStage } from '@/lib/plan-years/pipeline-stage';
import { type RegistryParams, registrySearch } from '@/lib/projects/search-params';
import type { ReferenceData } from '@/lib/reference/queries';
import { MultiFilter, type Opt } from '@/app/_components/table/multi-filter';
import { useHydrated } from '@/app/_components/use-hydrated';
import { useUrlState } from '@/app/_components/table/use-url-state';

export function RegistryFilters({
  params,
  reference,
  showCounty,
  showMine,
}: {
  params: RegistryParams;
  /** Only the lists the filters use, to keep the page's payload small. */
  reference: Pick<ReferenceData, 'counties' | 'categories' | 'leaders' | 'responsibleUnits'>;
  showCounty: boolean;
  /** The 我负责的项目 switch (a project lead's; on by default for them, see registryLanding). */
  showMine: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { go } = useUrlState(registrySearch);
  const [q, setQ] = useState(params.q);
  // Marks the controls as interactive once hydrated (tests wait for it before typing).
  const ready = useHydrated();
  const label = (o: { labelZh: string; labelEn: string }) => (locale === 'en' ? o.labelEn : o.labelZh);
  const toOpts = (list: { value: string; labelZh: string; labelEn: string }[]): Opt[] =>
    list.map((o) => ({ value: o.value, label: label(o) }));

  // Keep the box in step with the URL (back/forward, while rendering: React's pattern for state
  // that follows a prop), and search as the user types.
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
    params.category.length ||
    params.county.length ||
    params.stage.length ||
    params.pipeline.length ||
    params.status.length ||
    params.leader.length ||
    params.unit.length ||
    params.light.length ||
    params.countyNone ||
    params.milestone ||
    params.report ||
    params.energy;

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
      {showMine ? (
        <button
          type="button"
          aria-pressed={params.mine === true}
          onClick={() => go({ mine: params.mine !== true })}
          data-testid="registry-mine"
          className={`rounded-md border px-3 py-1.5 text-sm ${
            params.mine === true
              ? 'border-brand-600 bg-brand-600 font-medium text-white hover:bg-brand-700'
              : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
          }`}
        >
          {t('projects.filter.mine')}
        </button>
      ) : null}
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
        onChange={(v) => go({ stage: v as Stage[] })}
      />
      <MultiFilter
        id="pipeline"
        label={t('projects.filter.pipeline')}
        options={PIPELINE_STAGES.map((s) => ({ value: s, label: t(`enums.pipelineStage.${s}`) }))}
        selected={params.pipeline}
        onChange={(v) => go({ pipeline: v as PipelineStage[] })}
      />
      <MultiFilter
        id="status"
        label={t('projects.filter.status')}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
        selected={params.status}
        onChange={(v) => go({ status: v as ProjectStatus[] })}
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
            go({
              q: '',
              category: [],
              county: [],
              stage: [],
              pipeline: [],
              status: [],
              leader: [],
              unit: [],
              light: [],
              countyNone: false,
              milestone: null,
              report: null,
              period: null,
              energy: null,
            });
          }}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('projects.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
