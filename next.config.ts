import type { NextConfig } from 'next';
import { withSerwist } from '@serwist/turbopack';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CSP, hstsValue, STATIC_SECURITY_HEADERS, WORKER_CSP } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const header = (key: string, value: string) => ({ key, value });

// A malformed HSTS_MAX_AGE stops the start here, not every request in the proxy.
hstsValue();

const nextConfig: NextConfig = {
  // PGlite (WASM + data files) and the native bindings (argon2, sharp) must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'sharp'],
  // A separate build directory lets a benchmark or a second checkout build beside the dev server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1'],
  typedRoutes: false,
  // forbidden() answers 403 with the nearest forbidden.tsx (a page the actor may not open).
  experimental: { authInterrupts: true },
  /**
   * The headers that do not change per request, on every path: pages, app/api, static files and
   * the paths the proxy does not run on. The nonce CSP of pages, the API's CSP and HSTS are set
   * per request by proxy.ts (lib/http/security-headers.ts); API_CSP here covers the API paths the
   * proxy leaves out (the photo upload). The service worker script (not run through the proxy)
   * has its own policy, which governs the worker's fetches.
   */
  async headers() {
    const always = Object.entries(STATIC_SECURITY_HEADERS).map(([k, v]) => header(k, v));
    return [
      { source: '/:path*', headers: always },
      { source: '/api/:path*', headers: [header('Content-Security-Policy', API_CSP)] },
      { source: '/serwist/:path*', headers: [header('Content-Security-Policy', WORKER_CSP)] },
    ];
  },
};

// withSerwist keeps esbuild out of the server bundle: it builds the service worker at `next build`
// (app/serwist/[path]/route.ts).
export default withSerwist(withNextIntl(nextConfig));
