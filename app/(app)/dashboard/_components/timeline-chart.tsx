'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { type ReactNode, useCallback } from 'react';
import { MILESTONE_STATUSES } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { useHydrated } from '@/app/_components/use-hydrated';
import { ChartCard } from './chart-card';
import type { ChartTable } from './chart-types';
import { type CompactMilestone, type CompactTimeline, isoDay } from './timeline-data';
import { TimelineScroller } from './timeline-scroller';

const LIGHT_DOT = { r: 'bg-red-500', y: 'bg-amber-400', g: 'bg-emerald-500', '': 'bg-slate-300' } as const;

/**
 * The milestone timeline, drawn in the browser from compact data (timeline-data.ts): one row per
 * project, its milestones as markers on a shared time axis (baseline or planned ◇, forecast ○,
 * actual ●, slippage as a bar, overdue in red), today as a vertical line. The server sends the
 * rows' names and links (they are in the HTML); the markers are drawn once the page runs, and the
 * table with every date is built when "Table" is pressed.
 */
export function TimelineChart({ data, title, aside }: { data: CompactTimeline; title: string; aside: ReactNode }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  // The markers are drawn in the browser only: false in the server render and while hydrating, then true.
  const drawn = useHydrated();

  const span = Math.max(1, data.to - data.from);
  const pct = (day: number) => Math.min(100, Math.max(0, ((day - data.from) / span) * 100));
  const todayPct = pct(data.today);
  const d = (day: number | null) => (day === null ? formatDate(null, locale) : formatDate(isoDay(day), locale));
  const statusLabel = (m: CompactMilestone) => {
    if (m[5]) return t('dashboard.timeline.overdue');
    const status = MILESTONE_STATUSES[m[4]];
    return status ? t(`enums.milestoneStatus.${status}`) : '—';
  };

  const tables = useCallback(
    (): ChartTable[] => [
      {
        caption: t('dashboard.timeline.tableCaption', { count: data.rows.length }),
        head: [
          t('dashboard.timeline.milestone'),
          t('dashboard.timeline.baseline'),
          t('dashboard.timeline.forecast'),
          t('dashboard.timeline.actual'),
          t('dashboard.timeline.status'),
        ],
        rows: data.rows.flatMap(([projectId, name, , milestones]) =>
          milestones.map((m, i) => ({
            key: `${projectId}-${i}`,
            cells: [`${name} · ${data.names[m[0]] ?? ''}`, d(m[1]), d(m[2]), d(m[3]), statusLabel(m)],
            href: `/projects/${projectId}`,
          })),
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- d and statusLabel are new functions every render but only read t and locale
    [data, t, locale],
  );

  return (
    <ChartCard title={title} tables={tables} testId="timeline" plain aside={aside}>
      {data.rows.length === 0 ? (
        <p
          className="rounded-md border border-dashed border-slate-300 py-10 text-center text-sm text-slate-500"
          data-testid="timeline-empty"
        >
          {t('dashboard.timeline.empty')}
        </p>
      ) : (
        <TimelineScroller
          todayPct={todayPct}
          className="overflow-x-auto rounded-md border border-slate-200 [--tl-label:9.5rem] sm:[--tl-label:16rem]"
          label={t('dashboard.timeline.region', { from: d(data.from), to: d(data.to) })}
        >
          <p className="sr-only">{t('dashboard.timeline.tableHint')}</p>
          <div className="relative min-w-[calc(var(--tl-label)+40rem)] text-xs" aria-hidden>
            {/* Month lines and today's line, behind the rows, over the time column only. */}
            <div className="pointer-events-none absolute inset-y-0 left-[var(--tl-label)] right-0">
              {data.ticks.map(([day, , major]) => (
                <span
                  key={day}
                  className={`absolute inset-y-0 w-px ${major ? 'bg-slate-300' : 'bg-slate-100'}`}
                  style={{ left: `${pct(day)}%` }}
                />
              ))}
              <span
                className="absolute inset-y-0 z-10 w-0.5 -translate-x-1/2 bg-red-500/80"
                style={{ left: `${todayPct}%` }}
                data-testid="timeline-today"
              />
            </div>
            {/* Axis */}
            <div className="sticky top-0 z-20 flex h-8 border-b border-slate-200 bg-slate-50/95">
              <div
                data-tl-label
                className="sticky left-0 z-20 flex w-[var(--tl-label)] shrink-0 items-center border-r border-slate-200 bg-slate-50 px-2 font-medium text-slate-600"
              >
                {t('dashboard.timeline.project')}
              </div>
              <div className="relative flex-1">
                {data.ticks.map(([day, label, major]) => (
                  <span
                    key={day}
                    className={`absolute top-1/2 -translate-y-1/2 whitespace-nowrap pl-1 ${major ? 'font-medium text-slate-700' : 'text-slate-500'}`}
                    style={{ left: `${pct(day)}%` }}
                  >
                    {label}
                  </span>
                ))}
                <span
                  className="absolute top-0 z-10 -translate-x-1/2 rounded-b bg-red-600 px-1 text-[10px] leading-4 text-white"
                  style={{ left: `${todayPct}%` }}
                >
                  {t('dashboard.timeline.today')}
                </span>
              </div>
            </div>
            {/* Rows */}
            <ul className="divide-y divide-slate-100">
              {data.rows.map(([projectId, name, light, milestones]) => (
                <li key={projectId} className="flex h-9 hover:bg-slate-50/60" data-testid="timeline-row">
                  <div className="sticky left-0 z-20 flex w-[var(--tl-label)] shrink-0 items-center gap-1.5 border-r border-slate-200 bg-white px-2">
                    <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${LIGHT_DOT[light]}`} />
                    <Link
                      href={`/projects/${projectId}`}
                      prefetch={false}
                      tabIndex={-1}
                      className="truncate text-slate-800 hover:text-brand-700 hover:underline"
                      title={name}
                    >
                      {name}
                    </Link>
                  </div>
                  <div className="relative flex-1">
                    {milestones.length === 0 ? (
                      <span className="absolute left-2 top-1/2 -translate-y-1/2 text-slate-400">
                        {t('dashboard.timeline.noMilestones')}
                      </span>
                    ) : drawn ? (
                      milestones.map((m, i) => <Marker key={i} m={m} name={data.names[m[0]] ?? ''} pct={pct} d={d} />)
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </TimelineScroller>
      )}
    </ChartCard>
  );
}

function Marker({
  m,
  name,
  pct,
  d,
}: {
  m: CompactMilestone;
  name: string;
  pct: (day: number) => number;
  d: (day: number | null) => string;
}) {
  const t = useTranslations('dashboard.timeline');
  const [, committed, forecast, actual, , overdue] = m;
  const title = `${t('tooltip', { name, baseline: d(committed), forecast: d(forecast), actual: d(actual) })}${overdue ? ` · ${t('overdue')}` : ''}`;
  const slipTo = actual ?? forecast;
  const slip = slipTo !== null && slipTo > committed ? { left: pct(committed), right: pct(slipTo) } : null;
  return (
    <span title={title} data-overdue={overdue ? 'true' : undefined}>
      {slip ? (
        <span
          className={`absolute top-1/2 h-1 -translate-y-1/2 rounded-full ${overdue ? 'bg-red-300' : 'bg-amber-300'}`}
          style={{ left: `${slip.left}%`, width: `${Math.max(0.2, slip.right - slip.left)}%` }}
        />
      ) : null}
      <span
        className={`absolute top-1/2 z-[1] h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rotate-45 border-2 ${
          overdue && forecast === null ? 'border-red-600 bg-red-100' : 'border-slate-500 bg-white'
        }`}
        style={{ left: `${pct(committed)}%` }}
      />
      {forecast !== null && actual === null ? (
        <span
          className={`absolute top-1/2 z-[2] h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 ${
            overdue ? 'border-red-600 bg-red-100' : 'border-brand-600 bg-white'
          }`}
          style={{ left: `${pct(forecast)}%` }}
        />
      ) : null}
      {actual !== null ? (
        <span
          className="absolute top-1/2 z-[3] h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-emerald-600 ring-2 ring-white"
          style={{ left: `${pct(actual)}%` }}
        />
      ) : null}
    </span>
  );
}
