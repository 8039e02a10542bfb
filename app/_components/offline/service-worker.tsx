'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { KEEP_PAGE_MESSAGE, shouldKeepPage, SW_URL } from '@/lib/offline/cacheable';

/**
 * Registers the service worker (lib/offline/worker.ts) in a production build, where the browser
 * has service workers. Under `next dev` there is no worker, and one left by a production run on
 * the same address is removed, so it cannot answer the dev server's pages from its cache.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    if (process.env.NODE_ENV !== 'production') {
      void navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister())));
      return;
    }
    navigator.serviceWorker.register(SW_URL, { scope: '/', updateViaCache: 'none' }).catch((error: unknown) => {
      // The app works without it; only opening pages offline does not.
      console.warn('service worker registration failed', error);
    });
  }, []);
  useKeepVisitedPages();
  return null;
}

/**
 * After a client-side navigation (next/link) to a page kept for offline use, asks the worker to
 * keep its full page: the RSC request that rendered it is not a page the worker can show later.
 * The first page of a visit was a full load, which the worker keeps by itself.
 */
function useKeepVisitedPages() {
  // The path only: the kept pages are a record's page, and offline they are opened by their path.
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const url = pathname;
    const worker = typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
    if (worker && shouldKeepPage(url, window.location.origin)) worker.postMessage({ type: KEEP_PAGE_MESSAGE, url });
  }, [pathname]);
}
