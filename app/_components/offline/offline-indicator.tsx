'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The server renders the page online; the browser's own answer replaces it after hydration. */
const online = () => navigator.onLine;
const onlineOnServer = () => true;

/**
 * Says plainly, on every signed-in page, that the device is offline and that what it shows is
 * what was last loaded (the service worker's kept copy, or the page as it was when the network
 * went away). The status region is always there, so a screen reader announces the change.
 */
export function OfflineIndicator() {
  const t = useTranslations('common.offlineMode');
  const isOnline = useSyncExternalStore(subscribe, online, onlineOnServer);
  return (
    <div role="status" className="contents">
      {isOnline ? null : (
        <p data-testid="offline-indicator" className="w-full bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
          {t('indicator')}
        </p>
      )}
    </div>
  );
}
