'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { inboxSearch } from '@/lib/inbox/search-params';
import { markAllRead, markRead } from '@/lib/notifications/actions';

export interface NotificationItem {
  id: number;
  kind: string;
  href: string;
  title: string;
  detail: string | null;
  unread: boolean;
  at: string;
  atIso: string;
}

/**
 * The actor's notifications. Opening one marks it read; "mark read" and "mark all read"
 * change only the actor's own (the server makes sure).
 */
export function NotificationList({
  items,
  unread,
  page,
  pageCount,
}: {
  items: NotificationItem[];
  unread: number;
  page: number;
  pageCount: number;
}) {
  const t = useTranslations('inbox.notification');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const read = (id: number, then?: string) =>
    startTransition(async () => {
      const res = await markRead({ id });
      if (!res.ok) setError(res.message);
      if (then) router.push(then);
      router.refresh();
    });

  return (
    <section
      aria-labelledby="notifications-title"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="notifications"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="notifications-title" className="text-base font-semibold text-slate-900">
          {t('title')}
          {unread > 0 ? <span className="ml-2 text-sm font-normal text-slate-500">{t('unread', { count: unread })}</span> : null}
        </h2>
        {unread > 0 ? (
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const res = await markAllRead({});
                if (!res.ok) setError(res.message);
                router.refresh();
              })
            }
            className="text-sm text-brand-700 hover:underline disabled:opacity-60"
            data-testid="mark-all-read"
          >
            {t('markAllRead')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mx-4 mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((n) => (
            <li
              key={n.id}
              className={`flex items-start gap-3 px-4 py-3 ${n.unread ? 'bg-brand-50/50' : ''}`}
              data-testid="inbox-item"
              data-kind={n.kind}
              data-unread={n.unread ? '1' : '0'}
            >
              <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.unread ? 'bg-brand-600' : 'bg-transparent'}`} />
              <div className="min-w-0 flex-1">
                <Link
                  href={n.href}
                  onClick={(e) => {
                    if (!n.unread) return;
                    e.preventDefault();
                    read(n.id, n.href);
                  }}
                  className={`block break-words text-sm hover:text-brand-700 hover:underline ${n.unread ? 'font-medium text-slate-900' : 'text-slate-700'}`}
                >
                  {n.title}
                </Link>
                {n.detail ? <p className="mt-0.5 line-clamp-2 break-words text-xs text-slate-500">{n.detail}</p> : null}
                <div className="mt-1 flex items-center gap-3 text-xs text-slate-400">
                  <time dateTime={n.atIso}>{n.at}</time>
                  {n.unread ? (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => read(n.id)}
                      className="text-brand-700 hover:underline"
                      data-testid="mark-read"
                    >
                      {t('markRead')}
                      <span className="sr-only">：{n.title}</span>
                    </button>
                  ) : (
                    <span className="sr-only">{t('read')}</span>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-sm" aria-label={t('pages')}>
          {page > 1 ? (
            <Link href={inboxSearch.href('/inbox', { page: page - 1 })} className="text-brand-700 hover:underline">
              {t('newer')}
            </Link>
          ) : (
            <span />
          )}
          <span className="tabular-nums text-slate-500">{t('pageOf', { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link href={inboxSearch.href('/inbox', { page: page + 1 })} className="text-brand-700 hover:underline">
              {t('older')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
