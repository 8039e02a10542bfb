import { getLocale } from 'next-intl/server';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { YearSelect } from './year-select';

/**
 * The plan-year selector of the portfolio pages (registry, dashboard, lights, meetings): the
 * offered years (lib/plan-years/selection.ts), each linked to `href(year)`, past years marked
 * as history.
 */
export async function PlanYearSelect({
  id,
  year,
  years,
  href,
}: {
  id: string;
  year: number;
  years: number[];
  href: (y: number) => string;
}) {
  const t = await getTranslations('common.planYear');
  const current = currentPlanYear();
  return (
    <YearSelect
      id={id}
      label={t('label')}
      years={years}
      hrefs={years.map(href)}
      labels={years.map((y) => t(y < current ? 'history' : 'option', { year: String(y) }))}
      current={year}
    />
  );
}

/** The line under a past year's or a list-less year's page heading; nothing for the current year with a list. */
export async function PlanYearNote({ year, listed, day }: { year: number; listed: boolean; day: string }) {
  const [t, locale] = await Promise.all([getTranslations('common.planYear'), getLocale()]);
  const past = year < currentPlanYear();
  if (!past && listed) return null;
  if (!past) {
    return (
      <p className="text-xs text-slate-500" data-testid="plan-year-note">
        {t('noList', { year: String(year) })}
      </p>
    );
  }
  return (
    <p
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="plan-year-note"
      data-past="1"
    >
      {t('historyNote', { year: String(year), date: formatDate(day, toLocale(locale)) })}
    </p>
  );
}
