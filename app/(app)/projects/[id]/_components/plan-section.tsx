import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { AsOfMonth } from '@/app/_components/as-of-month';
import { formatDate } from '@/lib/format';
import { formatPercentNumber, formatWan } from '@/lib/money';
import type { Locale } from '@/lib/i18n/config';
import { planHref } from '@/lib/plans/plan-params';
import type { PlanSummary } from '@/lib/plans/plan-queries';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The project's annual plan, read-only, for everyone who sees the project: the year's planned
 * investment, the frozen baseline, the cumulative target and 序时进度 to date of the plan the
 * lights compare against, the monthly targets and the year's targets. The office gets a link to
 * the plan form. Data: getPlanSummary(actor, project.id) from lib/plans/plan-queries.
 */
export async function PlanSection({ data, locale, canEdit }: { data: PlanSummary | null; locale: Locale; canEdit: boolean }) {
  if (!data) return null;
  const t = await getTranslations('lights');
  const { plan, year } = data;
  const amount = (v: string | null) => t('planSection.amount', { amount: formatWan(v, locale, { unit: false }) });
  const monthly = plan?.monthlyTargets ?? null;
  // The month both figures are for (the project's latest reported month), in the dashboard's words.
  const asOfLine = data.asOfMonth ? (
    <>
      <AsOfMonth month={data.asOfMonth} locale={locale} testId="plan-as-of" />
      {data.asOfSource === 'calendar' ? ` ${t('planSection.asOfCalendar')}` : null}
    </>
  ) : (
    t('planSection.asOf', { date: formatDate(data.today, locale) })
  );

  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="plan-section-title"
      data-testid="plan-section"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="plan-section-title" className="text-base font-semibold text-slate-900">
          {t('planSection.title', { year: String(year) })}
        </h2>
        {canEdit ? (
          <Link
            href={planHref(data.project.id, year)}
            data-testid="edit-plan"
            className="inline-flex justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            {t('planSection.edit')}
          </Link>
        ) : null}
      </div>

      {plan ? null : (
        <p className="mt-2 text-sm text-slate-600" data-testid="plan-none">
          {t('planSection.none')}
        </p>
      )}

      <dl className="mt-3 grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
        {plan ? (
          <div className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('planSection.annual')}</dt>
            <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="plan-annual">
              {amount(plan.plannedInvestment)}
            </dd>
          </div>
        ) : null}
        {plan?.frozenInvestment != null ? (
          <div className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('planSection.baseline')}</dt>
            <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="plan-baseline-amount">
              {amount(plan.frozenInvestment)}
            </dd>
          </div>
        ) : null}
        {data.cumulativeTarget !== null ? (
          <div className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('planSection.cumulative')}</dt>
            <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="plan-cumulative">
              {amount(data.cumulativeTarget)}
            </dd>
            <dd className="text-xs text-slate-500">{asOfLine}</dd>
          </div>
        ) : null}
        {data.timeElapsedPct !== null ? (
          <div className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('planSection.elapsed')}</dt>
            <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="plan-elapsed">
              {t('planSection.pct', { pct: formatPercentNumber(data.timeElapsedPct, locale) })}
            </dd>
            <dd className="text-xs text-slate-500">{asOfLine}</dd>
          </div>
        ) : null}
      </dl>

      <p className="mt-2 text-xs text-slate-500" data-testid="plan-basis">
        {data.basis === 'registry'
          ? t('planSection.basis.registry', { amount: formatWan(data.basisInvestment, locale, { unit: false }) })
          : data.basis
            ? t(`planSection.basis.${data.basis}`)
            : t('planSection.noFigures')}
      </p>

      {plan ? (
        <div className="mt-3 space-y-2 text-sm">
          <div>
            <h3 className="text-xs font-medium text-slate-500">{t('planSection.monthly')}</h3>
            {monthly ? (
              <ol className="mt-1 grid grid-cols-3 gap-1 tabular-nums sm:grid-cols-6 lg:grid-cols-12" data-testid="plan-monthly">
                {MONTHS.map((m, i) => (
                  <li key={m} className="rounded border border-slate-100 px-1.5 py-1 text-center">
                    <span className="block text-xs text-slate-500">{t('plan.monthLabel', { month: String(m) })}</span>
                    <span className="text-slate-900">{formatWan(monthly[i] ?? null, locale, { unit: false })}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-0.5 text-slate-700">{t('planSection.monthlyNone')}</p>
            )}
          </div>
          {plan.targets ? (
            <div>
              <h3 className="text-xs font-medium text-slate-500">{t('planSection.targets')}</h3>
              <p className="mt-0.5 whitespace-pre-line text-slate-800" data-testid="plan-targets">
                {plan.targets}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
