import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIES } from '@/lib/auth/cookie-names';
import { serverActionRefusal } from '@/lib/http/server-action-guard';
import { newNonce, requestSecurityHeaders } from '@/lib/http/security-headers';

/**
 * Runs before Next.js on every path but the static files and the photo upload (see `config`):
 *
 * 1. A server-action POST from another site, or one Next.js could not read, is refused here
 *    with 403 / 400 and a message in the user's language (lib/http/server-action-guard.ts).
 * 2. Only a convenience: page visitors (not server actions) without a session cookie go to the sign-in page. It is
 *    never the check: every page, action and route handler authorizes on its own (getActor()).
 *    The sign-in page, the offline page (the service worker's fallback) and app/api are not redirected: API routes answer 401 in JSON, and the
 *    load balancer's GET /api/health needs no session.
 * 3. The per-request security headers (lib/http/security-headers.ts): a page's CSP with a fresh
 *    nonce, which Next.js reads from the request's own CSP header and puts on its scripts, and
 *    HSTS over HTTPS. The static ones (nosniff, frame options, …) come from next.config.ts.
 */
export async function proxy(request: NextRequest) {
  const api = request.nextUrl.pathname === '/api' || request.nextUrl.pathname.startsWith('/api/');
  const nonce = newNonce();
  const security = requestSecurityHeaders(api ? 'api' : 'page', request, { nonce, dev: process.env.NODE_ENV === 'development' });
  const withSecurity = (res: Response) => {
    for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
    return res;
  };

  const refusal = await serverActionRefusal(request);
  if (refusal) return withSecurity(refusal);

  // A server action without a session is not redirected either: the action answers
  // UNAUTHENTICATED, and the form keeps what was typed and asks to sign in again in place
  // (app/_components/form/use-resilient-save.ts) instead of being navigated away from.
  const serverAction = request.method === 'POST' && request.headers.has('next-action');
  if (!api && !serverAction && !NO_SIGN_IN_REDIRECT.test(request.nextUrl.pathname)) {
    const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
    if (!hasCookie) {
      const url = request.nextUrl.clone();
      url.pathname = '/login';
      url.search = '';
      const back = request.nextUrl.pathname + request.nextUrl.search;
      if (back !== '/') url.searchParams.set('callbackUrl', back);
      return withSecurity(NextResponse.redirect(url));
    }
  }

  // The page renders with the nonce: Next.js takes it from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  const csp = security['Content-Security-Policy'];
  if (csp) requestHeaders.set('Content-Security-Policy', csp);
  return withSecurity(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** Paths the signed-out redirect leaves alone (as the matcher did before it ran everywhere). */
const NO_SIGN_IN_REDIRECT = /^\/(?:login|offline$|api\/|_next\/static|_next\/image|favicon\.ico|icon\.svg|robots\.txt)/;

export const config = {
  matcher: [
    // Not the static files (next.config.ts gives them the static headers), not the service
    // worker script (a static file built at `next build`, with the worker's own CSP from
    // next.config.ts; a redirect to sign-in would break its update check), and not the photo
    // upload: the proxy buffers a body up to 10 MB only, and a photo may be 10 MB plus framing.
    '/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|serwist/|api/reports/[^/]+/photos$).*)',
  ],
};
