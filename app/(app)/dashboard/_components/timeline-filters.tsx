'use client';

import { useLocale, useTranslations } from 'next-intl';
import { MultiFilter, type Opt } from '@/app/_components/table/multi-filter';
import { useHydrated } from '@/app/_components/use-hydrated';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { timelineSearch } from '@/lib/dashboard/search-params';
import type { TimelineFilters as Filters } from '@/lib/dashboard/types';

type Option = { value: string; labelZh: string; labelEn: string };

/** Category, county and leader filters of the timeline; the URL holds them (shareable, back/forward). */
export function TimelineFilters({
  filters,
  categories,
  counties,
  leaders,
}: {
  filters: Filters;
  categories: Option[];
  /** Empty for county users (their scope is one county). */
  counties: Option[];
  leaders: Option[];
}) {
  const t = useTranslations('dashboard.timeline');
  const locale = useLocale();
  const { go, pending } = useUrlState(timelineSearch);
  const ready = useHydrated();
  const opts = (list: Option[]): Opt[] => list.map((o) => ({ value: o.value, label: locale === 'en' ? o.labelEn : o.labelZh }));
  const any = filters.category.length + filters.county.length + filters.leader.length > 0;
  return (
    <div
      role="search"
      aria-label={t('filters')}
      className="flex flex-wrap items-center gap-2"
      data-testid="timeline-filters"
      data-ready={ready ? 'true' : 'false'}
      aria-busy={pending}
    >
      <MultiFilter
        id="tl-category"
        label={t('category')}
        options={opts(categories)}
        selected={filters.category}
        onChange={(v) => go({ category: v })}
      />
      {counties.length > 1 ? (
        <MultiFilter
          id="tl-county"
          label={t('county')}
          options={opts(counties)}
          selected={filters.county.map(String)}
          onChange={(v) => go({ county: v.map(Number) })}
        />
      ) : null}
      <MultiFilter
        id="tl-leader"
        label={t('leader')}
        options={opts(leaders)}
        selected={filters.leader.map(String)}
        onChange={(v) => go({ leader: v.map(Number) })}
      />
      {any ? (
        <button
          type="button"
          onClick={() => go({ category: [], county: [], leader: [] })}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('clear')}
        </button>
      ) : null}
      {pending ? (
        <span className="text-xs text-slate-500" aria-live="polite">
          …
        </span>
      ) : null}
    </div>
  );
}
