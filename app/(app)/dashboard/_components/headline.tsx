import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { ReactNode } from 'react';
import type { Light, Stage } from '@/db/schema/enums';
import type { Headline } from '@/lib/dashboard/types';
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { formatPercent, formatPercentNumber, formatYi, parseMoney, roundPercent } from '@/lib/money';
import { AsOfMonth } from '@/app/_components/as-of-month';
import { LIGHT_ORDER } from './chart-options';

type Variant = 'page' | 'screen';

const LIGHT_TILE: Record<Light | 'none', { page: string; screen: string; dot: string; screenDot?: string }> = {
  red: {
    page: 'border-red-200 bg-red-50 text-red-800 hover:border-red-400',
    screen: 'border-red-500/40 bg-red-500/10 text-red-300',
    dot: 'bg-red-500',
  },
  yellow: {
    page: 'border-amber-200 bg-amber-50 text-amber-900 hover:border-amber-400',
    screen: 'border-amber-400/40 bg-amber-400/10 text-amber-200',
    dot: 'bg-amber-400',
  },
  green: {
    page: 'border-emerald-200 bg-emerald-50 text-emerald-800 hover:border-emerald-400',
    screen: 'border-emerald-500/40 bg-emerald-500/10 text-emerald-300',
    dot: 'bg-emerald-500',
  },
  none: {
    page: 'border-slate-200 bg-slate-50 text-slate-700 hover:border-slate-400',
    screen: 'border-white/15 bg-white/5 text-slate-300',
    dot: 'bg-slate-300',
    screenDot: 'bg-slate-500',
  },
};

const STAGE_TONE: Record<Stage, string> = {
  preliminary: 'text-violet-800',
  construction: 'text-sky-800',
  completed: 'text-teal-800',
  operating: 'text-slate-700',
};

