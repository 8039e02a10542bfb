import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StageBadge } from '@/app/_components/badges';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { currentPlanYear, isPastYear } from '@/lib/plan-years/guard';
import { getYearList, listPlanYears, rolloverCandidates } from '@/lib/plan-years/queries';
import { planHref, plansHref, yearListHref, yearListSearch } from '@/lib/plans/plan-params';
import { YearSelect } from '@/app/_components/year-select';
import { RolloverForm } from './_components/rollover-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lights.years');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 年度重点项目计划: a year's list of key projects (how each joined), and for the prefecture
 * dispatch office the rollover of the newest list into the next year. Everyone who reads
 * projects reads the lists (a county user the county's projects of it).
 */
export default async function YearListPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.read')) notFound();
  const sp = yearListSearch.parse(await searchParams);
  const [years, t, rawLocale] = await Promise.all([listPlanYears(), getTranslations(), getLocale()]);
  const locale = toLocale(rawLocale);
  const current = currentPlanYear();
  const year = sp.year ?? (years.some((y) => y.year === current) ? current : (years[0]?.year ?? current));
  const list = await getYearList(actor, year);
  const nextExists = years.some((y) => y.year === year + 1);
  const canRollOver = Boolean(list) && !nextExists && can(actor, 'planYear.rollover') && actor.countyId === null;
  const candidates = canRollOver ? await rolloverCandidates(actor, year) : [];
  const name = (p: { name: string; nameEn: string | null }) => (locale === 'en' ? (p.nameEn ?? p.name) : p.name);
  const options = [...new Set([...years.map((y) => y.year), year])].sort((a, b) => b - a);

  return (
    <div className="space-y-4">
      <Link href="/lights" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('lights.ops.title')}
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('lights.years.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('lights.years.subtitle')}</p>
        </div>
        <YearSelect
          id="list-year"
          label={t('lights.years.year')}
          years={options}
          hrefs={options.map(yearListHref)}
          labels={options.map((y) => t('lights.years.yearLabel', { year: String(y) }))}
          current={year}
        />
      </div>

      {!list ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500"
          data-testid="year-list"
        >
          {t('lights.years.none')}
        </p>
      ) : (
        <>
          <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700 shadow-sm" data-testid="year-summary">
            <p>
              <span className="font-medium">{t('lights.years.listed', { year: String(year), count: list.rows.length })}</span>
              {' · '}
              {t(`lights.years.state.${list.state}`)}
            </p>
            <p className="mt-0.5 text-slate-500">
              {list.createdFromYear !== null
                ? t('lights.years.fromYear', { year: String(list.createdFromYear) })
                : t('lights.years.firstList')}
              {list.createdByName ? ` · ${list.createdByName}, ${formatDateTime(list.createdAt, locale)}` : null}
            </p>
            {isPastYear(year) ? (
              <p className="mt-0.5 text-amber-800" data-testid="year-read-only">
                {t('lights.years.readOnly', { year: String(year) })}
              </p>
            ) : null}
            <Link href={plansHref({ year })} className="mt-1 inline-flex text-brand-700 hover:underline">
              {t('lights.plans.title')} <span aria-hidden> →</span>
            </Link>
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="year-list">
              <caption className="sr-only">{t('lights.years.listed', { year: String(year), count: list.rows.length })}</caption>
              <thead className="bg-slate-50">
                <tr className="text-left text-xs text-slate-500">
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('lights.years.col.project')}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                    {t('lights.years.col.stage')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('lights.years.col.joined')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.map((r) => (
                  <tr key={r.projectId} data-testid={`year-row-${r.code}`}>
                    <th scope="row" className="min-w-40 px-3 py-2 text-left font-normal">
                      <Link href={planHref(r.projectId, year)} className="font-medium text-brand-700 hover:underline">
                        {name(r)}
                      </Link>
                      <span className="block text-xs text-slate-500">{r.code}</span>
                    </th>
                    <td className="hidden px-3 py-2 sm:table-cell">
                      <StageBadge stage={r.stage} label={t(`enums.stage.${r.stage}`)} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-700">{t(`lights.years.joined.${r.joinedAs}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {canRollOver && list ? (
        <RolloverForm
          fromYear={year}
          version={list.version}
          listed={list.rows.map((r) => ({ id: r.projectId, code: r.code, name: name(r), stageLabel: t(`enums.stage.${r.stage}`) }))}
          candidates={candidates.map((r) => ({ id: r.projectId, code: r.code, name: name(r), stageLabel: t(`enums.stage.${r.stage}`) }))}
        />
      ) : null}
    </div>
  );
}
