import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIES } from '@/lib/auth/cookie-names';

/**
 * Only a convenience: sends page visitors without a session cookie to the sign-in page. It is never
 * the check: every page, action and route handler authorizes on its own (getActor()). API routes
 * are left out: they answer 401 in JSON, large uploads must not pass through the proxy, and the
 * load balancer's GET /api/health needs no session.
 */
export function proxy(request: NextRequest) {
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasCookie) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== '/') url.searchParams.set('callbackUrl', back);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!login|api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
