'use client';

import { useTranslations } from 'next-intl';
import { FilterChips } from '@/app/_components/table/filter-chips';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { type ProblemListParams, problemsSearch } from '@/lib/problems/search-params';

/** The problem list's age filter (from the dashboard's problems-by-age chart) as removable chips. */
export function ProblemAgeChips({ params }: { params: ProblemListParams }) {
  const t = useTranslations('problems.filter');
  const { go } = useUrlState(problemsSearch);
  const chips = params.age.map((age) => ({ key: age, text: t('ageLabel', { age: t(`age.${age}`) }) }));
  return (
    <FilterChips
      label={t('ageLabel', { age: '' })}
      chips={chips}
      removeLabel={(text) => t('remove', { label: text })}
      onRemove={(key) => go({ age: params.age.filter((a) => a !== key) })}
      testId="problem-age-chips"
    />
  );
}
