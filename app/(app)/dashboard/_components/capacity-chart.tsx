import Link from 'next/link';
import type { CapacityProgress } from '@/lib/dashboard/types';
import { formatCapacity, formatDate } from '@/lib/format';
import { getTranslations } from '@/lib/i18n/server-translations';
import { Chart } from './chart';
import { ChartCard } from './chart-card';
import { chartContext } from './chart-context';
import { barsHeight, capacityOption, percent, projectName } from './chart-options';
import type { ChartTable, ChartTheme } from './chart-types';

/** The drawing's width: about the panel's box on a desktop (five twelfths), on the screen a quarter of 1920 px. */
const WIDTH = { light: 500, dark: 440 };

export async function CapacityChart({
  capacity,
  theme = 'light',
  maxHeight,
  className,
}: {
  capacity: CapacityProgress;
  theme?: ChartTheme;
  maxHeight?: number;
  className?: string;
}) {
  const [t, tUnit, ctx] = await Promise.all([getTranslations('dashboard.chart'), getTranslations('dashboard.unit'), chartContext(theme)]);
  const option = capacityOption(capacity.projects, ctx, {
    connected: t('capacityConnected'),
    notConnected: t('capacityNotConnected'),
    unit: tUnit('capacity'),
  });
  const dark = theme === 'dark';
  const cap = (v: number | null) => formatCapacity(v, '万千瓦', ctx.locale);
  const goal = capacity.target ?? null;
  const share = goal ? capacity.connected / goal : null;
  const plannedShare = goal ? Math.min(1, capacity.planned / goal) : null;
  const table: ChartTable = {
    caption: t('capacityProjects'),
    head: [t('project'), t('capacity'), t('status'), t('connectedOn')],
    rows: [...capacity.projects]
      .sort((a, b) => b.capacity - a.capacity)
      .map((x) => ({
        key: String(x.projectId),
        cells: [
          projectName(x, ctx.locale),
          cap(x.capacity),
          x.connected ? t('capacityConnected') : t('capacityNotConnected'),
          formatDate(x.connectedOn, ctx.locale),
        ],
        href: x.href,
      })),
  };
  const summary: ChartTable = {
    caption: t('capacity'),
    head: ['', t('capacity')],
    rows: [
      { key: 'connected', cells: [t('capacityConnected'), cap(capacity.connected)] },
      { key: 'planned', cells: [t('capacityPlanned'), cap(capacity.planned)] },
      { key: 'target', cells: [t('capacityTarget'), goal === null ? t('capacityNoTarget') : cap(goal)] },
    ],
  };
  return (
    <ChartCard
      title={t('capacity')}
      subtitle={
        dark ? undefined : (
          <>
            {capacity.countyScope
              ? null
              : goal === null
                ? t('capacityNoTarget')
                : capacity.targetYear
                  ? t('capacitySubYear', { target: cap(goal), year: capacity.targetYear })
                  : t('capacitySub', { target: cap(goal) })}
            {capacity.targetQuote ? (
              <span className="mt-0.5 block text-slate-400">{t('capacityQuote', { quote: capacity.targetQuote })}</span>
            ) : null}
            <span className="mt-0.5 block text-slate-400" data-testid="capacity-basis">
              {capacity.countyScope ? t('capacityBasisCounty') : t('capacityBasis')}
            </span>
          </>
        )
      }
      tables={[summary, table]}
      theme={theme}
      className={className}
      testId="chart-capacity"
      aside={
        <div className="mb-3" data-testid="capacity-progress">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className={dark ? 'text-lg text-slate-300' : 'text-sm text-slate-600'}>
              <span className={`font-semibold tabular-nums ${dark ? 'text-4xl text-emerald-400' : 'text-2xl text-emerald-700'}`}>
                {cap(capacity.connected)}
              </span>
              {capacity.countyScope ? null : (
                <span className="mx-1.5" aria-hidden>
                  /
                </span>
              )}
              {capacity.countyScope ? null : (
                <span>
                  {t('capacityTarget')} {goal === null ? t('capacityNoTarget') : cap(goal)}
                </span>
              )}
            </p>
            {share !== null ? (
              <p className={`font-medium ${dark ? 'text-lg text-slate-200' : 'text-sm text-slate-700'}`}>
                {t('capacityOfTarget', { percent: percent(share, ctx.locale) })}
              </p>
            ) : null}
          </div>
          {goal !== null ? (
            <div
              className={`relative mt-2 overflow-hidden rounded-full ${dark ? 'h-4 bg-white/10' : 'h-3 bg-slate-100'}`}
              role="progressbar"
              aria-label={t('capacity')}
              aria-valuemin={0}
              aria-valuemax={goal}
              aria-valuenow={capacity.connected}
              aria-valuetext={`${cap(capacity.connected)} / ${cap(goal)}`}
            >
              <div
                className={`absolute inset-y-0 left-0 ${dark ? 'bg-sky-500/30' : 'bg-brand-100'}`}
                style={{ width: `${(plannedShare ?? 0) * 100}%` }}
              />
              <div
                className="absolute inset-y-0 left-0 rounded-full bg-emerald-500"
                style={{ width: `${Math.min(1, share ?? 0) * 100}%` }}
              />
            </div>
          ) : null}
          <ul className={`mt-2 flex flex-wrap gap-x-4 gap-y-1 ${dark ? 'text-base text-slate-300' : 'text-xs text-slate-600'}`}>
            {[
              {
                key: 'connected',
                label: t('capacityConnected'),
                dot: 'bg-emerald-500',
                value: capacity.connected,
                figure: capacity.connectedProjects,
              },
              {
                key: 'pending',
                label: t('capacityNotConnected'),
                dot: dark ? 'bg-sky-500/60' : 'bg-[#9dbbe8]',
                value: capacity.planned - capacity.connected,
                figure: capacity.pendingProjects,
              },
              {
                key: 'all',
                label: t('capacityPlanned'),
                dot: dark ? 'bg-white/30' : 'bg-slate-300',
                value: capacity.planned,
                figure: capacity.all,
              },
            ].map((x) => (
              <li key={x.key}>
                <Link
                  prefetch={false}
                  href={x.figure.href}
                  data-testid={`figure-capacity-${x.key}`}
                  data-count={x.figure.count}
                  className={`inline-flex items-center gap-1.5 rounded hover:underline ${dark ? 'hover:text-white' : 'hover:text-brand-700'}`}
                >
                  <span className={`inline-block h-2 w-2 rounded-full ${x.dot}`} aria-hidden />
                  {x.label} {cap(x.value)} · {t('capacityProjectCount', { count: x.figure.count })}
                </Link>
              </li>
            ))}
            {capacity.unknownProjects.count > 0 ? (
              <li>
                <Link
                  prefetch={false}
                  href={capacity.unknownProjects.href}
                  data-testid="figure-capacity-unknown"
                  data-count={capacity.unknownProjects.count}
                  className={`inline-flex items-center gap-1.5 rounded hover:underline ${dark ? 'hover:text-white' : 'hover:text-brand-700'}`}
                >
                  <span className="inline-block h-2 w-2 rounded-full border border-slate-400" aria-hidden />
                  {t('capacityUnknown', { count: capacity.unknownProjects.count })}
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      }
    >
      {capacity.projects.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">{t('capacityEmpty')}</p>
      ) : (
        <div className={maxHeight ? 'overflow-y-auto' : ''} style={maxHeight ? { maxHeight } : undefined}>
          <Chart
            option={option}
            width={WIDTH[theme]}
            height={barsHeight(capacity.projects.length, ctx, 120)}
            phone={theme !== 'dark'}
            label={t('label.capacity')}
            testId="echart-capacity"
          />
        </div>
      )}
    </ChartCard>
  );
}
