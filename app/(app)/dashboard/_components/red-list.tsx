import Link from 'next/link';
import { Suspense } from 'react';
import { StatusBadge } from '@/app/_components/badges';
import type { Actor } from '@/lib/authz';
import { getRedList } from '@/lib/dashboard/red-list';
import type { Locale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { type RedListView, redListView } from './red-list-view';

const DOT = { red: 'bg-red-500', yellow: 'bg-amber-400' } as const;
const WORD = { red: 'text-red-800', yellow: 'text-amber-900' } as const;

/**
 * 红灯项目: the latest period's red, then yellow projects, each with the reason (as the lights
 * page words it), its leader and its open problems; every row links to the project. Streams on
 * its own (the figures above do not wait for it).
 */
export function RedListSection({ actor, locale, year }: { actor: Actor; locale: Locale; year: number }) {
  return (
    <section
      id="red-list"
      aria-labelledby="red-list-title"
      className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
      data-testid="red-list"
    >
      <Suspense fallback={<div className="h-32 animate-pulse rounded bg-slate-100" aria-busy="true" />}>
        <RedListBody actor={actor} locale={locale} year={year} />
      </Suspense>
    </section>
  );
}

async function RedListBody({ actor, locale, year }: { actor: Actor; locale: Locale; year: number }) {
  const [list, t] = await Promise.all([getRedList(actor, year), getTranslations('dashboard.redList')]);
  const view = redListView(list, locale);
  return (
    <>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="red-list-title" className="text-base font-semibold text-slate-900">
            {t('title')}
          </h2>
          {view.period ? (
            <p
              className="mt-0.5 text-xs text-slate-500"
              data-testid="red-list-period"
              data-period-id={list.period?.id}
              data-red={view.counts.red}
              data-yellow={view.counts.yellow}
            >
              {t('period', { period: view.period })} · {view.countsLabel}
            </p>
          ) : null}
        </div>
        {view.period ? (
          <nav className="flex gap-3 text-sm" aria-label={t('title')}>
            <Link href={view.lightsHref.red} className="font-medium text-brand-700 hover:underline">
              {t('allRed')}
            </Link>
            <Link href={view.lightsHref.yellow} className="font-medium text-brand-700 hover:underline">
              {t('allYellow')}
            </Link>
          </nav>
        ) : null}
      </div>
      {view.period === null ? (
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : view.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('allClear')}</p>
      ) : (
        <RedListRows view={view} />
      )}
      {view.more > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          <Link href={view.lightsHref.red} className="hover:underline">
            {t('more', { count: view.more })}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function RedListRows({ view }: { view: RedListView }) {
  return (
    <ol className="divide-y divide-slate-100">
      {view.rows.map((r) => (
        <li key={r.projectId} className="py-2.5" data-testid={`red-row-${r.code}`} data-light={r.light}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className={`inline-flex items-center gap-1.5 whitespace-nowrap text-xs font-semibold ${WORD[r.light]}`}>
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[r.light]}`} />
              {r.lightLabel}
            </span>
            <Link href={r.href} className="font-medium text-brand-700 hover:underline">
              {r.name}
            </Link>
            <span className="font-mono text-xs text-slate-500">{r.code}</span>
            <StatusBadge status={r.status} label={r.statusLabel} />
          </div>
          <p className="mt-1 text-sm text-slate-800" data-testid="red-row-reason">
            {r.reason}
          </p>
          {r.statusNote ? <p className="mt-0.5 text-xs text-amber-900">{r.statusNote}</p> : null}
          <p className="mt-0.5 flex flex-wrap gap-x-4 text-xs text-slate-500">
            <span>{r.leader}</span>
            <Link href={r.problemsHref} className={r.openProblems > 0 ? 'text-red-700 hover:underline' : 'hover:underline'}>
              {r.openProblemsLabel}
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
