'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RedListView } from '@/app/(app)/dashboard/_components/red-list-view';

/** Rows shown at a time, and how long each page stays. */
export const ROTATE_ROWS = 4;
export const ROTATE_SECONDS = 8;

const DOT = { red: 'bg-red-500', yellow: 'bg-amber-400' } as const;
const WORD = { red: 'text-red-300', yellow: 'text-amber-200' } as const;

function subscribeReducedMotion(onChange: () => void) {
  const mq = window.matchMedia('(prefers-reduced-motion: reduce)');
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The page of `rows` rows starting at `page` (wrapping): the first index and the rows. */
export function pageOf<T>(rows: readonly T[], page: number, size = ROTATE_ROWS): { from: number; rows: T[] } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = ((page % pages) + pages) % pages;
  return { from: p * size, rows: rows.slice(p * size, p * size + size) };
}

/**
 * The 大屏's red list: a few rows at a time, the next page every ROTATE_SECONDS seconds. It
 * pauses while the pointer or the keyboard focus is on it, or when paused by its button; it
 * does not turn pages by itself when the viewer prefers reduced motion (the buttons still do).
 */
export function RedListRotator({ view }: { view: RedListView }) {
  const t = useTranslations('dashboard.redList');
  const [page, setPage] = useState(0);
  const [hover, setHover] = useState(false);
  const [paused, setPaused] = useState(false);
  const reduced = useSyncExternalStore(subscribeReducedMotion, reducedMotion, () => false);
  const pages = Math.max(1, Math.ceil(view.rows.length / ROTATE_ROWS));
  const rotating = pages > 1 && !hover && !paused && !reduced;

  useEffect(() => {
    if (!rotating) return;
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), ROTATE_SECONDS * 1000);
    return () => window.clearInterval(id);
  }, [rotating, pages]);

  const shown = pageOf(view.rows, page);
  const total = view.rows.length;

  return (
    <section
      aria-labelledby="screen-red-list-title"
      className="rounded-xl border border-white/10 bg-white/[0.03] p-4"
      data-testid="screen-red-list"
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setHover(true)}
      onBlur={() => setHover(false)}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="screen-red-list-title" className="text-2xl font-semibold text-white">
          {t('title')}
          {view.period ? <span className="ml-3 text-lg font-normal text-slate-400">{t('period', { period: view.period })}</span> : null}
          {view.period ? <span className="ml-3 text-lg font-normal text-slate-300">{view.countsLabel}</span> : null}
        </h2>
        {pages > 1 ? (
          <div className="flex items-center gap-2 text-base text-slate-300">
            <span aria-live={rotating ? 'off' : 'polite'} data-testid="screen-red-list-pager">
              {t('rotating', { from: shown.from + 1, to: shown.from + shown.rows.length, total, seconds: ROTATE_SECONDS })}
              {!rotating ? ` · ${t('paused')}` : ''}
            </span>
            <button
              type="button"
              className="rounded-md border border-white/20 px-3 py-1 hover:bg-white/10"
              onClick={() => setPage((p) => (p - 1 + pages) % pages)}
            >
              {t('previous')}
            </button>
            <button
              type="button"
              className="rounded-md border border-white/20 px-3 py-1 hover:bg-white/10"
              onClick={() => setPaused((v) => !v)}
              aria-pressed={paused}
            >
              {paused ? t('resume') : t('pause')}
            </button>
            <button
              type="button"
              className="rounded-md border border-white/20 px-3 py-1 hover:bg-white/10"
              onClick={() => setPage((p) => (p + 1) % pages)}
            >
              {t('next')}
            </button>
          </div>
        ) : null}
      </div>
      {view.period === null ? (
        <p className="text-xl text-slate-400">{t('none')}</p>
      ) : total === 0 ? (
        <p className="text-xl text-slate-400">{t('allClear')}</p>
      ) : (
        <ol className="grid gap-3 lg:grid-cols-2" start={shown.from + 1}>
          {shown.rows.map((r) => (
            <li
              key={r.projectId}
              className="rounded-lg bg-white/[0.04] px-4 py-3"
              data-testid={`screen-red-row-${r.code}`}
              data-light={r.light}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className={`inline-flex items-center gap-2 text-lg font-semibold ${WORD[r.light]}`}>
                  <span aria-hidden className={`inline-block h-3.5 w-3.5 rounded-full ${DOT[r.light]}`} />
                  {r.lightLabel}
                </span>
                <Link href={r.href} className="text-xl font-semibold text-white hover:underline">
                  {r.name}
                </Link>
                <span className="text-base text-slate-400">{r.statusLabel}</span>
              </div>
              <p className="mt-1 text-lg text-slate-100">{r.reason}</p>
              {r.statusNote ? <p className="mt-0.5 text-base text-amber-200">{r.statusNote}</p> : null}
              <p className="mt-1 flex flex-wrap gap-x-6 text-base text-slate-400">
                <span>{r.leader}</span>
                <Link href={r.problemsHref} className={r.openProblems > 0 ? 'text-red-300 hover:underline' : 'hover:underline'}>
                  {r.openProblemsLabel}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
