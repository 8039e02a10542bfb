import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { formatWan } from '@/lib/money';
import { getBaselineFreeze } from '@/lib/plans/baseline-queries';
import { planHref, planSearch, yearOptions } from '@/lib/plans/plan-params';
import { getProjectPlan } from '@/lib/plans/plan-queries';
import { YearSelect } from '@/app/_components/year-select';
import { PlanForm } from './plan-form';
import { MONTHS, planValues } from './plan-values';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lights.plan');
  return { title: t('title') };
}

/**
 * 年度计划: the dispatch office edits a project's plan for a year (?year=, default this year).
 * When the year's baseline is frozen the frozen figures are shown read-only above the form: the
 * lights compare against them, while the current plan may still change.
 */
export default async function ProjectPlanPage({ params, searchParams }: Props) {
  await connection();
  const actor = await requireActor();
  const projectId = parseId((await params).id);
  if (projectId === null) notFound();
  const currentYear = Number(today().slice(0, 4));
  const year = planSearch.parse(await searchParams).year ?? currentYear;
  const [found, freeze, t, rawLocale] = await Promise.all([
    getProjectPlan(actor, projectId, year),
    getBaselineFreeze(year),
    getTranslations(),
    getLocale(),
  ]);
  if (!found) notFound();
  const back = `/projects/${projectId}`;
  if (!can(actor, 'plan.edit', found.project)) forbidden(); // 403 with ./forbidden.tsx
  const locale = toLocale(rawLocale);
  const { project, plan } = found;
  const name = locale === 'en' ? (project.nameEn ?? project.name) : project.name;
  const years = yearOptions(currentYear, year);
  // Amounts in 万元 as every table shows them (lib/money); the unit is in the sentences and labels.
  const amount = (v: string | null) => formatWan(v, locale, { unit: false });
  const monthLabel = (m: number) => t('lights.plan.monthLabel', { month: String(m) });

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={back} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {name}
      </Link>

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold text-slate-900" data-testid="plan-title">
              {t('lights.plan.pageTitle', { year: String(year) })}
            </h1>
            <p className="mt-1 text-base font-medium text-slate-800">
              {name} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{project.code}</span>
            </p>
          </div>
          <YearSelect
            id="plan-year"
            label={t('lights.plan.year')}
            years={years}
            hrefs={years.map((y) => planHref(projectId, y))}
            labels={years.map((y) => t('lights.plan.yearLabel', { year: String(y) }))}
            current={year}
          />
        </div>
        <p className="mt-3 text-sm text-slate-600">{t('lights.plan.intro')}</p>
        <p className="mt-1 text-xs text-slate-500" data-testid="plan-status">
          {plan
            ? t('lights.plan.lastSaved', {
                by: plan.updatedByName ?? t('lights.plan.unknownUser'),
                at: formatDateTime(plan.updatedAt, locale),
              })
            : t('lights.plan.isNew', { year: String(year) })}
          {project.annualPlannedInvestment !== null ? (
            <span className="block">{t('lights.plan.registryHint', { amount: amount(project.annualPlannedInvestment) })}</span>
          ) : null}
        </p>

        {plan?.frozenAt && plan.frozenInvestment !== null ? (
          <section
            className="mt-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
            aria-labelledby="baseline-title"
            data-testid="plan-baseline"
          >
            <h2 id="baseline-title" className="font-semibold">
              {t('lights.plan.baseline.title')}
              <span className="ml-2 text-xs font-normal text-sky-800">
                {t('lights.plan.baseline.frozenAt', { at: formatDateTime(plan.frozenAt, locale) })}
              </span>
            </h2>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="text-sky-800">{t('lights.plan.baseline.investment')}</dt>
              <dd className="mb-1 font-medium tabular-nums sm:mb-0" data-testid="baseline-investment">
                {t('lights.planSection.amount', { amount: amount(plan.frozenInvestment) })}
              </dd>
              <dt className="text-sky-800">{t('lights.plan.baseline.monthly')}</dt>
              <dd>
                {plan.frozenMonthlyTargets ? (
                  <ol
                    className="grid grid-cols-3 gap-x-3 gap-y-0.5 tabular-nums sm:grid-cols-4 lg:grid-cols-6"
                    data-testid="baseline-monthly"
                  >
                    {MONTHS.map((m, i) => (
                      <li key={m} className="whitespace-nowrap">
                        <span className="text-sky-800">{monthLabel(m)}</span> {amount(plan.frozenMonthlyTargets![i] ?? null)}
                      </li>
                    ))}
                  </ol>
                ) : (
                  t('lights.plan.baseline.monthlyNone')
                )}
              </dd>
            </dl>
            <p className="mt-2 text-sky-900">{t('lights.plan.baseline.note')}</p>
          </section>
        ) : freeze ? (
          <p className="mt-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" data-testid="plan-baseline">
            {t('lights.plan.baseline.createdAfter', { year: String(year) })}
          </p>
        ) : (
          <p className="mt-4 text-sm text-slate-600" data-testid="plan-baseline-none">
            {t('lights.plan.notFrozen', { year: String(year) })}
          </p>
        )}

        <div className="mt-5">
          <PlanForm key={year} projectId={projectId} year={year} initial={planValues(plan)} initialVersion={plan?.version ?? null} />
        </div>
      </div>
    </div>
  );
}
