/**
 * The dashboard's URL state: the milestone timeline's filters (category, county, responsible
 * leader), e.g. /dashboard?category=wind,solar&county=3&leader=7, and the as-of month of the
 * investment figures (?asOf=2026-09, lib/plans/as-of.ts), each defined once (lib/url-state.ts)
 * for the page and its controls; malformed values are dropped, so an old link still opens. A
 * month that is well formed but not reported is ignored by asOfMonth (the latest is shown), and
 * the plan year (?year=2025).
 */
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '@/lib/plans/plan-params';
import { defineUrlState, parseAsCodeList, parseAsIdList, parseAsMonth, parseAsYear } from '@/lib/url-state';

export const timelineSearch = defineUrlState({
  category: parseAsCodeList(),
  county: parseAsIdList(),
  leader: parseAsIdList(),
});

export const asOfSearch = defineUrlState({ asOf: parseAsMonth() });

/** The plan year (?year=2025; absent: the current one); a year without a list other than the current one falls back to it (lib/plan-years/selection.ts). */
export const dashboardYearSearch = defineUrlState({ year: parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR) });

/** The 大屏 presentation's URL: the as-of month and the plan year of the dashboard it was opened from. */
export const screenSearch = defineUrlState({ asOf: parseAsMonth(), year: parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR) });
