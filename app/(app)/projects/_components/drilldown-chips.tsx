'use client';

import { useTranslations } from 'next-intl';
import { FilterChips } from '@/app/_components/table/filter-chips';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { type RegistryParams, registrySearch } from '@/lib/projects/search-params';

/** The registry's dashboard drill-down filters (light, milestone, report, energy, no county) as removable chips. */
export function RegistryDrilldownChips({ params, period }: { params: RegistryParams; period: { start: string; end: string } | null }) {
  const t = useTranslations('projects.drilldown');
  const { go } = useUrlState(registrySearch);
  const chips: { key: string; text: string }[] = [];
  for (const light of params.light) chips.push({ key: `light:${light}`, text: t('light', { light: t(`lightValue.${light}`) }) });
  if (params.countyNone) chips.push({ key: 'countyNone', text: t('countyNone') });
  if (params.milestone) chips.push({ key: 'milestone', text: t(`milestone.${params.milestone}`) });
  if (params.report) {
    chips.push({ key: 'report', text: period ? t('reportMissingPeriod', { start: period.start, end: period.end }) : t('reportMissing') });
  }
  if (params.energy) chips.push({ key: 'energy', text: t(`energy.${params.energy}`) });
  const remove = (key: string) => {
    if (key.startsWith('light:')) go({ light: params.light.filter((l) => `light:${l}` !== key) });
    else if (key === 'countyNone') go({ countyNone: false });
    else if (key === 'milestone') go({ milestone: null });
    else if (key === 'report') go({ report: null, period: null });
    else if (key === 'energy') go({ energy: null });
  };
  return (
    <FilterChips
      label={t('label')}
      chips={chips}
      removeLabel={(text) => t('remove', { label: text })}
      onRemove={remove}
      testId="registry-drilldown"
    />
  );
}
