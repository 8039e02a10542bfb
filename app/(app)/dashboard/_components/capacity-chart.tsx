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
  const baseline = capacity.baseline;
  // What the target counts: the office's baseline (connected before the year, outside the registry) + the registry's.
  const share = goal ? capacity.cumulative / goal : null;
  const plannedShare = goal ? Math.min(1, (capacity.planned + (baseline?.amount ?? 0)) / goal) : null;
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
          x.connected
            ? x.connectedCapacity < x.capacity
              ? `${t('capacityConnected')} ${cap(x.connectedCapacity)}`
              : t('capacityConnected')
            : t('capacityNotConnected'),
          formatDate(x.connectedOn, ctx.locale),
        ],
        href: x.href,
      })),
  };
  const summary: ChartTable = {
    caption: t('capacity'),
    head: ['', t('capacity')],
    rows: [
      ...(capacity.countyScope
        ? []
        : [
            { key: 'cumulative', cells: [t('capacityCumulative'), cap(capacity.cumulative)] },
            {
              key: 'baseline',
              cells: [t('capacityBaseline', { year: capacity.year }), baseline ? cap(baseline.amount) : t('capacityNoBaselineShort')],
            },
          ]),
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
                ? capacity.otherYearTarget
                  ? t('capacityOtherYearTarget', {
                      target: cap(capacity.otherYearTarget.amount),
                      targetYear: capacity.otherYearTarget.year,
                      year: capacity.year,
                    })
                  : t('capacityNoTarget')
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
                {cap(capacity.cumulative)}
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
              aria-valuenow={capacity.cumulative}
              aria-valuetext={`${cap(capacity.cumulative)} / ${cap(goal)}`}
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
          {capacity.countyScope ? null : <BaselineLine capacity={capacity} cap={cap} dark={dark} />}
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
            {capacity.wholeProjects > 0 ? (
              <li data-testid="capacity-whole" data-count={capacity.wholeProjects}>
                {t('capacityWhole', { count: capacity.wholeProjects })}
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

/** baseline + registry = cumulative, with the baseline's source; or plainly that none is entered (and where, for the office). */
async function BaselineLine({ capacity, cap, dark }: { capacity: CapacityProgress; cap: (v: number | null) => string; dark: boolean }) {
  const t = await getTranslations('dashboard.chart');
  const b = capacity.baseline;
  return (
    <p className={`mt-2 ${dark ? 'text-base text-slate-300' : 'text-xs text-slate-600'}`} data-testid="capacity-baseline">
      {b ? (
        <>
          {t('capacitySum', {
            baseline: cap(b.amount),
            year: b.year,
            connected: cap(capacity.connected),
            cumulative: cap(capacity.cumulative),
          })}
          <span className="block text-slate-400">{t('capacityBaselineSource', { source: b.source })}</span>
        </>
      ) : (
        <>
          {t('capacityNoBaseline', { year: capacity.year })}
          {capacity.baselineHref && !dark ? (
            <Link
              prefetch={false}
              href={capacity.baselineHref}
              className="ml-1 text-brand-700 hover:underline"
              data-testid="capacity-baseline-enter"
            >
              {t('capacityEnterBaseline')}
            </Link>
          ) : null}
        </>
      )}
    </p>
  );
}
