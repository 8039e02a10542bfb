import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server-translations';
import { type Light, MILESTONE_STATUSES } from '@/db/schema/enums';
import { registryHref } from '@/lib/dashboard/hrefs';
import type { Timeline, TimelineMilestone } from '@/lib/dashboard/types';
import type { Locale } from '@/lib/i18n/config';
import { projectName } from './chart-options';
import { TimelineChart } from './timeline-chart';
import { type CompactTimeline, dayNumber } from './timeline-data';

const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

const LIGHT_CODE: Record<Light, 'r' | 'y' | 'g'> = { red: 'r', yellow: 'y', green: 'g' };

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

/** The timeline in the compact form the client draws (timeline-data.ts), names in the page's language. */
export function compactTimeline(timeline: Timeline, locale: Locale): CompactTimeline {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const nameOf = (m: TimelineMilestone) => {
    const name = locale === 'en' ? (m.nameEn ?? m.nameZh) : m.nameZh;
    let i = nameIndex.get(name);
    if (i === undefined) {
      i = names.push(name) - 1;
      nameIndex.set(name, i);
    }
    return i;
  };
  const day = (v: string | null) => (v === null ? null : dayNumber(v));
  return {
    from: dayNumber(timeline.from),
    to: dayNumber(timeline.to),
    today: dayNumber(timeline.today),
    ticks: monthTicks(timeline.from, timeline.to, locale).map((tick) => [dayNumber(tick.date), tick.label, tick.major ? 1 : 0]),
    names,
    rows: timeline.projects.map((p) => [
      p.projectId,
      projectName(p, locale),
      p.light ? LIGHT_CODE[p.light] : '',
      p.milestones.map((m) => [
        nameOf(m),
        dayNumber(m.baseline ?? m.planned),
        day(m.forecast),
        day(m.actual),
        Math.max(0, (MILESTONE_STATUSES as readonly string[]).indexOf(m.status)),
        m.overdue ? 1 : 0,
      ]),
    ]),
  };
}

/**
 * The milestone timeline panel: the legend and the count come from the server, the drawing and
 * its table from TimelineChart in the browser, fed with compact data (dates as day numbers), so
 * that 30 projects × ~10 milestones do not weigh down the page as positioned elements.
 */
export async function TimelineView({ timeline, locale }: { timeline: Timeline; locale: Locale }) {
  const t = await getTranslations();
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
    <TimelineChart
      data={compactTimeline(timeline, locale)}
      title={t('dashboard.timeline.title')}
      aside={
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          {legend}
          <p
            className="text-xs text-slate-600"
            data-testid="timeline-count"
            data-shown={timeline.projects.length}
            data-total={timeline.total}
          >
            {t('dashboard.timeline.showing', { shown: timeline.projects.length, total: timeline.total })}
            {' · '}
            <Link href={registry} prefetch={false} className="text-brand-700 hover:underline">
              {t('dashboard.timeline.openRegistry')}
            </Link>
          </p>
        </div>
      }
    />
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
