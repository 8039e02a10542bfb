'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { SaveState } from './use-resilient-save';

const box = 'flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border px-3 py-2 text-sm';
const action = 'rounded border border-current px-2 py-0.5 text-xs font-medium hover:bg-white/60';

/**
 * What a form says about the input kept on this device: restored after a reload or a sign-in,
 * waiting for the network, waiting for a new sign-in, or a request that failed on the way. The
 * sign-in link returns to this page, where the kept input is restored and the save completes.
 */
export function SaveStatus({
  state,
  restoredAt,
  onDiscard,
  onRetry,
}: {
  state: SaveState;
  /** When the restored input was kept (ms), or null when nothing was restored. */
  restoredAt: number | null;
  onDiscard: () => void;
  onRetry: () => void;
}) {
  const t = useTranslations('common.draft');
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  if (state.kind === 'offline') {
    return (
      <div role="status" className={`${box} border-amber-300 bg-amber-50 text-amber-900`} data-testid="save-offline">
        <span>{t('offline')}</span>
        <button type="button" className={action} onClick={onRetry}>
          {t('retryNow')}
        </button>
      </div>
    );
  }
  if (state.kind === 'signedOut') {
    const back = typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;
    return (
      <div role="alert" className={`${box} border-amber-300 bg-amber-50 text-amber-900`} data-testid="save-signed-out">
        <span>{t('signedOut')}</span>
        <a className={action} href={`/login?callbackUrl=${encodeURIComponent(back)}`}>
          {t('signIn')}
        </a>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert" className={`${box} border-red-200 bg-red-50 text-red-800`} data-testid="save-failed">
        <span>{t('failed', { ref: state.reference })}</span>
        <button type="button" className={action} onClick={onRetry}>
          {t('retryNow')}
        </button>
      </div>
    );
  }
  if (restoredAt !== null) {
    return (
      <div role="status" className={`${box} border-sky-200 bg-sky-50 text-sky-900`} data-testid="draft-restored">
        <span>{t('restored', { at: formatDateTime(new Date(restoredAt), locale, timeZone) })}</span>
        <button type="button" className={action} onClick={onDiscard}>
          {t('discard')}
        </button>
      </div>
    );
  }
  return null;
}
