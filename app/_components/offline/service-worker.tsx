'use client';

import { useEffect } from 'react';
import { SW_URL } from '@/lib/offline/cacheable';

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
  return null;
}
