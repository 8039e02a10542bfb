/**
 * Drill-down links of the dashboard: the registry (/projects?…) or the problem list
 * (/problems?…) with exactly the filters a figure counts, written by the lists' own URL state
 * (registrySearch in lib/projects/search-params.ts, problemsSearch in lib/problems/search-params.ts),
 * so a link is read back as it was meant. Pure and client-safe; lib/dashboard/drilldown.test.ts
 * checks that every figure's link lists exactly `count` rows.
 */
import type { Light } from '@/db/schema/enums';
import { type ProblemListParams, problemsSearch } from '@/lib/problems/search-params';
import { type RegistryParams, registrySearch } from '@/lib/projects/search-params';

/**
 * /projects with these filters. A figure counts everything in the actor's scope, so its list
 * says so even with no other filter: the plain /projects of a project lead starts at their own
 * projects (registryLanding), which would not be what the figure counted.
 */
export function registryHref(state: Partial<RegistryParams> = {}): string {
  const href = registrySearch.href('/projects', state);
  return href === '/projects' ? registrySearch.href('/projects', { ...state, mine: false }) : href;
}

/** /problems with these filters. */
export function problemsHref(state: Partial<ProblemListParams> = {}): string {
  return problemsSearch.href('/problems', state);
}

/** A breakdown row's registry link narrowed to one light (`none`: projects without a light). */
export function lightHref(href: string, light: Light | 'none'): string {
  return registryHref({ ...registrySearch.parse(href.slice(href.indexOf('?') + 1)), light: [light] });
}

/** The problem statuses counted as open (lib/problems/rules.ts ACTIVE_STATUSES). */
export const ACTIVE_PROBLEM_FILTER = ['open', 'in_progress'] as const;
