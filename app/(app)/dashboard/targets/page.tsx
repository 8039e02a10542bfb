import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { plainDecimal } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { latestTargetYear, listPortfolioTargets } from '@/lib/portfolio-targets/queries';
import { targetsSearch } from '@/lib/portfolio-targets/search-params';
import { getCapacityBaseline } from '@/lib/capacity-baseline/queries';
import { targetText } from '../_components/portfolio-target-text';
import { BaselineForm } from './_components/baseline-form';
import { TargetForm } from './_components/target-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('targets');
  return { title: t('page.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 年度目标完成情况: the prefecture dispatch office records each portfolio target's figure, its date
 * and its source; each target is saved on its own, against the version the office saw.
 */
export default async function TargetsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const mayTargets = can(actor, 'portfolioTarget.record');
  const mayBaseline = can(actor, 'capacityBaseline.record');
  if ((!mayTargets && !mayBaseline) || actor.countyId !== null) notFound();
  const sp = targetsSearch.parse(await searchParams);
  const thisYear = Number(today().slice(0, 4));
  const year = sp.year ?? (await latestTargetYear(thisYear));
  // The capacity baseline stands before the year shown (the dashboard's year when none is named).
  const baselineYear = year ?? thisYear;
  const [rows, baseline, t, rawLocale] = await Promise.all([
    year === null || !mayTargets ? [] : listPortfolioTargets(year),
    mayBaseline ? getCapacityBaseline(baselineYear) : null,
    getTranslations('targets'),
    getLocale(),
  ]);
  const locale = toLocale(rawLocale);
  return (
    <div className="space-y-4">
      <Link href="/dashboard" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('page.back')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">
          {t('page.title')}
          {year === null ? null : <span className="ml-2 text-base font-normal text-slate-500">{year}</span>}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('page.subtitle')}</p>
      </div>
      {mayBaseline ? (
        <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
          <BaselineForm
            key={`${baselineYear}-${baseline?.version ?? 0}`}
            row={{
              year: baselineYear,
              version: baseline?.version ?? null,
              amount: baseline ? plainDecimal(baseline.amount) : null,
              source: baseline?.source ?? null,
              updatedBy: baseline?.updatedBy ?? null,
              updatedAt: baseline ? baseline.updatedAt.toISOString() : null,
            }}
          />
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" data-testid="target-forms">
          {rows.map((r) => (
            <li key={`${r.id}-${r.version}`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
              <TargetForm
                row={{
                  id: r.id,
                  code: r.code,
                  version: r.version,
                  kind: r.kind,
                  name: locale === 'en' ? r.nameEn : r.nameZh,
                  unit: locale === 'en' ? r.unitEn : r.unitZh,
                  targetText: targetText(r, locale, t),
                  quote: r.sourceQuote,
                  actual: r.actual === null ? null : plainDecimal(r.actual),
                  actualAsOf: r.actualAsOf,
                  actualSource: r.actualSource,
                  updatedBy: r.updatedBy,
                  updatedAt: r.actual === null && r.updatedBy === null ? null : r.updatedAt.toISOString(),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
