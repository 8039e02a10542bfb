/**
 * What the service worker (lib/offline/worker.ts) keeps for opening pages offline, as pure
 * functions the worker's matchers call and the unit tests check.
 *
 * Pages are per user: only the pages a project lead works on at a remote site are kept (the
 * inbox, a report form, a project page with its milestones, a milestone's form), and the caches
 * that hold them are deleted at sign-out and on the sign-in page (lib/offline/clear-caches.ts).
 * Nothing else is cached at runtime: no API, no export, no sign-in, no server action, no non-GET.
 */

/** The URL of the worker script (app/serwist/[path]/route.ts builds it). */
export const SW_URL = '/serwist/sw.js';

/** The fallback page for a navigation to a page that was never loaded (app/offline/page.tsx). */
export const OFFLINE_PATH = '/offline';

/** Every cache of pages starts with this; clearing at sign-out deletes all of them. */
export const PAGE_CACHE_PREFIX = 'kpd-pages';

/** The cache of the HTML of the pages below (NetworkFirst). */
export const PAGE_CACHE = `${PAGE_CACHE_PREFIX}-html-v1`;

/** How long a navigation waits for the network before the cached copy is shown. */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** At most this many pages are kept, for at most a week. */
export const PAGE_CACHE_MAX_ENTRIES = 60;
export const PAGE_CACHE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const SEGMENT = '[^/]+';
/** The pages kept for offline use (path only; the query is part of the cache key). */
const OFFLINE_PAGES: readonly RegExp[] = [
  /^\/inbox$/,
  new RegExp(`^/reports/${SEGMENT}$`),
  new RegExp(`^/projects/${SEGMENT}$`),
  new RegExp(`^/projects/${SEGMENT}/milestones/${SEGMENT}/edit$`),
];

/** Paths that are never a kept page, whatever the patterns above say. */
const NEVER = /^\/(?:api|_next|serwist|login)(?:\/|$)/;

/** `/projects/new` is a form for a new record, not a record's page. */
const NOT_A_RECORD = new Set(['new']);

/** Whether this path is one of the pages kept for offline use. */
export function isOfflinePage(pathname: string): boolean {
  if (NEVER.test(pathname)) return false;
  if (!OFFLINE_PAGES.some((re) => re.test(pathname))) return false;
  const record = pathname.split('/')[2];
  return record === undefined || !NOT_A_RECORD.has(record);
}

/** The parts of a request the matchers look at (a `Request` has all of them). */
export type RequestLike = {
  method: string;
  mode: string;
  url: string;
  headers: { has(name: string): boolean; get(name: string): string | null };
};

/**
 * A full page load (a navigation) that the worker may answer from its cache: a same-origin GET
 * of a kept page, not a server action, not a React Server Components request (a client-side
 * navigation that cannot reach the server falls back to a full load, which this answers).
 */
export function isCacheableNavigation(request: RequestLike, origin: string): boolean {
  if (request.method !== 'GET' || request.mode !== 'navigate') return false;
  if (request.headers.has('next-action') || request.headers.has('rsc')) return false;
  const url = new URL(request.url);
  if (url.origin !== origin || url.searchParams.has('_rsc')) return false;
  return isOfflinePage(url.pathname);
}

/** Any other same-origin page load: not kept, but shown the offline page when the network is down. */
export function isOtherNavigation(request: RequestLike, origin: string): boolean {
  if (request.method !== 'GET' || request.mode !== 'navigate') return false;
  const url = new URL(request.url);
  return url.origin === origin && !isCacheableNavigation(request, origin);
}

/** The parts of a response that decide whether it is kept. */
export type ResponseLike = {
  status: number;
  type: string;
  redirected: boolean;
  headers: { get(name: string): string | null };
};

/**
 * Only a page the user actually saw is kept: 200, not the end of a redirect (to the sign-in
 * page), not opaque, and HTML. (Next.js marks every dynamic page `no-store` for HTTP caches; the
 * worker's own list of pages above decides instead, and sign-out deletes what it kept.)
 */
export function isCacheablePageResponse(response: ResponseLike): boolean {
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  const type = response.headers.get('content-type') ?? '';
  return type.startsWith('text/html');
}

/** The message a page sends the worker after a client-side navigation to a kept page (see worker.ts). */
export const KEEP_PAGE_MESSAGE = 'kpd:keep-page';

/** A kept copy younger than this is not fetched again for a client-side navigation (it costs a full page on a weak link). */
export const KEEP_PAGE_FRESH_SECONDS = 10 * 60;

/**
 * Whether a client-side navigation to `url` should be kept by the worker: a same-origin kept page
 * (an RSC navigation never reaches the page cache by itself, so the worker fetches the page's
 * HTML once in the background).
 */
export function shouldKeepPage(url: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return false;
  }
  return parsed.origin === origin && !parsed.searchParams.has('_rsc') && isOfflinePage(parsed.pathname);
}

/** Whether a kept copy (its Date header) is still fresh at `now` (ms). */
export function keptCopyIsFresh(date: string | null, now: number): boolean {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isFinite(at) && now - at < KEEP_PAGE_FRESH_SECONDS * 1000;
}
