import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Light, MilestoneStatus } from '@/db/schema/enums';
import { registryHref } from '@/lib/dashboard/hrefs';
import type { Timeline, TimelineMilestone } from '@/lib/dashboard/types';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { ChartCard } from './chart-card';
import { projectName } from './chart-options';
import type { ChartTable } from './chart-types';
import { TimelineScroller } from './timeline-scroller';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

const LIGHT_DOT: Record<Light, string> = { red: 'bg-red-500', yellow: 'bg-amber-400', green: 'bg-emerald-500' };

/** Month ticks between from and to: every 1, 2, 3, 6 or 12 months so that about 12 are labelled. */
export function monthTicks(from: string, to: string, locale: Locale): { date: string; label: string; major: boolean }[] {
  const start = new Date(ms(from));
  const end = ms(to);
  const months = (new Date(end).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(end).getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 6, 12].find((s) => months / s <= 12) ?? 12;
  const ticks: { date: string; label: string; major: boolean }[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
  // Align to the step (quarters start in Jan/Apr/Jul/Oct ...).
  while (m % step !== 0) m++;
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const t = Date.UTC(y, m, 1);
    if (t > end) break;
    const first = ticks.length === 0;
    const major = m === 0 || first;
    const label =
      step === 12
        ? locale === 'en'
          ? String(y)
          : `${y}年`
        : locale === 'en'
          ? new Date(t).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' }) + (major ? ` ${y}` : '')
          : major
            ? `${y}年${m + 1}月`
            : `${m + 1}月`;
    ticks.push({ date: new Date(t).toISOString().slice(0, 10), label, major });
    m += step;
  }
  return ticks;
}

/**
 * The milestone timeline: one row per project, its milestones as markers on a shared time axis
 * (baseline or planned ◇, forecast ○, actual ●, slippage as a bar, overdue in red), today as a
 * vertical line. Plain HTML/CSS (no chart code), scrolls sideways on phones; the same dates are
 * in the table behind the "Table" button.
 */
