import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StageBadge } from '@/app/_components/badges';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { formatWan } from '@/lib/money';
import { getBaselineFreeze } from '@/lib/plans/baseline-queries';
import { PLAN_FILTERS, PLANS_PAGE_SIZE, planHref, plansHref, plansSearch, yearOptions } from '@/lib/plans/plan-params';
import { listPlans } from '@/lib/plans/plan-queries';
import { YearSelect } from '@/app/_components/year-select';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lights.plans');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 年度计划一览: the year's plans of the projects in the actor's scope — every project not in
 * operation (each gets a light) and any project with a plan — so the office sees which lack one.
 * Read-only for everyone who reads projects; the edit links only for who may edit plans.
 */
export default async function PlansOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.read')) notFound();
  const sp = plansSearch.parse(await searchParams);
  const currentYear = Number(today().slice(0, 4));
  const year = sp.year ?? currentYear;
  const { filter } = sp;
  const [list, freeze, t, rawLocale] = await Promise.all([
    listPlans(actor, { year, filter, page: sp.page, pageSize: PLANS_PAGE_SIZE }),
    getBaselineFreeze(year),
    getTranslations(),
    getLocale(),
  ]);
  const locale = toLocale(rawLocale);
  const canEdit = can(actor, 'plan.edit');
  const years = yearOptions(currentYear, year);
  // Amounts in 万元 as every table shows them (lib/money); the unit is in the sentences and labels.
  const amount = (v: string | null) => formatWan(v, locale, { unit: false });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const { counts } = list;

  return (
    <div className="space-y-4">
      <Link href="/lights" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('lights.ops.title')}
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('lights.plans.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('lights.plans.subtitle')}</p>
        </div>
        <YearSelect
          id="plans-year"
          label={t('lights.plans.year')}
          years={years}
          hrefs={years.map((y) => plansHref({ year: y, filter }))}
          labels={years.map((y) => t('lights.plan.yearLabel', { year: String(y) }))}
          current={year}
        />
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700 shadow-sm" data-testid="plans-summary">
        <p>{t('lights.plans.counts', { ...counts })}</p>
        <p className="mt-0.5 text-slate-500">
          {freeze
            ? t('lights.plans.yearFrozen', { year: String(year), at: formatDateTime(freeze.frozenAt, locale) })
            : t('lights.plans.yearNotFrozen', { year: String(year) })}
        </p>
      </div>

      <nav aria-label={t('lights.plans.filter.label')} className="flex flex-wrap gap-1.5" data-testid="plans-filter">
        {PLAN_FILTERS.map((f) => {
          const active = f === filter;
          const n = f === 'all' ? counts.projects : f === 'missing' ? counts.missing : counts.withPlan;
          return (
            <Link
              key={f}
              href={plansHref({ year, filter: f })}
              aria-current={active ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {t(`lights.plans.filter.${f}`)} <span className="tabular-nums opacity-80">{n}</span>
            </Link>
          );
        })}
      </nav>

      {list.rows.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500"
          data-testid="plans-table"
        >
          {filter === 'all' ? t('lights.plans.empty') : t('lights.plans.emptyFiltered')}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="plans-table">
            <caption className="sr-only">{t('lights.plans.caption', { year: String(year), page: list.page, total: list.total })}</caption>
            <thead className="bg-slate-50">
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('lights.plans.col.project')}
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                  {t('lights.plans.col.stage')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('lights.plans.col.plan')}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
                  {t('lights.plans.col.baseline')}
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                  {t('lights.plans.col.monthly')}
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
                  {t('lights.plans.col.targets')}
                </th>
                {canEdit ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('lights.plans.col.action')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((r) => {
                const name = locale === 'en' ? (r.nameEn ?? r.name) : r.name;
                return (
                  <tr
                    key={r.projectId}
                    className={`align-top ${r.plan ? '' : 'bg-amber-50/50'}`}
                    data-testid={`plan-row-${r.code}`}
                    data-has-plan={r.plan ? 'yes' : 'no'}
                  >
                    <th scope="row" className="min-w-40 px-3 py-2 text-left font-normal">
                      <Link href={`/projects/${r.projectId}`} className="font-medium text-brand-700 hover:underline">
                        {name}
                      </Link>
                      <span className="block text-xs text-slate-500">{r.code}</span>
                    </th>
                    <td className="hidden px-3 py-2 md:table-cell">
                      <StageBadge stage={r.stage} label={t(`enums.stage.${r.stage}`)} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {r.plan ? (
                        <>
                          <span className="text-slate-900">{amount(r.plan.plannedInvestment)}</span>
                          {/* Phones: the baseline and the monthly split under the plan (their columns are hidden). */}
                          <span className="block text-xs text-slate-500 sm:hidden">
                            {t('lights.plans.phoneLine', {
                              baseline: r.plan.frozenInvestment != null ? amount(r.plan.frozenInvestment) : '—',
                              monthly: r.plan.monthly ? t('lights.plans.yes') : t('lights.plans.no'),
                            })}
                          </span>
                        </>
                      ) : (
                        <>
                          <span className="inline-flex rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
                            {t('lights.plans.missing')}
                          </span>
                          {r.registryPlan !== null ? (
                            <span className="block text-xs text-slate-500">
                              {t('lights.plans.registry', { amount: amount(r.registryPlan) })}
                            </span>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td className="hidden whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700 sm:table-cell">
                      {r.plan?.frozenInvestment != null ? amount(r.plan.frozenInvestment) : <span className="text-slate-400">—</span>}
                    </td>
                    <td className="hidden px-3 py-2 text-slate-700 sm:table-cell">
                      {r.plan ? r.plan.monthly ? t('lights.plans.yes') : t('lights.plans.no') : <span className="text-slate-400">—</span>}
                    </td>
                    <td className="hidden max-w-xs px-3 py-2 text-slate-700 lg:table-cell">
                      {r.plan?.targets ? <span className="line-clamp-2">{r.plan.targets}</span> : <span className="text-slate-400">—</span>}
                    </td>
                    {canEdit ? (
                      <td className="whitespace-nowrap px-3 py-2">
                        <Link
                          href={planHref(r.projectId, year)}
                          className="font-medium text-brand-700 hover:underline"
                          data-testid={`plan-edit-${r.code}`}
                        >
                          {r.plan ? t('lights.plans.edit') : t('lights.plans.create')}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav
          className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
          aria-label={t('lights.plans.pager')}
          data-testid="plans-pager"
        >
          <span>
            {t('common.table.pageInfo', {
              from: (list.page - 1) * list.pageSize + 1,
              to: Math.min(list.total, list.page * list.pageSize),
              total: list.total,
            })}
          </span>
          <div className="flex items-center gap-2">
            {list.page > 1 ? (
              <Link
                href={plansHref({ year, filter, page: list.page - 1 })}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
              >
                {t('common.table.prev')}
              </Link>
            ) : null}
            <span className="tabular-nums">{t('common.table.pageOf', { page: list.page, pages })}</span>
            {list.page < pages ? (
              <Link
                href={plansHref({ year, filter, page: list.page + 1 })}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
              >
                {t('common.table.next')}
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
