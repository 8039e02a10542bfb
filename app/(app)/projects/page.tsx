import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { toLocale } from '@/lib/i18n/config';
import { countProjects, listProjects } from '@/lib/projects/queries';
import { offeredYears, yearHasList } from '@/lib/plan-years/selection';
import { PlanYearSelect } from '@/app/_components/plan-year-select';
import { YearListLine } from './_components/year-list-line';
import { registryLanding, registrySearch, registryYear } from '@/lib/projects/search-params';
import { today } from '@/lib/clock';
import { ExportMenu } from '@/app/_components/export-menu';
import { getReferenceData } from '@/lib/reference/queries';
import { drilldownPeriod } from '@/lib/dashboard/queries';
import { RegistryDrilldownChips } from './_components/drilldown-chips';
import { RegistryFilters } from './_components/registry-filters';
import { RegistryTable } from './_components/registry-table';
import { ListRegion } from '@/app/_components/table/use-url-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects');
  return { title: t('title') };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const raw = await searchParams;
  // A project lead starts at their own projects (我负责的项目), with the filter in the URL.
  const landing = registryLanding(actor.role, raw);
  if (landing) redirect(landing);
  const params = registrySearch.parse(raw);
  // The plan year of the pipeline stages (the URL's, else the current one), the same for the list and its column.
  const year = registryYear(params, today());
  const [{ rows, total }, ref, t, locale, years, listed] = await Promise.all([
    listProjects(actor, { ...params, year }),
    getReferenceData(actor),
    getTranslations('projects'),
    getLocale(),
    offeredYears(year),
    yearHasList(year),
  ]);
  // The projects the year's list leaves out, under the same filters: one link away.
  const outside = listed && params.listed === null ? await countProjects(actor, { ...params, year, listed: 'out' }) : 0;
  const period = params.report ? await drilldownPeriod(params.period) : null;
  return (
    <ListRegion className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('title')}</h1>
          <p className="text-sm text-slate-500" data-testid="registry-total">
            {t('subtitle', { total })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PlanYearSelect
            id="registry-year"
            year={year}
            years={years}
            href={(y) => registrySearch.href('/projects', { ...params, year: y, page: 1 })}
          />
          <ExportMenu endpoint="/api/exports/registry" query={registrySearch.query({ ...params, page: 1 })} total={total} />
          {can(actor, 'project.create') ? (
            <Link
              href="/projects/new"
              className="whitespace-nowrap rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            >
              {t('create')}
            </Link>
          ) : null}
        </div>
      </div>
      {listed ? <YearListLine params={params} year={year} outside={outside} /> : null}
      <RegistryFilters
        params={params}
        reference={{ counties: ref.counties, categories: ref.categories, leaders: ref.leaders, responsibleUnits: ref.responsibleUnits }}
        showCounty={actor.countyId === null}
        showMine={actor.role === 'lead' || params.mine !== null}
      />
      <RegistryDrilldownChips params={params} period={period} />
      <RegistryTable rows={rows} total={total} params={params} year={year} locale={toLocale(locale)} />
    </ListRegion>
  );
}
