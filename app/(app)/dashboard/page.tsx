import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { requireActor } from '@/lib/auth/session';
import { type Actor, can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { getDashboard, getTimeline } from '@/lib/dashboard/queries';
import { asOfSearch, dashboardYearSearch, screenSearch, timelineSearch } from '@/lib/dashboard/search-params';
import { offeredYears, pickYear, yearHasList } from '@/lib/plan-years/selection';
import { yearDay } from '@/lib/plan-years/year-day';
import { PlanYearNote, PlanYearSelect } from '@/app/_components/plan-year-select';
import type { TimelineFilters as Filters } from '@/lib/dashboard/types';
import { formatDate } from '@/lib/format';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { getCountyName, getReferenceData } from '@/lib/reference/queries';
import { AsOfPicker } from './_components/as-of-picker';
import { CapacityChart } from './_components/capacity-chart';
import { BreakdownCharts, InvestmentTrendChart, ProblemCharts } from './_components/charts';
import { FiguresAsOf } from './_components/figures-as-of';
import { HeadlineFigures } from './_components/headline';
import { PortfolioTargetsSection } from './_components/portfolio-targets';
import { PipelineFigures } from './_components/pipeline-figures';
import { RedListSection } from './_components/red-list';
import { DashboardSkeleton } from './_components/skeletons';
import { TimelineFilters } from './_components/timeline-filters';
import { TimelineSkeleton, TimelineView } from './_components/timeline';
import { ListRegion } from '@/app/_components/table/use-url-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** How many projects the timeline draws; the rest are one click away in the registry. */
const TIMELINE_ROWS = 30;

/**
 * 领导驾驶舱: where the key projects stand, what is red and why. Every figure and chart segment
 * links to the registry or the problem list filtered to exactly what it counts. The headline
 * streams first; the charts load their code after; the timeline streams on its own, keyed by
 * its filters (category, county, leader in the URL).
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.read')) notFound();
  const raw = await searchParams;
  const filters = timelineSearch.parse(raw);
  // A picked month; getDashboard keeps it only when it is a reported month (lib/plans/as-of.ts).
  const { asOf } = asOfSearch.parse(raw);
  // The plan year: the URL's when it is offered (a year with a list), else the current one.
  const year = await pickYear(dashboardYearSearch.parse(raw).year);
  const [t, rawLocale, county, years, listed] = await Promise.all([
    getTranslations('dashboard'),
    getLocale(),
    getCountyName(actor.countyId),
    offeredYears(year),
    yearHasList(year),
  ]);
  const locale = toLocale(rawLocale);
  const scope = county ? (locale === 'en' ? county.nameEn : county.nameZh) : (await getTranslations('common'))('scopePrefecture');

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-500" data-testid="dashboard-subtitle">
            {t('subtitle', { date: formatDate(today(), locale), scope })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PlanYearSelect id="dashboard-year" year={year} years={years} href={(y) => dashboardYearSearch.href('/dashboard', { year: y })} />
          <Link
            href={screenSearch.href('/dashboard/screen', { asOf, year: year === currentPlanYear() ? null : year })}
            title={t('presentationHint')}
            data-testid="presentation-link"
            className="inline-flex items-center gap-2 rounded-md border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-800"
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
              <rect x="2.5" y="3.5" width="15" height="10" rx="1" />
              <path d="M7 17h6M10 13.5V17" />
            </svg>
            {t('presentation')}
          </Link>
        </div>
      </div>
      <PlanYearNote year={year} listed={listed} day={yearDay(year, today())} />
      <Suspense fallback={<DashboardSkeleton />}>
        <DashboardBody actor={actor} locale={locale} filters={filters} asOf={asOf} year={year} />
      </Suspense>
    </div>
  );
}

async function DashboardBody({
  actor,
  locale,
  filters,
  asOf,
  year,
}: {
  actor: Actor;
  locale: Locale;
  filters: Filters;
  asOf: string | null;
  year: number;
}) {
  const [data, ref, t] = await Promise.all([getDashboard(actor, asOf, year), getReferenceData(actor), getTranslations('dashboard')]);

  if (data.headline.projects.count === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center" data-testid="dashboard-empty">
        <h2 className="text-lg font-semibold text-slate-900">{t('empty.title')}</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-500">{t('empty.body')}</p>
        <Link href="/projects" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t('empty.registry')}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-4" data-testid="dashboard">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AsOfPicker options={data.headline.investment.asOfOptions} current={data.headline.investment.asOf} />
        <FiguresAsOf computedAt={data.computedAt} locale={locale} className="ml-auto text-right text-xs text-slate-500" />
      </div>
      <HeadlineFigures headline={data.headline} locale={locale} />
      <PipelineFigures pipeline={data.pipeline} locale={locale} />
      <RedListSection actor={actor} locale={locale} year={year} />
      <div className="grid gap-4 xl:grid-cols-12">
        <InvestmentTrendChart months={data.investmentByMonth} investment={data.headline.investment} className="xl:col-span-7" />
        <CapacityChart capacity={data.capacity} className="xl:col-span-5" maxHeight={300} />
        <BreakdownCharts rows={data.byCategory} dimension="category" className="xl:col-span-12" testId="chart-by-category" />
        <BreakdownCharts
          rows={data.byCounty}
          dimension="county"
          crossCounty={data.crossCountyProjects}
          className="xl:col-span-7"
          testId="chart-by-county"
        />
        <ProblemCharts problems={data.problems} className="xl:col-span-5" />
      </div>
      <PortfolioTargetsSection actor={actor} locale={locale} />
      <section
        id="timeline"
        aria-labelledby="timeline-title"
        className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
      >
        <ListRegion>
          <div className="mb-3 space-y-2">
            <div>
              <h2 id="timeline-title" className="text-base font-semibold text-slate-900">
                {t('timeline.title')}
              </h2>
              <p className="mt-0.5 text-xs text-slate-500">{t('timeline.subtitle')}</p>
            </div>
            <TimelineFilters
              filters={filters}
              categories={ref.categories}
              counties={actor.countyId === null ? ref.counties : []}
              leaders={ref.leaders}
            />
          </div>
          <Suspense key={timelineSearch.query(filters)} fallback={<TimelineSkeleton />}>
            <TimelineSection actor={actor} filters={filters} locale={locale} year={year} />
          </Suspense>
        </ListRegion>
      </section>
    </div>
  );
}

async function TimelineSection({ actor, filters, locale, year }: { actor: Actor; filters: Filters; locale: Locale; year: number }) {
  const timeline = await getTimeline(actor, filters, TIMELINE_ROWS, year);
  return <TimelineView timeline={timeline} locale={locale} />;
}
