import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ReportListRow } from '@/lib/reports/queries';
import { LateBadge, OnBehalfBadge, OverdueReportBadge, ReportStatusBadge } from './report-badges';
import { formatWan } from '@/lib/money';

const cell = 'flex items-baseline justify-between gap-3 px-3 py-1 md:table-cell md:px-3 md:py-2.5 md:align-top';
/** A cell with nothing to say is left out of the phone card (the desktop table keeps its column). */
const cellOrHidden = (empty: boolean) => (empty ? `${cell} max-md:hidden` : cell);
const label = 'text-xs text-slate-500 md:hidden';

/**
 * The period's reports. One table: a normal table on a desktop; on a phone every row is a card
 * whose cells carry their own labels (each report exists once in the page).
 */
export async function ReportsTable({
  rows,
  locale,
  caption,
  showCounty,
}: {
  rows: ReportListRow[];
  locale: Locale;
  caption: string;
  showCounty: boolean;
}) {
  const t = await getTranslations();
  const c = (key: string) => t(`reports.col.${key}`);
  const none = <span className="text-slate-400">—</span>;
  const heads = ['project', ...(showCounty ? ['county'] : []), 'lead', 'status', 'investment', 'submittedAt', 'reviewer'];
  return (
    <section aria-labelledby="reports-table-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex items-baseline justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="reports-table-title" className="text-base font-semibold text-slate-900">
          {caption}
        </h2>
        <span className="text-sm text-slate-500" data-testid="reports-count">
          {t('reports.table.count', { count: rows.length })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500" data-testid="reports-empty">
          {t('reports.table.empty')}
        </p>
      ) : (
        <div className="md:overflow-x-auto">
          <table className="block w-full text-sm md:table md:divide-y md:divide-slate-200" data-testid="reports-table">
            <thead className="hidden bg-slate-50 md:table-header-group">
              <tr>
                {heads.map((k) => (
                  <th
                    key={k}
                    scope="col"
                    className={`whitespace-nowrap px-3 py-2.5 font-medium text-slate-600 ${k === 'investment' ? 'text-right' : 'text-left'}`}
                  >
                    {c(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="block space-y-2 p-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100 md:p-0">
              {rows.map((r) => {
                const name = locale === 'en' ? (r.projectNameEn ?? r.projectName) : r.projectName;
                return (
                  <tr
                    key={r.id}
                    data-testid={`report-row-${r.projectCode}`}
                    data-status={r.status}
                    className="relative block rounded-lg border border-slate-200 py-1.5 md:table-row md:rounded-none md:border-0 md:py-0 md:hover:bg-slate-50"
                  >
                    <th scope="row" className="block px-3 pb-1 pt-1 text-left font-normal md:table-cell md:min-w-64 md:py-2.5 md:align-top">
                      <Link
                        href={`/reports/${r.id}`}
                        className="font-medium text-brand-700 hover:underline after:absolute after:inset-0 md:after:hidden"
                        data-testid="report-link"
                      >
                        {name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-500">{r.projectCode}</span>
                      <span className="mt-1 flex flex-wrap gap-1 md:hidden">
                        <ReportStatusBadge status={r.status} label={t(`enums.reportStatus.${r.status}`)} />
                        {r.late ? <LateBadge label={t('reports.badge.late')} /> : null}
                        {r.overdue ? <OverdueReportBadge label={t('reports.badge.overdue')} /> : null}
                      </span>
                    </th>
                    {showCounty ? (
                      <td className={cellOrHidden(!r.countyZh)}>
                        <span className={label}>{c('county')}</span>
                        <span>{(locale === 'en' ? r.countyEn : r.countyZh) ?? none}</span>
                      </td>
                    ) : null}
                    <td className={cell}>
                      <span className={label}>{c('lead')}</span>
                      <span className="md:whitespace-nowrap">
                        {r.leadName ?? <span className="text-slate-400">{t('reports.table.noLead')}</span>}
                      </span>
                    </td>
                    <td className={`${cell} max-md:hidden`}>
                      <span className={label}>{c('status')}</span>
                      <span className="flex flex-wrap justify-end gap-1 md:justify-start">
                        <ReportStatusBadge status={r.status} label={t(`enums.reportStatus.${r.status}`)} testId="row-status" />
                        {r.late ? <LateBadge label={t('reports.badge.late')} /> : null}
                        {r.overdue ? <OverdueReportBadge label={t('reports.badge.overdue')} /> : null}
                      </span>
                    </td>
                    <td className={`${cellOrHidden(r.investmentThisPeriod === null)} md:text-right`}>
                      <span className={label}>{c('investment')}</span>
                      <span className="whitespace-nowrap tabular-nums">
                        {r.investmentThisPeriod !== null ? formatWan(r.investmentThisPeriod, locale) : none}
                      </span>
                    </td>
                    <td className={cellOrHidden(!r.submittedAt)}>
                      <span className={label}>{c('submittedAt')}</span>
                      <span className="whitespace-nowrap">{r.submittedAt ? formatDateTime(r.submittedAt, locale) : none}</span>
                    </td>
                    <td className={cellOrHidden(!r.reviewerName)}>
                      <span className={label}>{c('reviewer')}</span>
                      <span className="flex flex-wrap items-center justify-end gap-1 md:justify-start">
                        {r.reviewerName ?? none}
                        {r.reviewerName && r.reviewedOnBehalf ? <OnBehalfBadge label={t('reports.badge.onBehalf')} /> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
