import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { AsOfMonth } from '@/app/_components/as-of-month';
import { formatDate, formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getBaselineFreeze } from '@/lib/plans/baseline-queries';
import { lightsMonth } from '@/lib/lights/lights-month';
import { listCurrentLights } from '@/lib/lights/list-lights';
import { lightsSearch } from '@/lib/lights/search-params';
import { plansHref, yearListHref } from '@/lib/plans/plan-params';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { offeredYears, pickYear } from '@/lib/plan-years/selection';
import { PlanYearSelect } from '@/app/_components/plan-year-select';
import { listPeriods } from '@/lib/reports/queries';
import { periodLabel } from '../reports/_components/report-format';
import { ComputeLightsForm } from './_components/compute-lights-form';
import { FreezeBaselineForm, type FreezeStatus } from './_components/freeze-baseline-form';
import { LightFilter, LightsTable } from './_components/lights-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lights');
  return { title: t('ops.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 红黄绿灯调度: the dispatch office computes a period's lights and freezes the year's baseline;
 * everyone who may read projects sees the current light of the projects in their scope.
 * The forms are shown only to who may use them; the server actions refuse the others anyway.
 */
export default async function LightsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.read')) notFound();
  const sp = lightsSearch.parse(await searchParams);
  const { light } = sp;
  // The table's plan year: the URL's when offered, else the current one (the forms work on the current year).
  const shownYear = await pickYear(sp.year);
  const yearLink = shownYear === currentPlanYear() ? null : shownYear;
  const canCompute = can(actor, 'light.compute');
  // The baseline is prefecture-wide: county dispatch users cannot freeze it (freezeBaseline refuses).
  const canFreeze = can(actor, 'baseline.freeze') && actor.countyId === null;
  const day = today();
  const year = Number(day.slice(0, 4));
  const years = [year - 1, year, year + 1];

  const [rows, periods, freezes, t, rawLocale, shownYears] = await Promise.all([
    listCurrentLights(actor, { light, year: shownYear }),
    canCompute ? listPeriods(actor) : Promise.resolve([]),
    canFreeze ? Promise.all(years.map((y) => getBaselineFreeze(y))) : Promise.resolve([]),
    getTranslations(),
    getLocale(),
    offeredYears(shownYear),
  ]);
  const locale = toLocale(rawLocale);
  // The period the lights are for, in the words of the dashboard and the project page.
  const lightsAsOf = lightsMonth(rows.map((r) => r.computed?.periodEnd));

  // listPeriods is newest first; the default is the newest period that has started.
  const periodOptions = periods.map((p) => ({ id: p.id, label: periodLabel(t, p, locale) }));
  const defaultPeriodId = (periods.find((p) => p.startDate <= day) ?? periods[0])?.id ?? null;
  const freezeStatus: FreezeStatus[] = years.map((y, i) => {
    const f = freezes[i] ?? null;
    return {
      year: y,
      frozenLine: f
        ? t('lights.ops.freeze.frozen', {
            year: f.year,
            at: formatDateTime(f.frozenAt, locale),
            by: f.frozenByName ?? t('lights.ops.freeze.unknownUser'),
            plans: f.planCount,
            milestones: f.milestoneCount,
          })
        : null,
    };
  });

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('lights.ops.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('lights.ops.subtitle')}</p>
        <Link
          href={plansHref({ year })}
          className="mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
          data-testid="plans-link"
        >
          {t('lights.plans.link')} <span aria-hidden>→</span>
        </Link>
        <Link
          href={yearListHref(year)}
          className="ml-4 mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
          data-testid="year-list-link"
        >
          {t('lights.years.title')} <span aria-hidden>→</span>
        </Link>
      </div>

      {canCompute || canFreeze ? (
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          {canCompute ? (
            <ComputeLightsForm key={periodOptions.map((p) => p.id).join(',')} periods={periodOptions} defaultPeriodId={defaultPeriodId} />
          ) : null}
          {canFreeze ? <FreezeBaselineForm years={freezeStatus} defaultYear={year} /> : null}
        </div>
      ) : null}

      <section className="space-y-3" aria-labelledby="lights-table-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="lights-table-title" className="text-base font-semibold text-slate-900">
            {t('lights.ops.table.title')}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <PlanYearSelect
              id="lights-year"
              year={shownYear}
              years={shownYears}
              href={(y) => lightsSearch.href('/lights', { light, year: y === currentPlanYear() ? null : y })}
            />
            <LightFilter current={light} year={yearLink} />
          </div>
        </div>
        {lightsAsOf ? (
          <p className="text-sm text-slate-600" data-testid="lights-as-of">
            {t('lights.ops.table.asOf')}
            {lightsAsOf.month ? (
              <AsOfMonth month={lightsAsOf.month} locale={locale} className="font-medium text-slate-900" />
            ) : (
              <span className="font-medium text-slate-900" data-testid="as-of-month" data-date={lightsAsOf.date}>
                {t('lights.planSection.asOf', { date: formatDate(lightsAsOf.date, locale) })}
              </span>
            )}
            {lightsAsOf.mixed ? <span className="ml-1 text-xs text-slate-500">{t('lights.ops.table.asOfMixed')}</span> : null}
          </p>
        ) : null}
        <LightsTable rows={rows} locale={locale} filtered={light !== null} />
      </section>
    </div>
  );
}
