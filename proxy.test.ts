import { readdirSync } from 'node:fs';
import path from 'node:path';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIES } from '@/lib/auth/cookie-names';
import { API_CSP, STATIC_SECURITY_HEADERS, WORKER_CSP } from '@/lib/http/security-headers';
import nextConfig from './next.config';
import { config, proxy } from './proxy';

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
const signedIn = { cookie: `${SESSION_COOKIES[0]}=x` };

/** Every route in app/ as a URL: [id] segments as 1, route groups and private folders dropped. */
function appRoutes(): { url: string; kind: 'page' | 'api'; file: string }[] {
  const out: { url: string; kind: 'page' | 'api'; file: string }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_')) continue;
        const seg = /^\(.*\)$/.test(entry.name) ? null : entry.name.replace(/^\[\.\.\.(\w+)\]$/, 'session').replace(/^\[\w+\]$/, '1');
        walk(path.join(dir, entry.name), seg === null ? segments : [...segments, seg]);
      } else if (entry.name === 'page.tsx' || entry.name === 'route.ts') {
        const url = `/${segments.join('/')}`;
        out.push({ url, kind: entry.name === 'route.ts' ? 'api' : 'page', file: path.join(dir, entry.name) });
      }
    }
  };
  walk(path.join(process.cwd(), 'app'), []);
  return out;
}

const ROUTES = appRoutes();
const PAGES = ROUTES.filter((r) => r.kind === 'page');
// The service worker script (app/serwist/[path]/route.ts) is a static file the proxy leaves out.
const APIS = ROUTES.filter((r) => r.kind === 'api' && !r.url.startsWith('/serwist/'));
const UPLOAD = '/api/reports/1/photos';

function cspOf(res: Response): Map<string, string> {
  const value = res.headers.get('content-security-policy') ?? '';
  return new Map(
    value
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/, 1)[0]!, d] as const),
  );
}

