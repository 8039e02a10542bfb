import { describe, expect, it } from 'vitest';
import {
  isCacheableNavigation,
  isCacheablePageResponse,
  isOfflinePage,
  isOtherNavigation,
  keptCopyIsFresh,
  type RequestLike,
  shouldKeepPage,
} from './cacheable';

const ORIGIN = 'https://kpd.example.gov.cn';

function request(
  path: string,
  init: { method?: string; mode?: string; headers?: Record<string, string>; origin?: string } = {},
): RequestLike {
  const headers = new Headers(init.headers);
  return { method: init.method ?? 'GET', mode: init.mode ?? 'navigate', url: `${init.origin ?? ORIGIN}${path}`, headers };
}

describe('isOfflinePage', () => {
  it.each(['/inbox', '/reports/12', '/projects/7', '/projects/7/milestones/3/edit'])('keeps %s', (path) => {
    expect(isOfflinePage(path)).toBe(true);
  });

  it.each([
    '/',
    '/dashboard',
    '/reports',
    '/projects',
    '/projects/new',
    '/projects/7/edit',
    '/projects/7/plan',
    '/admin/users/1',
    '/login',
    '/offline',
    '/api/reports/12',
    '/api/auth/session',
    '/api/exports/projects',
    '/serwist/sw.js',
    '/_next/static/chunks/a.js',
    '/inbox/extra',
  ])('does not keep %s', (path) => {
    expect(isOfflinePage(path)).toBe(false);
  });
});

describe('isCacheableNavigation', () => {
  it('takes a full page load of a kept page, with its query', () => {
    expect(isCacheableNavigation(request('/reports/12'), ORIGIN)).toBe(true);
    expect(isCacheableNavigation(request('/inbox?page=2'), ORIGIN)).toBe(true);
  });

  it('never takes a non-GET, a server action, an RSC request, a fetch or another origin', () => {
    expect(isCacheableNavigation(request('/reports/12', { method: 'POST' }), ORIGIN)).toBe(false);
    expect(isCacheableNavigation(request('/reports/12', { headers: { 'Next-Action': 'abc' } }), ORIGIN)).toBe(false);
    expect(isCacheableNavigation(request('/reports/12', { headers: { RSC: '1' } }), ORIGIN)).toBe(false);
    expect(isCacheableNavigation(request('/reports/12?_rsc=x1y2'), ORIGIN)).toBe(false);
    expect(isCacheableNavigation(request('/reports/12', { mode: 'cors' }), ORIGIN)).toBe(false);
    expect(isCacheableNavigation(request('/reports/12', { origin: 'https://evil.example' }), ORIGIN)).toBe(false);
  });
});

describe('isOtherNavigation', () => {
  it('takes the page loads that are not kept, for the offline page', () => {
    expect(isOtherNavigation(request('/dashboard'), ORIGIN)).toBe(true);
    expect(isOtherNavigation(request('/login'), ORIGIN)).toBe(true);
  });

  it('leaves kept pages, fetches, non-GETs and other origins alone', () => {
    expect(isOtherNavigation(request('/inbox'), ORIGIN)).toBe(false);
    expect(isOtherNavigation(request('/api/health', { mode: 'cors' }), ORIGIN)).toBe(false);
    expect(isOtherNavigation(request('/dashboard', { method: 'POST' }), ORIGIN)).toBe(false);
    expect(isOtherNavigation(request('/dashboard', { origin: 'https://evil.example' }), ORIGIN)).toBe(false);
  });
});

describe('isCacheablePageResponse', () => {
  const response = (init: { status?: number; type?: string; redirected?: boolean; contentType?: string } = {}) => ({
    status: init.status ?? 200,
    type: init.type ?? 'basic',
    redirected: init.redirected ?? false,
    headers: new Headers({ 'content-type': init.contentType ?? 'text/html; charset=utf-8' }),
  });

  it('keeps a 200 HTML page', () => {
    expect(isCacheablePageResponse(response())).toBe(true);
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a 403', { status: 403 }],
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a redirect not followed', { status: 0, type: 'opaqueredirect' }],
    ['the sign-in page a redirect ended on', { redirected: true }],
    ['an opaque answer', { status: 0, type: 'opaque' }],
    ['JSON', { contentType: 'application/json' }],
  ])('never keeps %s', (_name, init) => {
    expect(isCacheablePageResponse(response(init))).toBe(false);
  });
});

describe('shouldKeepPage: a client-side navigation the worker keeps as a full page', () => {
  it('keeps a kept page of the same origin, by path or by full URL', () => {
    expect(shouldKeepPage('/projects/7', ORIGIN)).toBe(true);
    expect(shouldKeepPage(`${ORIGIN}/reports/12`, ORIGIN)).toBe(true);
  });
  it('keeps nothing else: another page, another origin, an RSC request, a malformed URL', () => {
    expect(shouldKeepPage('/dashboard', ORIGIN)).toBe(false);
    expect(shouldKeepPage('https://evil.example.com/projects/7', ORIGIN)).toBe(false);
    expect(shouldKeepPage('/projects/7?_rsc=abc', ORIGIN)).toBe(false);
    expect(shouldKeepPage('http://[::1', ORIGIN)).toBe(false);
  });
});

describe('keptCopyIsFresh', () => {
  const now = Date.parse('2026-06-10T08:00:00Z');
  it('a copy kept within the last ten minutes is fresh; an older one, or one without a date, is fetched again', () => {
    expect(keptCopyIsFresh('Wed, 10 Jun 2026 07:55:00 GMT', now)).toBe(true);
    expect(keptCopyIsFresh('Wed, 10 Jun 2026 07:45:00 GMT', now)).toBe(false);
    expect(keptCopyIsFresh(null, now)).toBe(false);
    expect(keptCopyIsFresh('not a date', now)).toBe(false);
  });
});
