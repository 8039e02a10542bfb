import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIES } from '@/lib/auth/cookie-names';
import { config, proxy } from './proxy';

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe('proxy: signed-out visitors of pages go to the sign-in page', () => {
  it('leaves the health check alone: a load balancer has no session', () => {
    expect(matches('/api/health')).toBe(false);
  });

  it('sends a signed-out request for the session check page to the sign-in page, and back after', () => {
    expect(matches('/session-check')).toBe(true);
    const res = proxy(new NextRequest('http://localhost/session-check'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?callbackUrl=%2Fsession-check');
  });

  it('lets a request with a session cookie through (the page itself checks the session)', () => {
    const req = new NextRequest('http://localhost/session-check', { headers: { cookie: `${SESSION_COOKIES[0]}=x` } });
    expect(proxy(req).headers.get('location')).toBeNull();
  });
});
