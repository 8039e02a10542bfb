/**
 * The origin a request was addressed to, as Next.js itself reads it for its server-action check:
 * the first X-Forwarded-Host (a reverse proxy) or Host, and the first X-Forwarded-Proto or http.
 * The proxy (proxy.ts) compares a server action's Origin with it; the sign-in page and action
 * pass it to safeCallbackPath.
 */
const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The request's host ("kpd.example", "127.0.0.1:3000"), or null when it sent none. */
export function hostOf(h: Headers): string | null {
  return first(h.get('x-forwarded-host')) ?? first(h.get('host'));
}

/** True when the request came over HTTPS to the app (directly or through a TLS-terminating proxy). */
export function isHttps(h: Headers, url?: string): boolean {
  const proto = first(h.get('x-forwarded-proto'));
  if (proto) return proto.toLowerCase() === 'https';
  return url !== undefined && url.toLowerCase().startsWith('https:');
}

/** "https://kpd.example"; "http://localhost" when the request names no host. */
export function originOf(h: Headers): string {
  return `${isHttps(h) ? 'https' : 'http'}://${hostOf(h) ?? 'localhost'}`;
}

/**
 * The current request's origin (server components and server actions). next/headers is loaded
 * here only: next.config.ts and the proxy import this module's pure functions.
 */
export async function requestOrigin(): Promise<string> {
  const { headers } = await import('next/headers');
  return originOf(await headers());
}
