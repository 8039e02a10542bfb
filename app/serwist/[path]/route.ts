import { spawnSync } from 'node:child_process';
import { createSerwistRoute } from '@serwist/turbopack';
import { OFFLINE_PATH } from '@/lib/offline/cacheable';

/**
 * Builds the service worker (lib/offline/worker.ts) with esbuild at `next build` and serves it
 * at /serwist/sw.js (with `Service-Worker-Allowed: /`, so its scope is the whole app). The
 * precache list is the build's static assets plus the offline page, versioned by the commit.
 */
const revision = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf-8' }).stdout?.trim() || crypto.randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'lib/offline/worker.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: OFFLINE_PATH, revision }],
});
