'use client';

import { useEffect } from 'react';
import { clearPageCaches } from '@/lib/offline/clear-caches';

/**
 * On the sign-in page nobody is signed in: the pages the service worker kept for the last user
 * (after a sign-out, or a session that ended) are deleted before another user signs in.
 */
export function ClearOfflinePages() {
  useEffect(() => {
    clearPageCaches().catch((error: unknown) => console.warn('clearing the offline pages failed', error));
  }, []);
  return null;
}