describe('proxy: signed-out visitors of pages go to the sign-in page', () => {
  it('sends a signed-out request for the session check page to the sign-in page, and back after', async () => {
    expect(matches('/session-check')).toBe(true);
    const res = await proxy(new NextRequest('http://localhost/session-check'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?callbackUrl=%2Fsession-check');
  });

  it('sends the root without a callbackUrl, and keeps the query of a deeper page', async () => {
    expect((await proxy(new NextRequest('http://localhost/'))).headers.get('location')).toBe('http://localhost/login');
    expect((await proxy(new NextRequest('http://localhost/projects?page=2'))).headers.get('location')).toBe(
      'http://localhost/login?callbackUrl=%2Fprojects%3Fpage%3D2',
    );
  });

  it('lets a request with a session cookie through (the page itself checks the session)', async () => {
    const req = new NextRequest('http://localhost/session-check', { headers: signedIn });
    expect((await proxy(req)).headers.get('location')).toBeNull();
  });

  it('does not redirect a signed-out server action: the action answers UNAUTHENTICATED and the form keeps the input', async () => {
    const req = new NextRequest('http://localhost/projects/1/milestones/2/edit', {
      method: 'POST',
      headers: { 'next-action': 'abc123', origin: 'http://localhost', 'content-type': 'text/plain;charset=UTF-8' },
      body: '[{"id":2}]',
    });
    const res = await proxy(req);
    expect(res.headers.get('location')).toBeNull();
    expect(res.status).toBe(200);
  });

  it('never redirects the sign-in page, the offline page, the API (it answers 401 itself) or the health check', async () => {
    for (const url of [
      '/login',
      '/login?callbackUrl=%2Fprojects',
      '/offline',
      '/api/health',
      '/api/milestones/1',
      '/api/exports/registry.xlsx',
    ]) {
      const res = await proxy(new NextRequest(`http://localhost${url}`));
      expect(res.headers.get('location'), url).toBeNull();
      expect(res.status, url).toBe(200);
    }
  });
});

describe(`proxy: the security headers of every route (${PAGES.length} pages, ${APIS.length} API routes found in app/)`, () => {
  it('finds the routes', () => {
    expect(PAGES.map((p) => p.url)).toEqual(
      expect.arrayContaining(['/login', '/dashboard', '/projects/1/edit', '/meetings/1/print/table']),
    );
    expect(APIS.map((p) => p.url)).toEqual(expect.arrayContaining(['/api/health', UPLOAD]));
  });

  it.each(PAGES.map((p) => [p.url, p.file]))('page %s: a nonce CSP that Next.js reads from the request', async (url) => {
    expect(matches(url)).toBe(true);
    for (const headers of [{}, signedIn]) {
      const res = await proxy(new NextRequest(`http://localhost${url}`, { headers }));
      const csp = cspOf(res);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get('script-src') ?? '')?.[1];
      expect(nonce, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(csp.get('script-src')).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(csp.get('default-src')).toBe("default-src 'self'");
      expect(csp.get('frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(csp.get('object-src')).toBe("object-src 'none'");
      expect(csp.get('base-uri')).toBe("base-uri 'self'");
      expect(csp.get('form-action')).toBe("form-action 'self'");
      expect(csp.get('img-src')).toBe("img-src 'self' data: blob:");
      expect(csp.get('connect-src')).toBe("connect-src 'self'");
      // Inline style attributes (React, ECharts' tooltip) need 'unsafe-inline', which a nonce would disable.
      expect(csp.get('style-src')).toBe("style-src 'self' 'unsafe-inline'");
      if (res.status === 200) {
        // NextResponse.next() hands the request's new headers to the page as x-middleware-request-*.
        expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(res.headers.get('content-security-policy'));
      }
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('a new nonce for every request', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await proxy(new NextRequest('http://localhost/dashboard', { headers: signedIn }));
      nonces.add(cspOf(res).get('script-src')!);
    }
    expect(nonces.size).toBe(20);
  });

  it.each(APIS.filter((a) => a.url !== UPLOAD).map((a) => [a.url]))('API %s: through the proxy, no page CSP', async (url) => {
    expect(matches(url)).toBe(true);
    const res = await proxy(new NextRequest(`http://localhost${url}`));
    expect(res.headers.get('content-security-policy')).toBeNull(); // API_CSP comes from next.config.ts
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBeNull();
  });

  it('leaves out the photo upload (its body may pass the 10 MB the proxy buffers), the static files and the service worker', () => {
    for (const url of [
      UPLOAD,
      '/_next/static/chunks/app.js',
      '/_next/image?url=x',
      '/favicon.ico',
      '/icon.svg',
      '/robots.txt',
      '/serwist/sw.js',
    ]) {
      expect(matches(url), url).toBe(false);
    }
    expect(matches('/api/reports/1/photos/x')).toBe(true);
    expect(matches('/api/photos/1')).toBe(true);
    // The offline page is a page like the others: the proxy gives it its nonce CSP.
    expect(matches('/offline')).toBe(true);
  });

  it('HSTS only over HTTPS (a TLS-terminating proxy says so in X-Forwarded-Proto), on pages and the API', async () => {
    for (const url of ['/login', '/dashboard', '/api/health']) {
      const https = await proxy(new NextRequest(`http://localhost${url}`, { headers: { ...signedIn, 'x-forwarded-proto': 'https' } }));
      expect(https.headers.get('strict-transport-security'), url).toBe('max-age=31536000; includeSubDomains');
      const direct = await proxy(new NextRequest(`https://localhost${url}`, { headers: signedIn }));
      expect(direct.headers.get('strict-transport-security'), url).toBe('max-age=31536000; includeSubDomains');
      const http = await proxy(new NextRequest(`http://localhost${url}`, { headers: { ...signedIn, 'x-forwarded-proto': 'http' } }));
      expect(http.headers.get('strict-transport-security'), url).toBeNull();
    }
  });

  it('the redirect to the sign-in page carries the headers too', async () => {
    const res = await proxy(new NextRequest('http://localhost/projects', { headers: { 'x-forwarded-proto': 'https' } }));
    expect(res.status).toBe(307);
    expect(cspOf(res).get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).not.toBeNull();
  });
});

describe('next.config.ts: the static headers on every path, the API policy on app/api', () => {
  it('answers them for /:path* and API_CSP for /api/:path*', async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === '/:path*');
    expect(Object.fromEntries(all!.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    expect(STATIC_SECURITY_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(STATIC_SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(self\).*geolocation=\(self\)/);
    const api = rules.find((r) => r.source === '/api/:path*');
    expect(api!.headers).toEqual([{ key: 'Content-Security-Policy', value: API_CSP }]);
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("gives the service worker script the worker's policy: it may fetch this site only", async () => {
    const rules = await nextConfig.headers!();
    const worker = rules.find((r) => r.source === '/serwist/:path*');
    expect(worker!.headers).toEqual([{ key: 'Content-Security-Policy', value: WORKER_CSP }]);
    expect(WORKER_CSP).toBe("default-src 'none'; connect-src 'self'; script-src 'self'");
  });

  it('enables forbidden() (authInterrupts)', () => {
    expect(nextConfig.experimental?.authInterrupts).toBe(true);
  });
});
