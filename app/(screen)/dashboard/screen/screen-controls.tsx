'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

/**
 * The screen's own controls: reloads the data every `seconds` (router.refresh re-renders the page
 * on the server, keeping the client state), shows when the data shown was read, full screen on/off.
 */
export function ScreenControls({ renderedAt, seconds }: { renderedAt: string; seconds: number }) {
  const t = useTranslations('dashboard.screen');
  const locale = toLocale(useLocale());
  // The deployment's zone, from the server (lib/i18n/request.ts via next-intl's provider).
  const timeZone = useTimeZone();
  const router = useRouter();
  const [full, setFull] = useState(false);

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(id);
  }, [router, seconds]);

  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);

  const time = formatTime(renderedAt, locale, { seconds: true, timeZone });

  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  };

  return (
    <div className="flex items-center gap-4 text-lg">
      <p className="text-right leading-tight">
        <span className="block font-medium tabular-nums text-slate-100" data-testid="screen-updated" aria-live="polite">
          {t('updatedAt', { time })}
        </span>
        <span className="block text-sm text-slate-400">{t('refreshing', { seconds })}</span>
      </p>
      <button
        type="button"
        onClick={toggle}
        data-testid="screen-fullscreen"
        className="rounded-md border border-white/20 px-4 py-2 text-base text-slate-100 hover:bg-white/10 focus-visible:outline-sky-400"
      >
        {full ? t('exitFullscreen') : t('fullscreen')}
      </button>
      <Link
        href="/dashboard"
        className="rounded-md px-3 py-2 text-base text-slate-300 hover:bg-white/10 hover:text-white focus-visible:outline-sky-400"
      >
        {t('exit')}
      </Link>
    </div>
  );
}
