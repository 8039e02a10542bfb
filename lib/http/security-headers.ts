/**
 * The security headers of every answer. Two halves:
 *
 * - STATIC_SECURITY_HEADERS do not change per request: next.config.ts sends them on every path
 *   (pages, app/api, static files) through `headers()`, so a path the proxy does not run on
 *   (the photo upload, /_next/static) has them too.
 *   API_CSP goes with them on every /api path (an API answer runs nothing and is framed nowhere;
 *   a route that sets its own policy, the photo's sandbox, keeps it).
 * - The proxy (proxy.ts) adds what depends on the request: a page's Content-Security-Policy with
 *   a fresh nonce (Next.js reads it from the request's CSP header and puts it on its own scripts),
 *   and Strict-Transport-Security when the request came over HTTPS.
 */
import { isHttps } from './request-origin';

/** Sent on every path (next.config.ts `headers()`). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The CSP's frame-ancestors 'none' says the same to browsers that read it.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Project leads take site photos and may attach their location; nothing else is used.
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), browsing-topics=()',
};

/** The policy of an API answer (JSON, a file download, a photo): nothing runs, nothing frames it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of the service worker script (/serwist/sw.js, lib/offline/worker.ts): a worker's
 * own fetches follow the CSP its script came with, and it only fetches this site's pages and
 * assets for its caches. It loads no other script.
 */
export const WORKER_CSP = "default-src 'none'; connect-src 'self'; script-src 'self'";

/**
 * A page's policy. Scripts: only those carrying the request's nonce and what they load
 * ('strict-dynamic': Next.js loads its chunks from its nonced bootstrap). Styles may be inline:
 * React renders `style` attributes and ECharts positions its tooltip with them (a nonce would
 * turn 'unsafe-inline' off). ECharts draws on a canvas; its "save as image" is a data: URL.
 * Development adds 'unsafe-eval' (React's error overlay evaluates server stacks).
 */
export function pageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** One year, the usual value; HSTS_MAX_AGE=0 turns the header off (e.g. while HTTPS is being tried out). */
export const DEFAULT_HSTS_MAX_AGE = 31_536_000;

/** The Strict-Transport-Security value for HSTS_MAX_AGE (seconds), or null when it is 0. */
export function hstsValue(setting: string | undefined = process.env.HSTS_MAX_AGE): string | null {
  const raw = setting?.trim();
  const seconds = raw === undefined || raw === '' ? DEFAULT_HSTS_MAX_AGE : /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(seconds)) throw new Error(`HSTS_MAX_AGE must be a whole number of seconds, not "${setting}"`);
  return seconds === 0 ? null : `max-age=${seconds}; includeSubDomains`;
}

export type ResponseKind = 'page' | 'api';

/** The headers the proxy sets on an answer of this kind (the static ones come from next.config.ts). */
export function requestSecurityHeaders(
  kind: ResponseKind,
  request: { headers: Headers; url: string },
  { nonce, dev = false, hsts = hstsValue() }: { nonce: string; dev?: boolean; hsts?: string | null },
): Record<string, string> {
  const out: Record<string, string> = kind === 'page' ? { 'Content-Security-Policy': pageCsp(nonce, { dev }) } : {};
  if (hsts && isHttps(request.headers, request.url)) out['Strict-Transport-Security'] = hsts;
  return out;
}
