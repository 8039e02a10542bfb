import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { REPORT_STATUSES, type ReportStatus } from '@/db/schema/enums';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { PeriodSummary, ReportListRow } from '@/lib/reports/queries';
import { CompletionBar, doneCount } from './period-list';
import { periodLabel } from './report-format';
import { type ReportsParams, reportsHref } from '@/lib/reports/search-params';

const chip = 'inline-flex items-center gap-1.5 rounded-full border px-3 py-1.5 text-sm transition';
const chipOn = 'border-brand-600 bg-brand-600 text-white';
const chipOff = 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50';

/** The selected period: dates, completion in figures, who has not submitted and who is late. */
export async function PeriodSummaryCard({
  period,
  params,
  attention,
  locale,
  today,
  controls = null,
}: {
  period: PeriodSummary;
  params: ReportsParams;
  /** The dispatch office's correct / cancel controls (only for those who may). */
  controls?: ReactNode;
  /** The period's reports in scope (unfiltered), for the not-submitted and late lists; null to leave them out. */
  attention: ReportListRow[] | null;
  locale: Locale;
  today: string;
}) {
  const t = await getTranslations();
  const s = period.stats;
  const pastDue = today > period.dueDate;
  const tiles: { key: string; value: number; status?: ReportStatus[]; late?: boolean; tone: string }[] = [
    { key: 'approved', value: s.approved, status: ['approved'], tone: 'text-emerald-700' },
    { key: 'submitted', value: s.submitted, status: ['submitted'], tone: 'text-sky-700' },
    { key: 'returned', value: s.returned, status: ['returned'], tone: 'text-amber-700' },
    { key: 'draft', value: s.draft, status: ['draft'], tone: 'text-slate-700' },
    { key: 'overdue', value: s.overdue, late: true, tone: s.overdue ? 'text-red-700' : 'text-slate-400' },
    { key: 'late', value: s.late, late: true, tone: s.late ? 'text-orange-700' : 'text-slate-400' },
  ];
  const missing = attention?.filter((r) => r.status === 'draft' || r.status === 'returned') ?? [];
  const late = attention?.filter((r) => r.late || r.overdue) ?? [];
  const name = (r: ReportListRow) => (locale === 'en' ? (r.projectNameEn ?? r.projectName) : r.projectName);

  return (
    <section
      aria-labelledby="period-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="period-summary"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="period-title" className="text-lg font-semibold text-slate-900">
          {periodLabel(t, period, locale)}
          <span className="ml-2 text-sm font-normal text-slate-500">{t(`enums.periodKind.${period.kind}`)}</span>
        </h2>
        <p className={`text-sm ${pastDue ? 'font-medium text-red-700' : 'text-slate-600'}`}>
          {t('reports.period.due', { date: formatDate(period.dueDate, locale) })}
          {pastDue ? ` · ${t('reports.period.pastDue')}` : null}
        </p>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {t('reports.period.range', { start: formatDate(period.startDate, locale), end: formatDate(period.endDate, locale) })}
        {period.openedByName
          ? ` · ${t('reports.period.openedBy', { name: period.openedByName, at: formatDateTime(period.openedAt, locale) })}`
          : null}
      </p>
      {controls}

      <div className="mt-3">
        <div className="mb-1 flex justify-between text-sm text-slate-700">
          <span>{t('reports.stats.progressLabel', { done: doneCount(period), total: s.total })}</span>
          <span className="text-slate-500">{s.total ? Math.round((doneCount(period) / s.total) * 100) : 0}%</span>
        </div>
        <CompletionBar p={period} className="h-2.5" />
      </div>

      <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="period-stats">
        {tiles.map((tile) => {
          const active =
            (tile.status &&
              tile.status.length === params.status.length &&
              tile.status.every((x) => params.status.includes(x)) &&
              !params.late) ||
            (tile.late && params.late && params.status.length === 0);
          const href = reportsHref({ ...params, status: tile.status ?? [], late: Boolean(tile.late) });
          return (
            <li key={tile.key}>
              <Link
                href={href}
                scroll={false}
                data-testid={`stat-${tile.key}`}
                aria-current={active ? 'true' : undefined}
                className={`block rounded-md border px-2 py-2 text-center ${active ? 'border-brand-600 bg-brand-50' : 'border-slate-200 hover:bg-slate-50'}`}
              >
                <span className={`block text-xl font-semibold tabular-nums ${tile.tone}`}>{tile.value}</span>
                <span className="block text-xs text-slate-600">{t(`reports.stats.${tile.key}`)}</span>
              </Link>
            </li>
          );
        })}
      </ul>

      {attention ? (
        <div className={`mt-4 grid gap-3 ${late.length ? 'md:grid-cols-2' : ''}`} data-testid="period-attention">
          <AttentionList
            title={t('reports.stats.notSubmittedTitle', { count: missing.length })}
            empty={t('reports.stats.allSubmitted')}
            rows={missing}
            name={name}
            tone="slate"
            testId="not-submitted"
          />
          <AttentionList
            title={t('reports.stats.lateTitle', { count: late.length })}
            empty={null}
            rows={late}
            name={name}
            tone="red"
            testId="late-list"
          />
        </div>
      ) : null}
    </section>
  );
}

