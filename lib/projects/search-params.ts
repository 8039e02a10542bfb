/**
 * The registry's table state, as it lives in the URL: page, page size, sort and filters.
 * One parser, used by the page, the query and (later) the export, with a whitelist of the
 * columns that may be sorted and filtered. Anything not on the list is ignored, not an error,
 * so an old or hand-edited link still opens.
 */
import { param, paramIds, paramList, type RawParams } from '@/lib/url-params';
import { LIGHTS, PROJECT_STATUSES, STAGES, type Light } from '@/db/schema/enums';

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
 * projects (all, grid-connected, pending), and projects without a county (`county=none`).
 */
export const LIGHT_FILTERS = [...LIGHTS, 'none'] as const;
export type LightFilter = Light | 'none';
export const MILESTONE_FILTERS = ['due30', 'overdue'] as const;
export type MilestoneFilter = (typeof MILESTONE_FILTERS)[number];
export const ENERGY_FILTERS = ['all', 'connected', 'pending'] as const;
export type EnergyFilter = (typeof ENERGY_FILTERS)[number];
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
  stage: string[];
  leader: number[];
  unit: number[];
  status: string[];
  light: LightFilter[];
  /** Prefecture-level projects without a county (`county=none`), besides the county ids. */
  countyNone: boolean;
  milestone: MilestoneFilter | null;
  /** Only `missing`: the report for `period` (null: the current period) is not submitted. */
  report: 'missing' | null;
  period: number | null;
  energy: EnergyFilter | null;
}

export const DEFAULT_PARAMS: RegistryParams = {
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  sort: 'code',
  dir: 'asc',
  q: '',
  category: [],
  county: [],
  stage: [],
  leader: [],
  unit: [],
  status: [],
  light: [],
  countyNone: false,
  milestone: null,
  report: null,
  period: null,
  energy: null,
};

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  if (!value || !/^\d{1,7}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? Math.min(n, max) : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : null;
}

export function parseRegistryParams(raw: RawParams): RegistryParams {
  const [sortKey, sortDir] = (param(raw, 'sort') ?? '').split('.');
  const sizeRaw = Number(param(raw, 'size'));
  const periodRaw = param(raw, 'period');
  return {
    page: positiveInt(param(raw, 'page'), 1, 1_000_000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : DEFAULT_PAGE_SIZE,
    sort: (SORTABLE as readonly string[]).includes(sortKey ?? '') ? (sortKey as SortKey) : DEFAULT_PARAMS.sort,
    dir: sortDir === 'desc' ? 'desc' : 'asc',
    q: (param(raw, 'q') ?? '').trim().slice(0, 100),
    category: paramList(raw, 'category').filter((c) => /^[a-z0-9_-]{1,40}$/.test(c)),
    county: paramIds(raw, 'county'),
    stage: paramList(raw, 'stage').filter((s) => (STAGES as readonly string[]).includes(s)),
    leader: paramIds(raw, 'leader'),
    unit: paramIds(raw, 'unit'),
    status: paramList(raw, 'status').filter((s) => (PROJECT_STATUSES as readonly string[]).includes(s)),
    light: paramList(raw, 'light').filter((s): s is LightFilter => (LIGHT_FILTERS as readonly string[]).includes(s)),
    countyNone: paramList(raw, 'county').includes('none'),
    milestone: oneOf(MILESTONE_FILTERS, param(raw, 'milestone')),
    report: param(raw, 'report') === 'missing' ? 'missing' : null,
    period: periodRaw && /^\d{1,9}$/.test(periodRaw) && Number(periodRaw) >= 1 ? Number(periodRaw) : null,
    energy: oneOf(ENERGY_FILTERS, param(raw, 'energy')),
  };
}

/** The URL query string for a state; defaults are left out so links stay short. */
export function registryQueryString(p: RegistryParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  for (const key of FILTERS) {
    const values: (string | number)[] = key === 'county' && p.countyNone ? [...p.county, 'none'] : p[key];
    if (values.length) out.set(key, values.join(','));
  }
  if (p.milestone) out.set('milestone', p.milestone);
  if (p.report) out.set('report', p.report);
  if (p.report && p.period !== null) out.set('period', String(p.period));
  if (p.energy) out.set('energy', p.energy);
  if (p.sort !== DEFAULT_PARAMS.sort || p.dir !== DEFAULT_PARAMS.dir) out.set('sort', `${p.sort}.${p.dir}`);
  if (p.pageSize !== DEFAULT_PAGE_SIZE) out.set('size', String(p.pageSize));
  if (p.page !== 1) out.set('page', String(p.page));
  return out.toString();
}
