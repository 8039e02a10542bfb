/**
 * The problem list's table state, as it lives in the URL: page, size, sort and filters.
 * One parser for the page and the query, with a whitelist of sortable and filterable columns;
 * anything not on the list is ignored (an old or hand-edited link still opens).
 *
 *   /problems?status=open,in_progress&type=land&unit=3&leader=7&county=2&overdue=1&q=征地&sort=deadline.desc&page=2
 */
import { param, paramIds, paramList, type RawParams } from '@/lib/url-params';
import { PROBLEM_STATUSES, PROBLEM_TYPES, type ProblemStatus, type ProblemType } from '@/db/schema/enums';

/** `urgency` (the default): active problems first, the most escalated first, then the earliest deadline. */
export const PROBLEM_SORTABLE = ['urgency', 'deadline', 'createdAt', 'updatedAt', 'status', 'type', 'escalation', 'project'] as const;
export type ProblemSortKey = (typeof PROBLEM_SORTABLE)[number];

export const PROBLEM_FILTERS = ['status', 'type', 'unit', 'leader', 'county', 'project', 'age'] as const;

/** Age of a problem in days since it was raised: the dashboard's buckets (`age=31-90`). */
export const PROBLEM_AGE_BUCKETS = ['0-30', '31-90', '91-180', '180+'] as const;
export type ProblemAgeBucket = (typeof PROBLEM_AGE_BUCKETS)[number];
export type ProblemFilterKey = (typeof PROBLEM_FILTERS)[number];

export const PROBLEM_PAGE_SIZES = [10, 20, 50, 100] as const;
export const PROBLEM_DEFAULT_PAGE_SIZE = 20;

export interface ProblemListParams {
  page: number;
  pageSize: number;
  sort: ProblemSortKey;
  dir: 'asc' | 'desc';
  q: string;
  status: ProblemStatus[];
  type: ProblemType[];
  unit: number[];
  leader: number[];
  county: number[];
  /** Problems of these projects (links from a project page). */
  project: number[];
  /** Only problems past their deadline and not yet resolved. */
  overdue: boolean;
  /** Only problems raised this many days ago (buckets, see PROBLEM_AGE_BUCKETS). */
  age: ProblemAgeBucket[];
}

export const DEFAULT_PROBLEM_PARAMS: ProblemListParams = {
  page: 1,
  pageSize: PROBLEM_DEFAULT_PAGE_SIZE,
  sort: 'urgency',
  dir: 'asc',
  q: '',
  status: [],
  type: [],
  unit: [],
  leader: [],
  county: [],
  project: [],
  overdue: false,
  age: [],
};

function oneOf<T extends string>(values: readonly T[], items: string[]): T[] {
  return items.filter((s): s is T => (values as readonly string[]).includes(s));
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  if (!value || !/^\d{1,7}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? Math.min(n, max) : fallback;
}

export function parseProblemParams(raw: RawParams): ProblemListParams {
  const [sortKey, sortDir] = (param(raw, 'sort') ?? '').split('.');
  const sizeRaw = Number(param(raw, 'size'));
  const known = (PROBLEM_SORTABLE as readonly string[]).includes(sortKey ?? '');
  return {
    page: positiveInt(param(raw, 'page'), 1, 1_000_000),
    pageSize: (PROBLEM_PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : PROBLEM_DEFAULT_PAGE_SIZE,
    sort: known ? (sortKey as ProblemSortKey) : DEFAULT_PROBLEM_PARAMS.sort,
    dir: known ? (sortDir === 'desc' ? 'desc' : 'asc') : DEFAULT_PROBLEM_PARAMS.dir,
    q: (param(raw, 'q') ?? '').trim().slice(0, 100),
    status: oneOf(PROBLEM_STATUSES, paramList(raw, 'status')),
    type: oneOf(PROBLEM_TYPES, paramList(raw, 'type')),
    unit: paramIds(raw, 'unit'),
    leader: paramIds(raw, 'leader'),
    county: paramIds(raw, 'county'),
    project: paramIds(raw, 'project'),
    overdue: param(raw, 'overdue') === '1',
    // '180+' typed into a URL arrives as '180 ' (a plus means a space in a query string).
    age: oneOf(PROBLEM_AGE_BUCKETS, paramList(raw, 'age').map((a) => (a === '180' ? '180+' : a))),
  };
}

/** The URL query string for a state; defaults are left out so links stay short. */
export function problemQueryString(p: ProblemListParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  for (const key of PROBLEM_FILTERS) {
    const values = p[key] as (string | number)[];
    if (values.length) out.set(key, values.join(','));
  }
  if (p.overdue) out.set('overdue', '1');
  if (p.sort !== DEFAULT_PROBLEM_PARAMS.sort || p.dir !== DEFAULT_PROBLEM_PARAMS.dir) out.set('sort', `${p.sort}.${p.dir}`);
  if (p.pageSize !== PROBLEM_DEFAULT_PAGE_SIZE) out.set('size', String(p.pageSize));
  if (p.page !== 1) out.set('page', String(p.page));
  return out.toString();
}
