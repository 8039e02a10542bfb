/**
 * Drill-down links of the dashboard: the registry (/projects?…) or the problem list
 * (/problems?…) with exactly the filters a figure counts. Pure and client-safe.
 *
 * The filters are read back by parseRegistryParams (lib/projects/search-params.ts) and
 * parseProblemParams (lib/problems/search-params.ts); lib/dashboard/drilldown.test.ts checks
 * that every figure's link lists exactly `count` rows.
 */
import type { Light } from '@/db/schema/enums';

type Value = string | number | readonly (string | number)[] | null | undefined;

function query(params: Record<string, Value>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const list = Array.isArray(value) ? (value as (string | number)[]) : [value as string | number];
    if (list.length === 0) continue;
    parts.push(`${key}=${list.map((v) => encodeURIComponent(String(v))).join(',')}`);
  }
  return parts.join('&');
}

/** /projects with these filters (keys as in parseRegistryParams). */
export function registryHref(params: Record<string, Value> = {}): string {
  const qs = query(params);
  return qs ? `/projects?${qs}` : '/projects';
}

/** /problems with these filters (keys as in parseProblemParams). */
export function problemsHref(params: Record<string, Value> = {}): string {
  const qs = query(params);
  return qs ? `/problems?${qs}` : '/problems';
}

/** A breakdown row's link narrowed to one light (`none`: projects without a light). */
export function lightHref(href: string, light: Light | 'none'): string {
  return `${href}${href.includes('?') ? '&' : '?'}light=${light}`;
}

/** The problem statuses counted as open (lib/problems/rules.ts ACTIVE_STATUSES). */
export const ACTIVE_PROBLEM_FILTER = ['open', 'in_progress'] as const;
