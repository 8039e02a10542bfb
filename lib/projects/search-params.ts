/**
 * The registry's table state, as it lives in the URL: page, page size, sort and filters, defined
 * once (lib/url-state.ts) for the page, the query, the export and the client. The whitelists of
 * the columns that may be sorted and filtered are here; anything not on them is ignored, not an
 * error, so an old or hand-edited link still opens.
 *
 *   /projects?q=水库&category=wind,solar&county=3,none&stage=construction&sort=totalInvestment.desc&size=50&page=2
 *
 * `pipeline=new_start,continuing`: the pipeline stage (储备 / 前期 / 新开工 / 续建 / 建成 / 投运) in the plan
 * year `year` (absent: the current year), which the stage column shows too (lib/plan-years).
 *
 * `listed=all|out`: every project, or those the plan year's list does not hold; absent, the year's
 * list (年度重点项目计划), or every project while the year has no list.
 *
 * `mine=1`: only the projects the actor leads (我负责的项目); `mine=0`: switched off. A project
 * lead who opens the registry with no query at all is sent to `mine=1` (registryLanding).
 */
import type { Role } from '@/db/schema/enums';
import { LIGHTS, PROJECT_STATUSES, STAGES, type Light, type ProjectStatus, type Stage } from '@/db/schema/enums';
import {
  defineUrlState,
  parseAsId,
  parseAsIdList,
  parseAsCodeList,
  parseAsOneOf,
  parseAsOneOfList,
  parseAsPage,
  parseAsPageSize,
  parseAsSearch,
  parseAsSort,
  parseAsYear,
  parseAsYesNo,
  splitList,
  type UrlValues,
} from '@/lib/url-state';
import { createParser } from 'nuqs/server';
import { PIPELINE_STAGES, type PipelineStage } from '@/lib/plan-years/pipeline-stage';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '@/lib/plans/plan-params';

export const SORTABLE = [
  'code',
  'name',
  'category',
  'county',
  'stage',
  'status',
  'totalInvestment',
  'annualPlannedInvestment',
  'plannedCompletionDate',
  'updatedAt',
] as const;
export type SortKey = (typeof SORTABLE)[number];

export const FILTERS = ['category', 'county', 'stage', 'leader', 'unit', 'status', 'light'] as const;

/**
 * Filters the dashboard's drill-downs add (lib/dashboard/hrefs.ts), each shown on the registry as
 * a removable chip: the effective light (`none`: no light yet), a milestone due within 30 days or
 * overdue, a missing report for a period (`period`, default the current one), the new-energy
 * projects (all, grid-connected, pending), and projects whose location is not reported (`county=none`:
 * they touch no county).
 */
export const LIGHT_FILTERS = [...LIGHTS, 'none'] as const;
export type LightFilter = Light | 'none';
export const MILESTONE_FILTERS = ['due30', 'overdue'] as const;
export type MilestoneFilter = (typeof MILESTONE_FILTERS)[number];
export const ENERGY_FILTERS = ['all', 'connected', 'pending', 'unknown'] as const;
export type EnergyFilter = (typeof ENERGY_FILTERS)[number];
export const LISTED_FILTERS = ['all', 'out'] as const;
export type ListedFilter = (typeof LISTED_FILTERS)[number];
export type FilterKey = (typeof FILTERS)[number];

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface RegistryParams {
  page: number;
  pageSize: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  q: string;
  category: string[];
  county: number[];
  stage: Stage[];
  leader: number[];
  unit: number[];
  status: ProjectStatus[];
  light: LightFilter[];
  /** Projects that touch no county (location 未填报, `county=none`), besides the county ids (each matches the projects touching it). */
  countyNone: boolean;
  milestone: MilestoneFilter | null;
  /** Only `missing`: the report for `period` (null: the current period) is not submitted. */
  report: 'missing' | null;
  period: number | null;
  energy: EnergyFilter | null;
  /** The pipeline stages in the plan year (empty: all). */
  pipeline: PipelineStage[];
  /** The plan year of the pipeline stage, its filter and column; null: the current year (registryYear). */
  year: number | null;
  /**
   * Which projects of the registry, against the plan year's key-project list: null, the year's
   * list (every project when the year has no list yet); `all`, every project; `out`, the projects
   * the year's list does not hold (candidates, dropped ones).
   */
  listed: ListedFilter | null;
  /** 我负责的项目: only the actor's own projects (project_lead_id). true `mine=1`, false `mine=0`, null absent (off). */
  mine: boolean | null;
}

const ids = parseAsIdList();

/** `county=3,5,none`: county ids, and `none` for the projects that touch no county. */
const parseAsCounties = createParser<{ ids: number[]; none: boolean }>({
  parse: (v) => ({ ids: ids.parse(v) ?? [], none: splitList(v).includes('none') }),
  serialize: (c) => (c.none ? [...c.ids, 'none'] : c.ids).join(','),
  eq: (a, b) => a.none === b.none && ids.eq(a.ids, b.ids),
}).withDefault({ ids: [], none: false });

/** The URL's parameters, in the order links list them. */
const parsers = {
  q: parseAsSearch(100),
  category: parseAsCodeList(),
  county: parseAsCounties,
  stage: parseAsOneOfList(STAGES),
  pipeline: parseAsOneOfList(PIPELINE_STAGES),
  leader: parseAsIdList(),
  unit: parseAsIdList(),
  status: parseAsOneOfList(PROJECT_STATUSES),
  light: parseAsOneOfList(LIGHT_FILTERS),
  milestone: parseAsOneOf(MILESTONE_FILTERS),
  report: parseAsOneOf(['missing'] as const),
  period: parseAsId(),
  energy: parseAsOneOf(ENERGY_FILTERS),
  year: parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR),
  listed: parseAsOneOf(LISTED_FILTERS),
  mine: parseAsYesNo(),
  sort: parseAsSort(SORTABLE, { key: 'code', dir: 'asc' }),
  pageSize: parseAsPageSize(PAGE_SIZES, DEFAULT_PAGE_SIZE),
  page: parseAsPage(),
};

export const registrySearch = defineUrlState(parsers, {
  urlKeys: { pageSize: 'size' },
  fromUrl: ({ county, sort, ...v }: UrlValues<typeof parsers>): RegistryParams => ({
    ...v,
    county: county.ids,
    countyNone: county.none,
    sort: sort.key,
    dir: sort.dir,
  }),
  // The period only counts with report=missing: without it, it is left out of the URL.
  toUrl: ({ county, countyNone, sort, dir, ...p }: RegistryParams): UrlValues<typeof parsers> => ({
    ...p,
    county: { ids: county, none: countyNone },
    period: p.report ? p.period : null,
    sort: { key: sort, dir },
  }),
});

/** The plan year the registry's pipeline stages are for: the URL's year, else the current one (`day`'s). */
export function registryYear(p: Pick<RegistryParams, 'year'>, day: string): number {
  return p.year ?? Number(day.slice(0, 4));
}

/** The roles whose registry starts at their own projects (a project lead, 项目负责人). */
const MINE_BY_DEFAULT: readonly Role[] = ['lead'];

/**
 * Where the registry sends `role` first: a project lead who opens /projects with no query at all
 * goes to `/projects?mine=1`, so that the filter is in the URL (sorting or paging keeps it, and
 * switching it off writes `mine=0`). null: stay on the page as asked.
 */
export function registryLanding(role: Role, raw: Record<string, string | string[] | undefined>): string | null {
  if (!MINE_BY_DEFAULT.includes(role)) return null;
  if (Object.values(raw).some((v) => v !== undefined)) return null;
  return registrySearch.href('/projects', { mine: true });
}
