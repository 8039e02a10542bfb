import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { PeriodSummary } from '@/lib/reports/queries';
import { periodLabel } from './report-format';

/** Submitted or approved, as a share of the reports expected. */
export function doneCount(p: PeriodSummary): number {
  return p.stats.submitted + p.stats.approved;
}

export function CompletionBar({ p, className = '' }: { p: PeriodSummary; className?: string }) {
  const total = p.stats.total || 1;
  const approved = (p.stats.approved / total) * 100;
  const submitted = (p.stats.submitted / total) * 100;
  return (
    <div className={`flex h-1.5 overflow-hidden rounded-full bg-slate-200 ${className}`} aria-hidden>
      <div className="bg-emerald-500" style={{ width: `${approved}%` }} />
      <div className="bg-sky-500" style={{ width: `${submitted}%` }} />
    </div>
  );
}

/**
 * The periods, newest first: on a phone a row of cards that scrolls sideways, on a desktop a
 * column beside the selected period.
 */
export async function PeriodList({
  periods,
  selectedId,
  locale,
  hrefFor,
}: {
  periods: PeriodSummary[];
  selectedId: number | null;
  locale: Locale;
  hrefFor: (id: number) => string;
}) {
  const t = await getTranslations();
  return (
    <nav aria-label={t('reports.periods.title')} className="min-w-0">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{t('reports.periods.title')}</h2>
      <ul
        className="-mx-3 flex snap-x gap-2 overflow-x-auto px-3 pb-2 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0 lg:pb-0"
        data-testid="period-list"
      >
        {periods.map((p) => {
          const selected = p.id === selectedId;
          return (
            <li key={p.id} className="min-w-[11rem] snap-start lg:min-w-0">
              <Link
                href={hrefFor(p.id)}
                aria-current={selected ? 'page' : undefined}
                data-testid={`period-${p.id}`}
                className={`block rounded-lg border px-3 py-2.5 text-sm shadow-sm transition ${
                  selected
                    ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600'
                    : 'border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50'
                }`}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`font-medium ${selected ? 'text-brand-800' : 'text-slate-900'}`}>{periodLabel(t, p, locale)}</span>
                  <span className="shrink-0 text-xs text-slate-500">{t(`enums.periodKind.${p.kind}`)}</span>
                </span>
                <span className="mt-0.5 block text-xs text-slate-500">
                  {t('reports.period.due', { date: formatDate(p.dueDate, locale) })}
                </span>
                <CompletionBar p={p} className="mt-2" />
                <span className="mt-1 flex justify-between text-xs text-slate-600">
                  <span>{t('reports.periods.completion', { done: doneCount(p), total: p.stats.total })}</span>
                  {p.stats.overdue > 0 ? (
                    <span className="font-medium text-red-700">
                      {t('reports.stats.overdue')} {p.stats.overdue}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
