/// <reference lib="webworker" />
/**
 * The service worker (built by app/serwist/[path]/route.ts with Serwist, served at /serwist/sw.js
 * with scope /). It lets a project lead on a weak network open the pages they loaded before:
 *
 * - the app's static assets (/_next/static) and the offline page are precached at install;
 * - a full load of a kept page (lib/offline/cacheable.ts: the inbox, a report form, a project
 *   page, a milestone's form) goes to the network first and waits NETWORK_TIMEOUT_SECONDS for
 *   it; a 200 HTML answer replaces the kept copy, and without an answer the kept copy is shown;
 * - a kept page reached by a client-side link (an RSC request, which is not cached) is fetched
 *   once as a full page in the background when the page tells the worker (KEEP_PAGE_MESSAGE,
 *   app/_components/offline/service-worker.tsx), unless a copy younger than
 *   KEEP_PAGE_FRESH_SECONDS is kept; so a project a lead opened from a list opens offline too;
 * - any other page load without a network shows the offline page;
 * - nothing else is handled: API calls, exports, sign-in, server actions (POST) go to the
 *   network as if there were no worker.
 *
 * The kept pages are the signed-in user's: sign-out and the sign-in page delete them
 * (lib/offline/clear-caches.ts). A cached page keeps the CSP header it came with, whose nonce
 * is the one in its script tags, so it runs offline as it did online.
 */
import { NetworkFirst, NetworkOnly, type PrecacheEntry, Serwist, type SerwistPlugin } from 'serwist';
import {
  isCacheableNavigation,
  isCacheablePageResponse,
  isOtherNavigation,
  KEEP_PAGE_MESSAGE,
  keptCopyIsFresh,
  shouldKeepPage,
  NETWORK_TIMEOUT_SECONDS,
  OFFLINE_PATH,
  PAGE_CACHE,
} from './cacheable';

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Only a page the user was shown is kept: no error, no redirect to the sign-in page. */
const keepPagesSeen: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (isCacheablePageResponse(response) ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request }) => isCacheableNavigation(request, self.location.origin),
      handler: new NetworkFirst({ cacheName: PAGE_CACHE, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [keepPagesSeen] }),
    },
    { matcher: ({ request }) => isOtherNavigation(request, self.location.origin), handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: OFFLINE_PATH, matcher: ({ request }) => request.mode === 'navigate' }] },
});

serwist.addEventListeners();

/** Keeps the full page of a client-side navigation to a kept page (see above). */
async function keepPage(url: string): Promise<void> {
  if (!shouldKeepPage(url, self.location.origin)) return;
  const cache = await caches.open(PAGE_CACHE);
  const kept = await cache.match(url);
  if (kept && keptCopyIsFresh(kept.headers.get('date'), Date.now())) return;
  const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  if (isCacheablePageResponse(response)) await cache.put(url, response);
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown; url?: unknown } | null;
  if (data?.type !== KEEP_PAGE_MESSAGE || typeof data.url !== 'string') return;
  // Offline or refused: nothing is kept, and nothing else changes.
  event.waitUntil(keepPage(data.url).catch(() => undefined));
});
