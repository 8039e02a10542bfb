/**
 * The registry's table state, as it lives in the URL: page, page size, sort and filters.
 * One parser, used by the page, the query and (later) the export, with a whitelist of the
 * columns that may be sorted and filtered. Anything not on the list is ignored, not an error,
 * so an old or hand-edited link still opens.
 */
import { PROJECT_STATUSES, STAGES } from '@/db/schema/enums';

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

export const FILTERS = ['category', 'county', 'stage', 'leader', 'unit', 'status'] as const;
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
};

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function get(raw: Raw, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

function list(raw: Raw, key: string): string[] {
  const v = get(raw, key);
  if (!v) return [];
  return [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 50);
}

function ids(raw: Raw, key: string): number[] {
  return list(raw, key)
    .filter((s) => /^\d{1,9}$/.test(s))
    .map(Number);
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  if (!value || !/^\d{1,7}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? Math.min(n, max) : fallback;
}

export function parseRegistryParams(raw: Raw): RegistryParams {
  const [sortKey, sortDir] = (get(raw, 'sort') ?? '').split('.');
  const sizeRaw = Number(get(raw, 'size'));
  return {
    page: positiveInt(get(raw, 'page'), 1, 1_000_000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : DEFAULT_PAGE_SIZE,
    sort: (SORTABLE as readonly string[]).includes(sortKey ?? '') ? (sortKey as SortKey) : DEFAULT_PARAMS.sort,
    dir: sortDir === 'desc' ? 'desc' : 'asc',
    q: (get(raw, 'q') ?? '').trim().slice(0, 100),
    category: list(raw, 'category').filter((c) => /^[a-z0-9_-]{1,40}$/.test(c)),
    county: ids(raw, 'county'),
    stage: list(raw, 'stage').filter((s) => (STAGES as readonly string[]).includes(s)),
    leader: ids(raw, 'leader'),
    unit: ids(raw, 'unit'),
    status: list(raw, 'status').filter((s) => (PROJECT_STATUSES as readonly string[]).includes(s)),
  };
}

/** The URL query string for a state; defaults are left out so links stay short. */
export function registryQueryString(p: RegistryParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  for (const key of FILTERS) {
    const values = p[key] as (string | number)[];
    if (values.length) out.set(key, values.join(','));
  }
  if (p.sort !== DEFAULT_PARAMS.sort || p.dir !== DEFAULT_PARAMS.dir) out.set('sort', `${p.sort}.${p.dir}`);
  if (p.pageSize !== DEFAULT_PAGE_SIZE) out.set('size', String(p.pageSize));
  if (p.page !== 1) out.set('page', String(p.page));
  return out.toString();
}
