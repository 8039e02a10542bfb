/**
 * The problem list's table state, as it lives in the URL: page, size, sort and filters, defined
 * once (lib/url-state.ts) for the page, the query, the export and the client, with the whitelists
 * of the sortable and filterable columns; anything not on them is ignored (an old or hand-edited
 * link still opens).
 *
 *   /problems?status=open,in_progress&type=land&unit=3&leader=7&county=2&overdue=1&q=征地&sort=deadline.desc&page=2
 */
import { PROBLEM_STATUSES, PROBLEM_TYPES, type ProblemStatus, type ProblemType } from '@/db/schema/enums';
import {
  defineUrlState,
  parseAsFlag,
  parseAsIdList,
  parseAsOneOfList,
  parseAsPage,
  parseAsPageSize,
  parseAsSearch,
  parseAsSort,
  parseAsYear,
  type UrlValues,
} from '@/lib/url-state';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '@/lib/plans/plan-params';

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
  /** Only problems of the projects in this plan year's key-project list (the dashboard's links); null: every project. */
  year: number | null;
}

/** The URL's parameters, in the order links list them. */
const parsers = {
  q: parseAsSearch(100),
  status: parseAsOneOfList(PROBLEM_STATUSES),
  type: parseAsOneOfList(PROBLEM_TYPES),
  unit: parseAsIdList(),
  leader: parseAsIdList(),
  county: parseAsIdList(),
  project: parseAsIdList(),
  // '180+' typed into a URL arrives as '180 ' (a plus means a space in a query string).
  age: parseAsOneOfList(PROBLEM_AGE_BUCKETS, (a) => (a === '180' ? '180+' : a)),
  overdue: parseAsFlag(),
  year: parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR),
  sort: parseAsSort(PROBLEM_SORTABLE, { key: 'urgency', dir: 'asc' }),
  pageSize: parseAsPageSize(PROBLEM_PAGE_SIZES, PROBLEM_DEFAULT_PAGE_SIZE),
  page: parseAsPage(),
};

export const problemsSearch = defineUrlState(parsers, {
  urlKeys: { pageSize: 'size' },
  fromUrl: ({ sort, ...v }: UrlValues<typeof parsers>): ProblemListParams => ({ ...v, sort: sort.key, dir: sort.dir }),
  toUrl: ({ sort, dir, ...p }: ProblemListParams): UrlValues<typeof parsers> => ({ ...p, sort: { key: sort, dir } }),
});
