'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { fetchUnreadCount } from '@/lib/notifications/actions';

const REFRESH_MS = 60_000;

/**
 * 我的工作 in the header, with the number of unread notifications. The layout passes the count
 * it read on the server (`unreadCount(actor)` from lib/notifications/queries); the link then
 * keeps it current after client-side navigation, when the window regains focus, and every minute.
 */
export function InboxLink({ initialCount, className = '' }: { initialCount: number; className?: string }) {
  const t = useTranslations('common.nav');
  const ti = useTranslations('inbox');
  const first = useRef(true);
  const pathname = usePathname();
  const [count, setCount] = useState(initialCount);
  const active = pathname === '/inbox' || pathname.startsWith('/inbox/');

  // A server re-render (router.refresh() after marking read) brings a new initial count: take
  // it while rendering (React's pattern for state that follows a prop), not in an effect.
  const [serverCount, setServerCount] = useState(initialCount);
  if (serverCount !== initialCount) {
    setServerCount(initialCount);
    setCount(initialCount);
  }

  useEffect(() => {
    let alive = true;
    const refresh = () => {
      if (document.visibilityState === 'hidden') return;
      fetchUnreadCount()
        .then((n) => {
          if (alive) setCount(n);
        })
        .catch(() => {});
    };
    // The first render already has the server's count; later paths ask again.
    if (first.current) first.current = false;
    else refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [pathname]);

  return (
    <Link
      href="/inbox"
      aria-current={active ? 'page' : undefined}
      data-testid="inbox-link"
      className={`relative inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm ${active ? 'bg-white/20 font-medium' : 'text-white/85 hover:bg-white/10'} ${className}`}
    >
      {t('inbox')}
      {count > 0 ? (
        <>
          <span
            aria-hidden
            className="inline-flex min-w-5 items-center justify-center rounded-full bg-red-500 px-1.5 text-xs font-semibold leading-5 text-white tabular-nums"
            data-testid="unread-count"
          >
            {count > 99 ? '99+' : count}
          </span>
          <span className="sr-only">{ti('unreadCount', { count })}</span>
        </>
      ) : null}
    </Link>
  );
}