export async function TimelineView({ timeline, locale }: { timeline: Timeline; locale: Locale }) {
  const t = await getTranslations();
  const from = ms(timeline.from);
  const span = Math.max(DAY, ms(timeline.to) - from);
  const pct = (d: string) => Math.min(100, Math.max(0, ((ms(d) - from) / span) * 100));
  const todayPct = pct(timeline.today);
  const ticks = monthTicks(timeline.from, timeline.to, locale);
  const d = (v: string | null) => formatDate(v, locale);
  const mName = (m: TimelineMilestone) => (locale === 'en' ? (m.nameEn ?? m.nameZh) : m.nameZh);
  const statusLabel = (m: TimelineMilestone) =>
    m.overdue
      ? t('dashboard.timeline.overdue')
      : ['not_started', 'in_progress', 'done', 'delayed'].includes(m.status)
        ? t(`enums.milestoneStatus.${m.status as MilestoneStatus}`)
        : m.status;
  const tip = (m: TimelineMilestone) =>
    `${t('dashboard.timeline.tooltip', {
      name: mName(m),
      baseline: d(m.baseline ?? m.planned),
      forecast: d(m.forecast),
      actual: d(m.actual),
    })}${m.overdue ? ` · ${t('dashboard.timeline.overdue')}` : ''}`;

  const table: ChartTable = {
    caption: t('dashboard.timeline.tableCaption', { count: timeline.projects.length }),
    head: [
      t('dashboard.timeline.milestone'),
      t('dashboard.timeline.baseline'),
      t('dashboard.timeline.forecast'),
      t('dashboard.timeline.actual'),
      t('dashboard.timeline.status'),
    ],
    rows: timeline.projects.flatMap((p) =>
      p.milestones.map((m) => ({
        key: `${p.projectId}-${m.id}`,
        cells: [`${projectName(p, locale)} · ${mName(m)}`, d(m.baseline ?? m.planned), d(m.forecast), d(m.actual), statusLabel(m)],
        href: `/projects/${p.projectId}`,
      })),
    ),
  };
  const registry = registryHref({ category: timeline.filters.category, county: timeline.filters.county, leader: timeline.filters.leader });

  const legend = (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={t('dashboard.timeline.legend')}>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2.5 w-2.5 rotate-45 border-2 border-slate-500 bg-white" />
        {t('dashboard.timeline.baseline')} / {t('dashboard.timeline.planned')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full border-2 border-brand-600 bg-white" />
        {t('dashboard.timeline.forecast')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-emerald-600" />
        {t('dashboard.timeline.actual')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-1.5 w-5 rounded-full bg-amber-400" />
        {t('dashboard.timeline.slip')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full border-2 border-red-600 bg-red-100" />
        {t('dashboard.timeline.overdue')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-0.5 bg-red-500" />
        {t('dashboard.timeline.today')}
      </li>
    </ul>
  );

  return (
    <ChartCard
      title={t('dashboard.timeline.title')}
      tables={[table]}
      testId="timeline"
      plain
      aside={
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          {legend}
          <p className="text-xs text-slate-600" data-testid="timeline-count" data-shown={timeline.projects.length} data-total={timeline.total}>
            {t('dashboard.timeline.showing', { shown: timeline.projects.length, total: timeline.total })}
            {' · '}
            <Link href={registry} prefetch={false} className="text-brand-700 hover:underline">
              {t('dashboard.timeline.openRegistry')}
            </Link>
          </p>
        </div>
      }
    >
      {timeline.projects.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 py-10 text-center text-sm text-slate-500" data-testid="timeline-empty">
          {t('dashboard.timeline.empty')}
        </p>
      ) : (
        <TimelineScroller
          todayPct={todayPct}
          className="overflow-x-auto rounded-md border border-slate-200 [--tl-label:9.5rem] sm:[--tl-label:16rem]"
          label={t('dashboard.timeline.region', { from: d(timeline.from), to: d(timeline.to) })}
        >
          <div className="relative min-w-[calc(var(--tl-label)+40rem)] text-xs" aria-hidden>
            {/* Month lines and today's line, behind the rows, over the time column only. */}
            <div className="pointer-events-none absolute inset-y-0 left-[var(--tl-label)] right-0">
              {ticks.map((tick) => (
                <span key={tick.date} className={`absolute inset-y-0 w-px ${tick.major ? 'bg-slate-300' : 'bg-slate-100'}`} style={{ left: `${pct(tick.date)}%` }} />
              ))}
              <span className="absolute inset-y-0 z-10 w-0.5 -translate-x-1/2 bg-red-500/80" style={{ left: `${todayPct}%` }} data-testid="timeline-today" />
            </div>
            {/* Axis */}
            <div className="sticky top-0 z-20 flex h-8 border-b border-slate-200 bg-slate-50/95">
              <div data-tl-label className="sticky left-0 z-20 flex w-[var(--tl-label)] shrink-0 items-center border-r border-slate-200 bg-slate-50 px-2 font-medium text-slate-600">
                {t('dashboard.timeline.project')}
              </div>
              <div className="relative flex-1">
                {ticks.map((tick) => (
                  <span
                    key={tick.date}
                    className={`absolute top-1/2 -translate-y-1/2 whitespace-nowrap pl-1 ${tick.major ? 'font-medium text-slate-700' : 'text-slate-500'}`}
                    style={{ left: `${pct(tick.date)}%` }}
                  >
                    {tick.label}
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
              {timeline.projects.map((p) => (
                <li key={p.projectId} className="flex h-9 hover:bg-slate-50/60" data-testid="timeline-row">
                  <div className="sticky left-0 z-20 flex w-[var(--tl-label)] shrink-0 items-center gap-1.5 border-r border-slate-200 bg-white px-2">
                    <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${p.light ? LIGHT_DOT[p.light] : 'bg-slate-300'}`} />
                    <Link href={`/projects/${p.projectId}`} prefetch={false} tabIndex={-1} className="truncate text-slate-800 hover:text-brand-700 hover:underline" title={projectName(p, locale)}>
                      {projectName(p, locale)}
                    </Link>
                  </div>
                  <div className="relative flex-1">
                    {p.milestones.length === 0 ? (
                      <span className="absolute left-2 top-1/2 -translate-y-1/2 text-slate-400">{t('dashboard.timeline.noMilestones')}</span>
                    ) : null}
                    {p.milestones.map((m) => {
                      const committed = m.baseline ?? m.planned;
                      const title = tip(m);
                      const slipTo = m.actual ?? m.forecast;
                      const slip = slipTo && slipTo > committed ? { left: pct(committed), right: pct(slipTo) } : null;
                      return (
                        <span key={m.id} title={title} data-overdue={m.overdue ? 'true' : undefined}>
                          {slip ? (
                            <span
                              className={`absolute top-1/2 h-1 -translate-y-1/2 rounded-full ${m.overdue ? 'bg-red-300' : 'bg-amber-300'}`}
                              style={{ left: `${slip.left}%`, width: `${Math.max(0.2, slip.right - slip.left)}%` }}
                            />
                          ) : null}
                          <span
                            className={`absolute top-1/2 z-[1] h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rotate-45 border-2 ${
                              m.overdue && !m.forecast ? 'border-red-600 bg-red-100' : 'border-slate-500 bg-white'
                            }`}
                            style={{ left: `${pct(committed)}%` }}
                          />
                          {m.forecast && !m.actual ? (
                            <span
                              className={`absolute top-1/2 z-[2] h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 ${
                                m.overdue ? 'border-red-600 bg-red-100' : 'border-brand-600 bg-white'
                              }`}
                              style={{ left: `${pct(m.forecast)}%` }}
                            />
                          ) : null}
                          {m.actual ? (
                            <span
                              className="absolute top-1/2 z-[3] h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-emerald-600 ring-2 ring-white"
                              style={{ left: `${pct(m.actual)}%` }}
                            />
                          ) : null}
                        </span>
                      );
                    })}
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

export function TimelineSkeleton() {
  return (
    <div data-testid="timeline-loading" aria-busy="true">
      <div className="mb-3 h-5 w-72 animate-pulse rounded bg-slate-100" />
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-3">
            <div className="h-6 w-40 animate-pulse rounded bg-slate-100" />
            <div className="h-6 flex-1 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
