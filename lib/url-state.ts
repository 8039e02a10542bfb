/**
 * URL state: the one mechanism by which every list and filter keeps its state (search, filters,
 * sort, page, page size) in the URL, built on nuqs. Each list defines its state once, in
 * lib/<domain>/search-params.ts, and that one definition serves
 *
 *   - the page:          registrySearch.parse(await searchParams)
 *   - the export route:  registrySearch.parse(request.nextUrl.searchParams), so a file holds
 *                        exactly what the page shows
 *   - links:             problemsSearch.href('/problems', { status: ['open'] })
 *   - the client:        useUrlState(registrySearch).go({ sort: 'name' })
 *                        (app/_components/table/use-url-state.ts)
 *
 * Whitelist style: a value that is malformed, or not on the list's whitelist (sortable columns,
 * enum values, page sizes), parses to the default, never to an error and never into SQL, so an
 * old or hand-edited link still opens. Defaults are left out of the URL so links stay short.
 *
 * Client-safe: `nuqs/server` is the package's entry without the hooks (no 'use client').
 */
import {
  createLoader,
  createParser,
  createSerializer,
  type inferParserType,
  type LoaderInput,
  type ParserMap,
  type UrlKeys,
} from 'nuqs/server';

export { parseAsStringLiteral as parseAsOneOf } from 'nuqs/server';

/** What a page's `searchParams`, a URLSearchParams or a query string can be parsed from. */
export type RawParams = LoaderInput;

/** The values a map of parsers gives (a default where the URL has none or a bad one). */
export type UrlValues<P extends ParserMap> = inferParserType<P>;

// ---- Parsers ---------------------------------------------------------------------------------

const MAX_LIST = 50;

/** A comma-separated list: trimmed, de-duplicated, at most 50 values. */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_LIST);
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const isId = (s: string) => /^\d{1,9}$/.test(s) && Number(s) >= 1;

/** A search box: trimmed, at most `max` characters; '' when absent. */
export const parseAsSearch = (max: number) =>
  createParser({ parse: (v) => v.trim().slice(0, max), serialize: (v: string) => v }).withDefault('');

/**
 * A comma-separated list of the values `accept` lets through (after `normalize`); [] when absent.
 * The list is trimmed, de-duplicated and cut at 50 values first.
 */
export function parseAsList<T extends string = string>(accept: (s: string) => boolean, normalize: (s: string) => string = (s) => s) {
  return createParser<T[]>({
    parse: (v) => splitList(v).map(normalize).filter(accept) as T[],
    serialize: (v) => v.join(','),
    eq: sameList,
  }).withDefault([]);
}

/** A comma-separated list of the whitelisted values (anything else is dropped). */
export const parseAsOneOfList = <T extends string>(values: readonly T[], normalize?: (s: string) => string) =>
  parseAsList<T>((s) => (values as readonly string[]).includes(s), normalize);

/** A comma-separated list of reference codes (a category's `wind`: lower-case letters, digits, `_`, `-`). */
export const parseAsCodeList = () => parseAsList((s) => /^[a-z0-9_-]{1,40}$/.test(s));

/** A comma-separated list of positive integer ids (anything else is dropped). */
export const parseAsIdList = () =>
  createParser<number[]>({
    parse: (v) => splitList(v).filter(isId).map(Number),
    serialize: (v) => v.join(','),
    eq: sameList,
  }).withDefault([]);

/** One positive integer id; null when absent or malformed. */
export const parseAsId = () => createParser({ parse: (v) => (isId(v) ? Number(v) : null), serialize: (v: number) => String(v) });

/** A page number from 1 to `max`; 1 when absent, malformed or out of range. */
export const parseAsPage = (max = 1_000_000) =>
  createParser({
    parse: (v) => (/^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : null),
    serialize: (v: number) => String(v),
  }).withDefault(1);

/** One of the offered page sizes, else the fallback. */
export const parseAsPageSize = (sizes: readonly number[], fallback: number) =>
  createParser({
    parse: (v) => (v !== '' && sizes.includes(Number(v)) ? Number(v) : null),
    serialize: (v: number) => String(v),
  }).withDefault(fallback);

/** A switch, on as `=1` (anything else is off, and off is left out of the URL). */
export const parseAsFlag = () =>
  createParser<boolean>({ parse: (v) => (v === '1' ? true : null), serialize: (v) => (v ? '1' : '0') }).withDefault(false);