function Card({
  title,
  children,
  variant,
  className = '',
  testId,
}: {
  title: string;
  children: ReactNode;
  variant: Variant;
  className?: string;
  testId?: string;
}) {
  const screen = variant === 'screen';
  return (
    <section
      className={`flex min-w-0 flex-col rounded-lg border ${screen ? 'border-white/10 bg-white/[0.03] p-5' : 'border-slate-200 bg-white p-4 shadow-sm'} ${className}`}
      aria-label={title}
      data-testid={testId}
    >
      <h2 className={`font-medium ${screen ? 'mb-3 text-xl text-slate-300' : 'mb-2 text-sm text-slate-600'}`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The headline figures. Every figure is a link to the list of exactly the items it counts (the
 * `href` computed with the figure), with the count in data-count for the tests.
 */
export async function HeadlineFigures({ headline, locale, variant = 'page' }: { headline: Headline; locale: Locale; variant?: Variant }) {
  const t = await getTranslations();
  const screen = variant === 'screen';
  const n = (v: number) => formatNumber(v, locale, 0);
  const big = screen ? 'text-6xl' : 'text-3xl';
  const inv = headline.investment;
  const lightsTotal = headline.lights.reduce((s, l) => s + l.count, 0);
  const lightByKey = new Map(headline.lights.map((l) => [l.light ?? 'none', l]));
  // Points between the two percentages as shown (one decimal each), rounded by the same rule.
  const gap = inv.completionPct !== null && inv.timeElapsedPct !== null ? roundPercent(inv.completionPct - inv.timeElapsedPct) : null;
  const gapTone =
    gap === null ? '' : gap <= -30 ? 'text-red-700' : gap <= -10 ? 'text-amber-700' : gap < 0 ? 'text-slate-700' : 'text-emerald-700';
  const gapToneScreen =
    gap === null ? '' : gap <= -30 ? 'text-red-300' : gap <= -10 ? 'text-amber-300' : gap < 0 ? 'text-slate-200' : 'text-emerald-300';
  const linkFocus = screen ? 'focus-visible:outline-sky-400' : '';

  const tile = (opts: {
    key: string;
    label: string;
    count: number;
    href: string;
    sub?: ReactNode;
    tone: string;
    testId: string;
    unit: string;
  }) => (
    <Link
      key={opts.key}
      href={opts.href}
      data-testid={opts.testId}
      data-count={opts.count}
      className={`group flex min-w-0 flex-col justify-between rounded-lg border ${linkFocus} ${
        screen
          ? 'border-white/10 bg-white/[0.03] p-5 hover:bg-white/[0.06]'
          : 'border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600'
      }`}
    >
      <span className={`font-medium ${screen ? 'text-xl text-slate-300' : 'text-sm text-slate-600'}`}>{opts.label}</span>
      <span className={`mt-1 flex items-baseline gap-1.5 ${opts.tone}`}>
        <span className={`${big} font-semibold tabular-nums leading-none`}>{n(opts.count)}</span>
        <span className={screen ? 'text-lg' : 'text-sm'}>{opts.unit}</span>
      </span>
      {opts.sub ? <span className={`mt-1.5 ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>{opts.sub}</span> : null}
    </Link>
  );

  const period = headline.missingReports.periodLabel;
  return (
    <div className={screen ? 'space-y-4' : 'space-y-3'} data-testid="headline">
      <h2 className="sr-only">{t('dashboard.headline.label')}</h2>
      <div className={`grid gap-3 ${screen ? 'grid-cols-12 gap-4' : 'md:grid-cols-2 xl:grid-cols-12'}`}>
        {/* Projects, by stage */}
        <Card title={t('dashboard.headline.projects')} variant={variant} className={screen ? 'col-span-3' : 'xl:col-span-3'}>
          <Link
            prefetch={false}
            href={headline.projects.href}
            data-testid="figure-projects"
            data-count={headline.projects.count}
            className={`flex items-baseline gap-1.5 rounded ${screen ? 'text-sky-300 hover:text-sky-200' : 'text-brand-700 hover:text-brand-800'}`}
          >
            <span className={`${big} font-semibold tabular-nums leading-none`}>{n(headline.projects.count)}</span>
            <span className={screen ? 'text-lg' : 'text-sm'}>{t('dashboard.headline.projectsUnit')}</span>
          </Link>
          <p className={`mt-3 ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>{t('dashboard.headline.byStage')}</p>
          <ul className="mt-1 grid grid-cols-2 gap-1.5">
            {headline.byStage.map((s) => (
              <li key={s.stage}>
                <Link
                  prefetch={false}
                  href={s.href}
                  data-testid={`figure-stage-${s.stage}`}
                  data-count={s.count}
                  className={`flex items-baseline justify-between gap-2 rounded-md border px-2 py-1 ${
                    screen
                      ? 'border-white/10 bg-white/5 text-slate-200 hover:bg-white/10'
                      : `border-slate-200 bg-slate-50 hover:border-brand-600 ${STAGE_TONE[s.stage]}`
                  }`}
                >
                  <span className={`min-w-0 truncate ${screen ? 'text-lg' : 'text-xs'}`} title={t(`enums.stage.${s.stage}`)}>
                    {t(`enums.stage.${s.stage}`)}
                  </span>
                  <span className={`font-semibold tabular-nums ${screen ? 'text-3xl' : 'text-base'}`}>{n(s.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>

        {/* Lights */}
        <Card title={t('dashboard.headline.lights')} variant={variant} className={screen ? 'col-span-4' : 'xl:col-span-4'}>
          <ul className={`grid gap-2 ${screen ? 'grid-cols-4' : 'grid-cols-2 sm:grid-cols-4'}`}>
            {LIGHT_ORDER.map((key) => {
              const f = lightByKey.get(key);
              if (!f) return null;
              const style = LIGHT_TILE[key];
              return (
                <li key={key}>
                  <Link
                    prefetch={false}
                    href={f.href}
                    data-testid={`figure-light-${key}`}
                    data-count={f.count}
                    className={`block rounded-md border px-2 py-2 ${screen ? style.screen : style.page}`}
                  >
                    <span className={`flex items-center gap-1.5 ${screen ? 'text-lg' : 'text-xs font-medium'}`}>
                      <span aria-hidden className={`inline-block rounded-full ${screen ? 'h-3 w-3' : 'h-2 w-2'} ${style.dot}`} />
                      <span className="truncate">{t(`dashboard.light.${key}`)}</span>
                    </span>
                    <span className={`mt-1 block font-semibold tabular-nums leading-none ${screen ? 'text-5xl' : 'text-2xl'}`}>
                      {n(f.count)}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {lightsTotal > 0 ? (
            <div className={`mt-3 flex overflow-hidden rounded-full ${screen ? 'h-3' : 'h-2'}`} aria-hidden>
              {LIGHT_ORDER.map((key) => {
                const c = lightByKey.get(key)?.count ?? 0;
                return c > 0 ? (
                  <span
                    key={key}
                    className={(screen && LIGHT_TILE[key].screenDot) || LIGHT_TILE[key].dot}
                    style={{ width: `${(c / lightsTotal) * 100}%` }}
                  />
                ) : null;
              })}
            </div>
          ) : null}
        </Card>

        {/* Investment */}
        <Card
          title={t('dashboard.headline.investment', { year: inv.year })}
          variant={variant}
          className={screen ? 'col-span-5' : 'md:col-span-2 xl:col-span-5'}
        >
          <p className={`mb-2 ${screen ? 'text-base text-slate-300' : 'text-xs text-slate-600'}`} data-testid="investment-as-of">
            {inv.asOf ? (
              <>
                <AsOfMonth month={inv.asOf} locale={locale} className="font-medium" />
                {' · '}
                {t('dashboard.headline.asOfNote')}
              </>
            ) : (
              t('dashboard.headline.noReported')
            )}
          </p>
          <Link
            href={inv.href}
            prefetch={false}
            data-testid="figure-investment"
            className={`block rounded ${screen ? 'hover:bg-white/[0.03]' : 'hover:bg-slate-50'}`}
          >
            <span className="grid grid-cols-3 gap-3">
              <span className="min-w-0">
                <span className={`block ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>
                  {t('dashboard.headline.completionRate')}
                </span>
                <span
                  className={`block font-semibold tabular-nums leading-tight ${screen ? 'text-6xl text-sky-300' : 'text-3xl text-brand-700'}`}
                  data-testid="figure-completion-rate"
                >
                  {formatPercent(inv.completionPct, locale)}
                </span>
              </span>
              <span className="min-w-0">
                <span className={`block ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>
                  {t('dashboard.headline.completed')}
                </span>
                <span className={`block font-semibold tabular-nums ${screen ? 'text-3xl text-slate-100' : 'text-lg text-slate-900'}`}>
                  {formatYi(inv.completed, locale)}
                </span>
              </span>
              <span className="min-w-0">
                <span className={`block ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>
                  {t('dashboard.headline.planned')}
                </span>
                <span className={`block font-semibold tabular-nums ${screen ? 'text-3xl text-slate-100' : 'text-lg text-slate-900'}`}>
                  {parseMoney(inv.planned) > 0n ? formatYi(inv.planned, locale) : t('dashboard.headline.noPlan')}
                </span>
              </span>
            </span>
            {/* Completion against time-elapsed progress: the bar is done, the marker is where it should be. */}
            <span
              className={`relative mt-3 block overflow-visible rounded-full ${screen ? 'h-4 bg-white/10' : 'h-2.5 bg-slate-100'}`}
              aria-hidden
            >
              <span
                className={`absolute inset-y-0 left-0 rounded-full ${screen ? 'bg-sky-400' : 'bg-brand-600'}`}
                style={{ width: `${Math.min(100, inv.completionPct ?? 0)}%` }}
              />
              {inv.timeElapsedPct !== null ? (
                <span
                  className={`absolute -inset-y-1 w-0.5 ${screen ? 'bg-amber-300' : 'bg-amber-500'}`}
                  style={{ left: `${Math.min(100, inv.timeElapsedPct)}%` }}
                />
              ) : null}
            </span>
            <span
              className={`mt-2 flex flex-wrap justify-between gap-x-3 ${screen ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}
            >
              <span>
                <span aria-hidden className={`mr-1 inline-block h-2.5 w-0.5 align-middle ${screen ? 'bg-amber-300' : 'bg-amber-500'}`} />
                {t('dashboard.headline.timeElapsed')} {formatPercent(inv.timeElapsedPct, locale)}
              </span>
              <span className={`font-medium ${screen ? gapToneScreen : gapTone}`}>
                {gap === null
                  ? t('dashboard.headline.gapNone')
                  : gap < 0
                    ? t('dashboard.headline.gapBehind', { points: formatPercentNumber(-gap, locale) })
                    : t('dashboard.headline.gapAhead', { points: formatPercentNumber(gap, locale) })}
              </span>
            </span>
          </Link>
        </Card>
      </div>

      <div className={`grid gap-3 ${screen ? 'grid-cols-5 gap-4' : 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-5'}`}>
        {tile({
          key: 'due',
          label: t('dashboard.headline.milestonesDue'),
          count: headline.milestonesDue.projects.count,
          href: headline.milestonesDue.projects.href,
          unit: t('dashboard.headline.projectsUnit'),
          sub: t('dashboard.headline.milestonesSub', {
            milestones: headline.milestonesDue.milestones,
            projects: headline.milestonesDue.projects.count,
          }),
          tone: screen ? 'text-sky-300' : 'text-sky-800',
          testId: 'figure-milestones-due',
        })}
        {tile({
          key: 'overdue',
          label: t('dashboard.headline.milestonesOverdue'),
          count: headline.milestonesOverdue.projects.count,
          href: headline.milestonesOverdue.projects.href,
          unit: t('dashboard.headline.projectsUnit'),
          sub: t('dashboard.headline.milestonesSub', {
            milestones: headline.milestonesOverdue.milestones,
            projects: headline.milestonesOverdue.projects.count,
          }),
          tone:
            headline.milestonesOverdue.projects.count > 0
              ? screen
                ? 'text-red-300'
                : 'text-red-700'
              : screen
                ? 'text-slate-200'
                : 'text-slate-900',
          testId: 'figure-milestones-overdue',
        })}
        {tile({
          key: 'open',
          label: t('dashboard.headline.openProblems'),
          count: headline.openProblems.count,
          href: headline.openProblems.href,
          unit: t('dashboard.headline.problemsUnit'),
          sub: t('dashboard.headline.problemsSub'),
          tone: screen ? 'text-amber-200' : 'text-amber-800',
          testId: 'figure-problems-open',
        })}
        {tile({
          key: 'overdue-problems',
          label: t('dashboard.headline.overdueProblems'),
          count: headline.overdueProblems.count,
          href: headline.overdueProblems.href,
          unit: t('dashboard.headline.problemsUnit'),
          sub: t('dashboard.headline.overdueSub'),
          tone:
            headline.overdueProblems.count > 0 ? (screen ? 'text-red-300' : 'text-red-700') : screen ? 'text-slate-200' : 'text-slate-900',
          testId: 'figure-problems-overdue',
        })}
        {tile({
          key: 'missing',
          label: t('dashboard.headline.missingReports'),
          count: headline.missingReports.count,
          href: headline.missingReports.href,
          unit: t('dashboard.headline.projectsUnit'),
          sub: period
            ? t('dashboard.headline.missingSub', { start: formatDate(period.start, locale), end: formatDate(period.end, locale) })
            : t('dashboard.headline.noPeriod'),
          tone:
            headline.missingReports.count > 0
              ? screen
                ? 'text-amber-200'
                : 'text-amber-800'
              : screen
                ? 'text-slate-200'
                : 'text-slate-900',
          testId: 'figure-reports-missing',
        })}
      </div>
    </div>
  );
}
