import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CapacityChart } from '@/app/(app)/dashboard/_components/capacity-chart';
import { BreakdownCharts, InvestmentTrendChart } from '@/app/(app)/dashboard/_components/charts';
import { HeadlineFigures } from '@/app/(app)/dashboard/_components/headline';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { now } from '@/lib/clock';
import { screenSearch } from '@/lib/dashboard/search-params';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { pickYear } from '@/lib/plan-years/selection';
import { getDashboard } from '@/lib/dashboard/queries';
import { getRedList } from '@/lib/dashboard/red-list';
import { redListView } from '@/app/(app)/dashboard/_components/red-list-view';
import { formatDate, formatTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getCountyName } from '@/lib/reference/queries';
import { demoDataPresent } from '@/lib/demo/marker';
import { RedListRotator } from './red-list-rotator';
import { ScreenControls } from './screen-controls';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard.screen');
  return { title: t('title') };
}

const REFRESH_SECONDS = 60;

/** ?refresh=30 sets another interval for a particular screen (10 s to 1 h); anything else: every minute. */
function refreshSeconds(raw: string | string[] | undefined): number {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || !/^\d{1,4}$/.test(v)) return REFRESH_SECONDS;
  const n = Number(v);
  return n >= 10 && n <= 3600 ? n : REFRESH_SECONDS;
}
/** On the screen the capacity chart shows the largest projects only (no scrolling on a wall). */
const SCREEN_CAPACITY_PROJECTS = 6;
/** The chart height that fits the headline and one row of charts on 1080 lines. */
const SCREEN_CHART_HEIGHT = 370;

/**
 * 大屏: the dashboard for the command-centre display (1920×1080): dark, large type, the headline
 * figures, the four charts that answer "where do we stand, what is red", and the red projects with
 * their reasons (a few at a time, rotating), refreshed every minute.
 */
export default async function ScreenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.read')) notFound();
  const raw = await searchParams;
  const seconds = refreshSeconds(raw.refresh);
  const shown = screenSearch.parse(raw);
  const year = await pickYear(shown.year);
  const [data, redList, t, rawLocale, county, demo] = await Promise.all([
    getDashboard(actor, shown.asOf, year),
    getRedList(actor, year),
    getTranslations(),
    getLocale(),
    getCountyName(actor.countyId),
    demoDataPresent(),
  ]);
  const locale = toLocale(rawLocale);
  const scope = county ? (locale === 'en' ? county.nameEn : county.nameZh) : t('common.scopePrefecture');
  const empty = data.headline.projects.count === 0;
  const capacity = { ...data.capacity, projects: data.capacity.projects.slice(0, SCREEN_CAPACITY_PROJECTS) };

  return (
    <div className="mx-auto flex min-h-dvh max-w-[2400px] flex-col gap-4 px-6 py-5" data-testid="screen">
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-white/10 pb-4">
        <div className="flex items-center gap-4">
          <span className="flex h-12 w-12 items-center justify-center rounded-lg bg-sky-500/20 text-2xl font-bold text-sky-300" aria-hidden>
            调
          </span>
          <div>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-3xl font-semibold tracking-wide text-white" data-testid="screen-title">
                {t('dashboard.screen.title')}
              </h1>
              {demo ? (
                <span
                  className="rounded bg-amber-400/15 px-2 py-0.5 text-base font-medium text-amber-300 ring-1 ring-amber-400/40"
                  title={t('common.demoData.banner')}
                  data-testid="demo-banner"
                >
                  {t('common.demoBadge')}
                </span>
              ) : null}
            </div>
            <p className="mt-0.5 text-lg text-slate-400">
              {scope} · {t(year < currentPlanYear() ? 'common.planYear.history' : 'common.planYear.option', { year: String(year) })} ·{' '}
              {t('dashboard.screen.asOf', { date: formatDate(data.asOf, locale) })} ·{' '}
              <time dateTime={data.computedAt} data-testid="figures-as-of">
                {t('dashboard.figuresAsOf', { time: formatTime(data.computedAt, locale) })}
              </time>
            </p>
          </div>
        </div>
        <ScreenControls renderedAt={now().toISOString()} seconds={seconds} />
      </header>

      {empty ? (
        <div className="flex flex-1 flex-col items-center justify-center text-center" data-testid="dashboard-empty">
          <p className="text-3xl font-semibold text-slate-200">{t('dashboard.empty.title')}</p>
          <p className="mt-3 max-w-2xl text-xl text-slate-400">{t('dashboard.empty.body')}</p>
        </div>
      ) : (
        <>
          <HeadlineFigures headline={data.headline} locale={locale} variant="screen" />
          <div className="grid flex-1 grid-cols-1 gap-4 lg:grid-cols-2 2xl:grid-cols-4">
            <InvestmentTrendChart
              months={data.investmentByMonth}
              investment={data.headline.investment}
              theme="dark"
              height={SCREEN_CHART_HEIGHT}
            />
            <BreakdownCharts
              rows={data.byCounty}
              dimension="county"
              crossCounty={data.crossCountyProjects}
              theme="dark"
              show="lights"
              height={SCREEN_CHART_HEIGHT}
              testId="chart-by-county"
            />
            <BreakdownCharts
              rows={data.byCategory}
              dimension="category"
              theme="dark"
              show="lights"
              height={SCREEN_CHART_HEIGHT}
              testId="chart-by-category"
            />
            <CapacityChart capacity={capacity} theme="dark" />
          </div>
          <RedListRotator view={redListView(redList, locale)} />
        </>
      )}
    </div>
  );
}
