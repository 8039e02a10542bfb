import Link from 'next/link';
import type { Actor } from '@/lib/authz';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { Translate } from '@/lib/i18n/translate';
import { listPortfolioTargets, latestTargetYear, type PortfolioTargetRow } from '@/lib/portfolio-targets/queries';
import { targetsHref } from '@/lib/portfolio-targets/search-params';
import { targetText, actualText } from './portfolio-target-text';

/**
 * The year's portfolio targets of the work report (新增规上工业企业20家以上 ...), each with its
 * figure as the office recorded it (its date and source), how far it has come, and the report's
 * words. Prefecture-wide: a county's dashboard does not show the prefecture's targets as its own.
 */
export async function PortfolioTargetsSection({ actor, locale }: { actor: Actor; locale: Locale }) {
  if (actor.countyId !== null) return null;
  const year = await latestTargetYear(Number(today().slice(0, 4)));
  if (year === null) return null;
  const [rows, t] = await Promise.all([listPortfolioTargets(year), getTranslations('targets')]);
  return (
    <section
      aria-labelledby="targets-title"
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
      data-testid="portfolio-targets"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="targets-title" className="text-base font-semibold text-slate-900">
            {t('title', { year })}
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">{t('subtitle')}</p>
        </div>
        {can(actor, 'portfolioTarget.record') ? (
          <Link href={targetsHref(year)} className="text-sm font-medium text-brand-700 hover:underline" data-testid="targets-edit">
            {t('edit')} <span aria-hidden>→</span>
          </Link>
        ) : null}
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
        {rows.map((r) => (
          <TargetCard key={r.id} row={r} locale={locale} t={t} />
        ))}
      </ul>
    </section>
  );
}

type T = Translate;

function TargetCard({ row, locale, t }: { row: PortfolioTargetRow; locale: Locale; t: T }) {
  const { percent, met } = row.progress;
  const name = locale === 'en' ? row.nameEn : row.nameZh;
  const bar = percent === null ? 0 : Math.min(100, percent);
  return (
    <li className="flex flex-col gap-1.5 rounded-md border border-slate-100 bg-slate-50/60 p-3" data-testid={`target-${row.code}`}>
      <p className="text-sm font-medium text-slate-900">{name}</p>
      <p className="text-xs text-slate-500">{targetText(row, locale, t)}</p>
      {row.actual === null ? (
        <p className="text-lg font-semibold text-slate-400" data-testid="target-actual">
          {t('notReported')}
        </p>
      ) : (
        <>
          <p className="flex flex-wrap items-baseline gap-x-2 text-lg font-semibold text-slate-900" data-testid="target-actual">
            {actualText(row, locale, t)}
            <span className={`text-xs font-medium ${met ? 'text-emerald-700' : 'text-amber-700'}`}>{met ? t('met') : t('notMet')}</span>
          </p>
          <div
            className="h-1.5 overflow-hidden rounded-full bg-slate-200"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={bar}
            aria-label={percent === null ? name : t('percent', { percent })}
          >
            <div className={`h-full ${met ? 'bg-emerald-500' : 'bg-amber-500'}`} style={{ width: `${bar}%` }} />
          </div>
          <p className="text-xs text-slate-500">
            {percent === null ? null : `${t('percent', { percent })} · `}
            {t('asOf', { date: formatDate(row.actualAsOf, locale) })}
            {row.actualSource ? ` · ${t('source', { source: row.actualSource })}` : null}
          </p>
        </>
      )}
      <details className="mt-auto text-xs text-slate-500">
        <summary className="cursor-pointer select-none text-brand-700">{t('reportQuote')}</summary>
        <p className="mt-1">
          “{row.sourceQuote}”<span className="block text-slate-400">{row.sourceSection}</span>
        </p>
      </details>
    </li>
  );
}
