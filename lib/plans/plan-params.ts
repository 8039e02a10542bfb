/**
 * The URL state of the plan pages, defined once (lib/url-state.ts): the overview
 * (/lights/plans?year=&filter=&page=) and a project's plan (/projects/[id]/plan?year=).
 * Anything malformed falls back to the default instead of failing, so a hand-edited link still
 * opens; a missing or bad year is the current year (which the page knows, so it is null here).
 */
import { defineUrlState, parseAsOneOf, parseAsPage, parseAsYear } from '@/lib/url-state';

export const PLAN_FILTERS = ['all', 'missing', 'planned'] as const;
export type PlanFilter = (typeof PLAN_FILTERS)[number];

export const PLANS_PAGE_SIZE = 50;
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

const year = parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR);

/** The overview: a year 2000–2100 (null: the current one), which plans, a page up to 100,000. */
export const plansSearch = defineUrlState({
  year,
  filter: parseAsOneOf(PLAN_FILTERS).withDefault('all'),
  page: parseAsPage(100_000),
});

/** A project's plan page: the year (null: the current one). */
export const planSearch = defineUrlState({ year });

/** The years a year selector offers: a few around the current year, plus the chosen one. */
export function yearOptions(current: number, chosen: number): number[] {
  const years = new Set<number>();
  for (let y = current - 2; y <= current + 2; y++) if (y >= MIN_PLAN_YEAR && y <= MAX_PLAN_YEAR) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => a - b);
}

/** The overview's URL for a state (defaults left out; the year always in). */
export function plansHref(state: { year: number; filter?: PlanFilter; page?: number }): string {
  return plansSearch.href('/lights/plans', state);
}

/** A project's plan page for a year. */
export function planHref(projectId: number, planYear: number): string {
  return planSearch.href(`/projects/${projectId}/plan`, { year: planYear });
}

/** The year's list page (/lights/years?year=): the year (null: the current one). */
export const yearListSearch = defineUrlState({ year });

/** The year's list page for a year. */
export function yearListHref(listYear: number): string {
  return yearListSearch.href('/lights/years', { year: listYear });
}
