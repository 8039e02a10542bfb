/**
 * The proxy's check of a POST to a page path, before Next.js sees it. A page path takes no POST
 * but a server action's (the `Next-Action` header from the app's own client, or a form posted
 * without JavaScript), so:
 *
 * - its Origin (the Referer's origin when a client sends no Origin) must be the app's own host,
 *   as Next.js reads it (X-Forwarded-Host or Host). Next.js makes the same comparison but answers
 *   a mismatch with a 500; here it is a 403, and a POST naming no origin at all (which Next.js
 *   lets through with a warning) is refused too: every browser sends Origin on a POST.
 * - its body must be one Next.js can decode (see malformedAction); Next.js answers the rest
 *   with a 500.
 *
 * The answer is the route wrapper's error shape, `{ ok: false, code, message, requestId }`, in the
 * language of the request's NEXT_LOCALE cookie. app/api is not checked here: its handlers are
 * made by withRoute, which answers for itself.
 */
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { hostOf } from './request-origin';

export type GuardedRequest = {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string; host: string };
  cookies: { get(name: string): { value: string } | undefined };
};

/** Whether the request is a POST to a page path (a server action, or something posing as one). */
export function isPagePost(request: GuardedRequest): boolean {
  const path = request.nextUrl.pathname;
  return request.method === 'POST' && path !== '/api' && !path.startsWith('/api/');
}

/** The host the request says it came from: Origin's, else Referer's; null when neither (or "null"). */
export function claimedSourceHost(headers: Headers): string | null {
  for (const name of ['origin', 'referer']) {
    const value = headers.get(name);
    if (value === null) continue;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
    } catch {
      return null; // "null" (a sandboxed frame, a privacy redirect) or garbage: no origin we know
    }
  }
  return null;
}

/** True when the POST comes from the app's own pages (`urlHost`: the request URL's, when no Host header came). */
export function isSameOriginPost(headers: Headers, urlHost?: string): boolean {
  const source = claimedSourceHost(headers);
  const own = hostOf(headers) ?? urlHost ?? null;
  return source !== null && own !== null && source.toLowerCase() === own.toLowerCase();
}

/**
 * The body types the client of Next.js sends with a `Next-Action` header: the encoded arguments
 * as text (a JSON array), or multipart when they hold a FormData or a File. A form posted without
 * JavaScript is urlencoded or multipart and carries no Next-Action header.
 */
const TEXT = /^text\/plain\s*(?:;|$)/i;
const MULTIPART = /^multipart\/form-data\s*(?:;|$)/i;
const URLENCODED = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
/** An action id is hex (42 characters in Next.js 16); anything else names no action. */
const ACTION_ID = /^[0-9a-f]{1,128}$/i;

export type ActionRequest = GuardedRequest & { clone(): { text(): Promise<string>; formData(): Promise<FormData> } };

/**
 * Why Next.js could not read this page POST, or null when it can. Next.js 16 answers each of
 * these with a 500 (measured: a text body that is not JSON, a JSON object instead of the argument
 * array — an uncaught exception in the server —, a multipart body without a boundary or cut
 * short, any other content type, which it reads as JSON text):
 * - with `Next-Action`: an id that is not hex; a text/plain body that is not a JSON array; a
 *   multipart body that does not parse; any other content type;
 * - without it (a form posted without JavaScript): a multipart body that does not parse.
 * The body is read from a clone: the proxy buffers it for Next.js (up to 10 MB; a server
 * action's own limit is 1 MB).
 */
export async function malformedAction(request: ActionRequest): Promise<string | null> {
  const type = (request.headers.get('content-type') ?? '').trim();
  const id = request.headers.get('next-action');
  if (id === null) {
    if (MULTIPART.test(type) && !(await parses(() => request.clone().formData()))) return 'multipart body';
    return null;
  }
  if (!ACTION_ID.test(id.trim())) return 'action id';
  if (TEXT.test(type)) {
    const ok = await parses(async () => {
      const args: unknown = JSON.parse(await request.clone().text());
      if (!Array.isArray(args)) throw new TypeError('not an argument list');
    });
    return ok ? null : 'arguments';
  }
  if (MULTIPART.test(type)) return (await parses(() => request.clone().formData())) ? null : 'multipart body';
  // Next.js answers an urlencoded body with a Next-Action header as a page request (no action runs).
  if (URLENCODED.test(type)) return null;
  return 'content type';
}

async function parses(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch {
    return false;
  }
}

function answer(status: 400 | 403, code: 'INVALID' | 'FORBIDDEN', key: string, request: GuardedRequest): Response {
  const t = translator(toLocale(request.cookies.get(LOCALE_COOKIE)?.value), 'errors');
  const requestId = crypto.randomUUID();
  return Response.json(
    { ok: false, code, message: t(key), requestId },
    { status, headers: { 'cache-control': 'no-store', 'x-request-id': requestId } },
  );
}

/** The proxy's answer to a page POST it refuses (403 cross-site, 400 unreadable), or null to go on. */
export async function serverActionRefusal(request: ActionRequest): Promise<Response | null> {
  if (!isPagePost(request)) return null;
  if (!isSameOriginPost(request.headers, request.nextUrl.host)) return answer(403, 'FORBIDDEN', 'CROSS_SITE_ACTION', request);
  if (await malformedAction(request)) return answer(400, 'INVALID', 'MALFORMED_ACTION', request);
  return null;
}