/** A yes/no choice with a third state, absent: `=1` yes, `=0` no, else null. */
export const parseAsYesNo = () =>
  createParser({ parse: (v) => (v === '1' ? true : v === '0' ? false : null), serialize: (v: boolean) => (v ? '1' : '0') });

/** A four-digit year from `min` to `max`; null when absent, malformed or out of range. */
export const parseAsYear = (min: number, max: number) =>
  createParser({
    parse: (v) => (/^\d{4}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null),
    serialize: (v: number) => String(v),
  });

/** A month `YYYY-MM` (01..12); null when absent or malformed. Whether it may be chosen is the caller's whitelist. */
export const parseAsMonth = () =>
  createParser({ parse: (v) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : null), serialize: (v: string) => v });

export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}

/**
 * `sort=<column>.<dir>`: a column on the whitelist, ascending unless `.desc`. A column that is
 * not on the whitelist gives the fallback (column and direction), so only listed columns ever
 * reach the query's ORDER BY.
 */
export function parseAsSort<K extends string>(sortable: readonly K[], fallback: Sort<K>) {
  return createParser<Sort<K>>({
    parse: (v) => {
      const [key, dir] = v.split('.');
      return (sortable as readonly string[]).includes(key ?? '') ? { key: key as K, dir: dir === 'desc' ? 'desc' : 'asc' } : null;
    },
    serialize: (s) => `${s.key}.${s.dir}`,
    eq: (a, b) => a.key === b.key && a.dir === b.dir,
  }).withDefault(fallback);
}

// ---- A list's URL state ----------------------------------------------------------------------

/** A list's URL state: its parsers, and the state they give (see the module comment). */
export interface UrlState<P extends ParserMap, T> {
  readonly parsers: P;
  /** URL keys of the parsers whose key in the URL is not their name (`pageSize` → `size`). */
  readonly urlKeys: UrlKeys<P>;
  /** The state of a URL without parameters. */
  readonly defaults: T;
  /** The state in a URL; malformed or unknown values give the defaults. */
  parse(raw: RawParams): T;
  /** The query string of a state, without '?'; defaults are left out. */
  query(state: T): string;
  /** A link to `path` with the state `state` (fields not given: the defaults). */
  href(path: string, state?: Partial<T>): string;
  /** Between the parsers' values and the state (the identity unless one URL key holds two fields). */
  fromUrl(values: inferParserType<P>): T;
  toUrl(state: T): inferParserType<P>;
  /**
   * The parsers' values after a change of state (what the client writes to the URL). In a list
   * with pages, any change other than paging starts again from the first page.
   */
  apply(values: inferParserType<P>, change: Partial<T>): inferParserType<P>;
}

interface Options<P extends ParserMap> {
  urlKeys?: UrlKeys<P>;
}

/** A list's URL state whose fields are the parsers' values. */
export function defineUrlState<P extends ParserMap>(parsers: P, options?: Options<P>): UrlState<P, inferParserType<P>>;
/** A list's URL state with its own shape, mapped from and to the parsers' values. */
export function defineUrlState<P extends ParserMap, T>(
  parsers: P,
  options: Options<P> & { fromUrl: (values: inferParserType<P>) => T; toUrl: (state: T) => inferParserType<P> },
): UrlState<P, T>;
export function defineUrlState<P extends ParserMap, T>(
  parsers: P,
  options: Options<P> & { fromUrl?: (values: inferParserType<P>) => T; toUrl?: (state: T) => inferParserType<P> } = {},
): UrlState<P, T> {
  const urlKeys = options.urlKeys ?? {};
  const load = createLoader(parsers, { urlKeys });
  const serialize = createSerializer(parsers, { urlKeys });
  const fromUrl = options.fromUrl ?? ((v: inferParserType<P>) => v as unknown as T);
  const toUrl = options.toUrl ?? ((s: T) => s as unknown as inferParserType<P>);
  const defaults = fromUrl(load(new URLSearchParams()));
  const query = (state: T) => serialize(toUrl(state)).replace(/^\?/, '');
  return {
    parsers,
    urlKeys,
    defaults,
    parse: (raw) => fromUrl(load(raw)),
    query,
    href: (path, state = {}) => {
      const qs = query({ ...defaults, ...state });
      return qs ? `${path}?${qs}` : path;
    },
    fromUrl,
    toUrl,
    apply: (values, change) => {
      const current = fromUrl(values);
      const firstPage =
        current !== null && typeof current === 'object' && 'page' in current && (change as { page?: unknown }).page === undefined;
      return toUrl({ ...current, ...(firstPage ? { page: 1 } : {}), ...change });
    },
  };
}
