import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { getOpenPeriodPreview, getPeriodControls, mayManagePeriods } from '@/lib/reports/period-queries';
import { getOpenPeriodDefaults, getPeriod, listPeriods, listReports } from '@/lib/reports/queries';
import { OpenPeriodForm } from './_components/open-period-form';
import { PeriodControls } from './_components/period-controls';
import { PeriodList } from './_components/period-list';
import { PeriodSummaryCard, ReportFilters } from './_components/period-summary';
import { periodLabel } from './_components/report-format';
import { ReportsTable } from './_components/reports-table';
import { reportsHref, reportsSearch } from '@/lib/reports/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 调度填报: the reporting periods and, for the selected one, its completion and reports.
 * Everything is in the actor's scope; the prefecture's dispatch office also opens, corrects and
 * cancels periods here (a county office sees its county's reports of the prefecture's periods).
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const params = reportsSearch.parse(await searchParams);
  // Periods are prefecture-wide: a county dispatch user holds the permission but may not use it.
  const canOpen = mayManagePeriods(actor);
  // Leads and leaders look at their own projects unless they ask for all (mine=0).
  const hasOwn = actor.role === 'lead' || actor.role === 'leader';
  const mine = hasOwn && (params.mine ?? true);
  const [periods, t, rawLocale, defaults, preview] = await Promise.all([
    listPeriods(actor, { mine }),
    getTranslations(),
    getLocale(),
    canOpen ? getOpenPeriodDefaults(actor) : Promise.resolve(null),
    canOpen ? getOpenPeriodPreview(actor) : Promise.resolve(null),
  ]);
  const locale = toLocale(rawLocale);
  const day = today();

  let selected = params.period !== null ? (periods.find((p) => p.id === params.period) ?? null) : (periods[0] ?? null);
  if (params.period !== null && !selected) selected = await getPeriod(actor, params.period, { mine });

  const showAttention = actor.role !== 'lead';
  const [rows, all, controls] = selected
    ? await Promise.all([
        listReports(actor, { periodId: selected.id, status: params.status, late: params.late, mine }),
        showAttention ? listReports(actor, { periodId: selected.id, mine }) : Promise.resolve(null),
        canOpen ? getPeriodControls(actor, selected.id) : Promise.resolve(null),
      ])
    : [[], null, null];
  const listParams = selected ? { ...params, period: selected.id } : params;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('reports.title')}</h1>
        <p className="text-sm text-slate-500">{t('reports.subtitle')}</p>
      </div>

      {canOpen && defaults ? (
        <OpenPeriodForm
          key={periods.map((p) => p.id).join(',')}
          cadence={defaults.cadence}
          today={day}
          activeProjects={defaults.activeProjects}
          taken={periods.map((p) => ({ kind: p.kind, startDate: p.startDate, endDate: p.endDate }))}
          preview={preview ?? { drafts: defaults.activeProjects, notifications: 0 }}
        />
      ) : null}

      {periods.length === 0 && !selected ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500"
          data-testid="no-periods"
        >
          {canOpen ? t('reports.periods.emptyDispatch') : t('reports.periods.empty')}
        </p>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[17rem_minmax(0,1fr)] lg:items-start">
          <PeriodList
            periods={periods}
            selectedId={selected?.id ?? null}
            locale={locale}
            hrefFor={(id) => reportsHref({ period: id, status: [], late: false, mine: params.mine })}
          />
          {selected ? (
            <div className="min-w-0 space-y-4">
              <PeriodSummaryCard
                period={selected}
                params={listParams}
                attention={all}
                locale={locale}
                today={day}
                controls={controls ? <PeriodControls key={controls.id} period={controls} /> : null}
              />
              <ReportFilters params={listParams} showMine={hasOwn} mine={mine} />
              <ReportsTable
                rows={rows}
                locale={locale}
                caption={t('reports.table.caption', { period: periodLabel(t, selected, locale) })}
                showCounty={actor.countyId === null}
              />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
