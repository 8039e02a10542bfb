/**
 * The search params of the plan pages (/projects/[id]/plan?year=, /lights/plans?year=&filter=&page=).
 * Anything malformed falls back to the default instead of failing, so a hand-edited link still opens.
 */
export const PLAN_FILTERS = ['all', 'missing', 'planned'] as const;
export type PlanFilter = (typeof PLAN_FILTERS)[number];

export const PLANS_PAGE_SIZE = 50;
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

type Raw = string | string[] | undefined;
const first = (raw: Raw) => (Array.isArray(raw) ? raw[0] : raw);

/** A year 2000–2100 from ?year=, else the fallback (the current year). */
export function parsePlanYear(raw: Raw, fallback: number): number {
  const v = first(raw);
  if (!v || !/^\d{4}$/.test(v)) return fallback;
  const n = Number(v);
  return n >= MIN_PLAN_YEAR && n <= MAX_PLAN_YEAR ? n : fallback;
}

export function parsePlanFilter(raw: Raw): PlanFilter {
  const v = first(raw);
  return (PLAN_FILTERS as readonly string[]).includes(v ?? '') ? (v as PlanFilter) : 'all';
}

/** A page number ≥ 1 from ?page= (at most 100,000), else 1. */
export function parsePage(raw: Raw): number {
  const v = first(raw);
  if (!v || !/^\d{1,6}$/.test(v)) return 1;
  const n = Number(v);
  return n >= 1 && n <= 100_000 ? n : 1;
}

/** The years a year selector offers: a few around the current year, plus the chosen one. */
export function yearOptions(current: number, chosen: number): number[] {
  const years = new Set<number>();
  for (let y = current - 2; y <= current + 2; y++) if (y >= MIN_PLAN_YEAR && y <= MAX_PLAN_YEAR) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => a - b);
}

/** The overview's URL for a state (defaults left out). */
export function plansHref(state: { year: number; filter?: PlanFilter; page?: number }): string {
  const q = new URLSearchParams({ year: String(state.year) });
  if (state.filter && state.filter !== 'all') q.set('filter', state.filter);
  if (state.page && state.page > 1) q.set('page', String(state.page));
  return `/lights/plans?${q.toString()}`;
}