function AttentionList({
  title,
  empty,
  rows,
  name,
  tone,
  testId,
}: {
  title: string;
  empty: string | null;
  rows: ReportListRow[];
  name: (r: ReportListRow) => string;
  tone: 'slate' | 'red';
  testId: string;
}) {
  if (rows.length === 0 && !empty) return null;
  const LIMIT = 12;
  return (
    <div
      className={`rounded-md border p-3 ${tone === 'red' ? 'border-red-200 bg-red-50/50' : 'border-slate-200 bg-slate-50'}`}
      data-testid={testId}
    >
      <h3 className={`text-sm font-medium ${tone === 'red' ? 'text-red-800' : 'text-slate-800'}`}>{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-emerald-700">{empty}</p>
      ) : (
        <ul className="mt-1.5 flex flex-wrap gap-1.5">
          {rows.slice(0, LIMIT).map((r) => (
            <li key={r.id}>
              <Link
                href={`/reports/${r.id}`}
                className="inline-block rounded bg-white px-2 py-0.5 text-sm text-brand-700 ring-1 ring-slate-200 hover:underline"
              >
                {name(r)}
                {r.leadName ? <span className="ml-1 text-xs text-slate-500">{r.leadName}</span> : null}
              </Link>
            </li>
          ))}
          {rows.length > LIMIT ? <li className="px-1 text-sm text-slate-500">+{rows.length - LIMIT}</li> : null}
        </ul>
      )}
    </div>
  );
}

/** Status chips, "late only" and "my projects" (links: the state is in the URL). */
export async function ReportFilters({ params, showMine, mine }: { params: ReportsParams; showMine: boolean; mine: boolean }) {
  const t = await getTranslations();
  const toggle = (s: ReportStatus) => (params.status.includes(s) ? params.status.filter((x) => x !== s) : [...params.status, s]);
  const any = params.status.length > 0 || params.late;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('reports.filter.label')} data-testid="report-filters">
      <span className="text-sm text-slate-500">{t('reports.filter.status')}</span>
      {REPORT_STATUSES.map((s) => {
        const on = params.status.includes(s);
        return (
          <Link
            key={s}
            href={reportsHref({ ...params, status: toggle(s) })}
            scroll={false}
            className={`${chip} ${on ? chipOn : chipOff}`}
            data-testid={`filter-status-${s}`}
            aria-current={on ? 'true' : undefined}
          >
            {on ? <span aria-hidden>✓</span> : null}
            {t(`enums.reportStatus.${s}`)}
          </Link>
        );
      })}
      <Link
        href={reportsHref({ ...params, late: !params.late })}
        scroll={false}
        className={`${chip} ${params.late ? 'border-red-600 bg-red-600 text-white' : chipOff}`}
        data-testid="filter-late"
        aria-current={params.late ? 'true' : undefined}
      >
        {params.late ? <span aria-hidden>✓</span> : null}
        {t('reports.filter.late')}
      </Link>
      {showMine ? (
        <Link
          href={reportsHref({ ...params, mine: !mine })}
          scroll={false}
          className={`${chip} ${mine ? chipOn : chipOff}`}
          data-testid="filter-mine"
          aria-current={mine ? 'true' : undefined}
        >
          {mine ? <span aria-hidden>✓</span> : null}
          {t('reports.filter.mine')}
        </Link>
      ) : null}
      {any ? (
        <Link
          href={reportsHref({ ...params, status: [], late: false })}
          scroll={false}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('reports.filter.clear')}
        </Link>
      ) : null}
    </div>
  );
}
