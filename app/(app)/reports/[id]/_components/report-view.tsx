import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ReportDetail } from '@/lib/reports/queries';
import { LateBadge, OnBehalfBadge, ReportStatusBadge } from '../../_components/report-badges';
import { formatPercent, formatWan } from '@/lib/money';
import { periodLabel } from '../../_components/report-format';

const card = 'rounded-lg border border-slate-200 bg-white shadow-sm';
const cardTitle = 'border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900';

/** Project, period, status and who did what, at the top of the report page. */
export async function ReportHeader({ detail, locale }: { detail: ReportDetail; locale: Locale }) {
  const t = await getTranslations();
  const { report, project, period } = detail;
  const en = locale === 'en';
  const name = en ? (project.nameEn ?? project.name) : project.name;
  const county = en ? project.countyEn : project.countyZh;
  const note =
    report.status === 'approved'
      ? t('reports.detail.approvedNote')
      : report.status === 'submitted'
        ? t('reports.detail.awaitingNote')
        : report.status === 'draft'
          ? t('reports.detail.draftNote')
          : null;
  const meta: [string, React.ReactNode][] = [
    [t('reports.detail.dueDate'), formatDate(period.dueDate, locale)],
    [t('reports.detail.lead'), project.leadName ?? '—'],
    [t('reports.detail.leader'), project.leaderName ?? '—'],
  ];
  if (report.submittedAt) {
    meta.push([
      t('reports.detail.submitted'),
      t('reports.detail.byAt', { name: detail.submittedByName ?? '—', at: formatDateTime(report.submittedAt, locale) }),
    ]);
  }
  if (report.reviewedAt && report.status !== 'submitted') {
    meta.push([
      t('reports.detail.reviewed'),
      <span key="r" className="inline-flex flex-wrap items-center gap-1">
        {t('reports.detail.byAt', { name: detail.reviewedByName ?? '—', at: formatDateTime(report.reviewedAt, locale) })}
        {report.reviewedOnBehalf ? <OnBehalfBadge label={t('reports.badge.onBehalf')} /> : null}
      </span>,
    ]);
  }
  return (
    <header className={`${card} p-4`}>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800" data-testid="report-period">
          {periodLabel(t, period, locale)}
        </span>
        <span className="text-slate-400">·</span>
        <span>{t(`enums.periodKind.${period.kind}`)}</span>
      </div>
      <h1 className="mt-1 text-xl font-semibold leading-snug text-slate-900 sm:text-2xl" data-testid="report-project">
        {name}
      </h1>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{project.code}</span>
        {county ? <span className="text-slate-600">{county}</span> : null}
        <ReportStatusBadge status={report.status} label={t(`enums.reportStatus.${report.status}`)} testId="report-status" />
        {report.late ? <LateBadge label={t('reports.badge.late')} /> : null}
        <Link href={`/projects/${project.id}`} className="ml-auto text-sm text-brand-700 hover:underline">
          {t('reports.detail.openProject')} →
        </Link>
      </div>
      {note ? <p className="mt-2 text-sm text-slate-600">{note}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        {meta.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

/** The return comment (or the reason for reopening), prominent, for a returned report. */
export async function ReturnNotice({
  detail,
  reopened,
  forLead,
  locale,
}: {
  detail: ReportDetail;
  reopened: boolean;
  forLead: boolean;
  locale: Locale;
}) {
  const t = await getTranslations();
  const { report } = detail;
  if (report.status !== 'returned' || !report.reviewComment) return null;
  const title = forLead
    ? reopened
      ? t('reports.returned.reopenedTitle')
      : t('reports.returned.title')
    : reopened
      ? t('reports.returned.readerTitleReopened')
      : t('reports.returned.readerTitle');
  return (
    <section
      role="note"
      aria-labelledby="return-title"
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 shadow-sm"
      data-testid="return-notice"
    >
      <h2 id="return-title" className="flex items-start gap-2 text-base font-semibold text-amber-950">
        <span aria-hidden className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-amber-500 text-xs text-white">
          !
        </span>
        {title}
      </h2>
      <blockquote
        className="mt-2 whitespace-pre-line break-words border-l-4 border-amber-400 pl-3 text-base text-slate-900"
        data-testid="return-comment-text"
      >
        {report.reviewComment}
      </blockquote>
      {report.reviewedAt ? (
        <p className="mt-2 text-sm text-amber-900">
          — {t('reports.returned.by', { name: detail.reviewedByName ?? '—', at: formatDateTime(report.reviewedAt, locale) })}
          {report.reviewedOnBehalf ? ` ${t('reports.history.onBehalf')}` : null}
        </p>
      ) : null}
    </section>
  );
}

/** The report's content for reading (everyone who may see the project; the lead once it is submitted). */
export async function ReportContent({ detail, locale, children }: { detail: ReportDetail; locale: Locale; children?: React.ReactNode }) {
  const t = await getTranslations();
  const r = detail.report;
  const empty = <span className="text-slate-400">{t('reports.detail.notFilled')}</span>;
  const text = (v: string | null) => (v ? <span className="whitespace-pre-line break-words">{v}</span> : empty);
  const rows: [string, React.ReactNode][] = [
    [
      t('reports.field.investmentThisPeriod'),
      r.investmentThisPeriod !== null ? <span className="tabular-nums">{formatWan(r.investmentThisPeriod, locale)}</span> : empty,
    ],
    [
      t('reports.field.percentComplete'),
      r.percentComplete !== null ? (
        <span className="flex items-center gap-3">
          <span className="tabular-nums">{r.percentComplete}%</span>
          <span className="h-2 w-32 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <span className="block h-full bg-brand-600" style={{ width: `${r.percentComplete}%` }} />
          </span>
        </span>
      ) : (
        empty
      ),
    ],
    [t('reports.field.physicalProgress'), text(r.physicalProgress)],
    [t('reports.field.nextSteps'), text(r.nextSteps)],
    [t('reports.field.coordinationNeeds'), text(r.coordinationNeeds)],
  ];
  if (r.reviewComment && r.status === 'approved') rows.push([t('reports.detail.reviewComment'), text(r.reviewComment)]);
  return (
    <section aria-labelledby="content-title" className={card} data-testid="report-content">
      <h2 id="content-title" className={cardTitle}>
        {t('reports.detail.content')}
      </h2>
      <dl className="divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="px-4 py-3 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-sm text-slate-900 sm:mt-0">{value}</dd>
          </div>
        ))}
      </dl>
      {children ? <div className="border-t border-slate-200 p-4">{children}</div> : null}
    </section>
  );
}

/** Investment this period, the year's cumulative and the completion rate against the annual plan. */
export async function FiguresCard({ detail, locale }: { detail: ReportDetail; locale: Locale }) {
  const t = await getTranslations();
  const { cumulative, report } = detail;
  const rate = cumulative.rate;
  return (
    <section aria-labelledby="figures-title" className={card} data-testid="report-figures">
      <h2 id="figures-title" className={cardTitle}>
        {t('reports.figures.title')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 p-4 text-sm">
        <div>
          <dt className="text-xs text-slate-500">{t('reports.figures.thisPeriod')}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{formatWan(report.investmentThisPeriod, locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('reports.figures.cumulative')}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="cumulative">
            {formatWan(cumulative.total, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('reports.figures.annualPlan')}</dt>
          <dd className="tabular-nums text-slate-900">
            {cumulative.annualPlan ? formatWan(cumulative.annualPlan, locale) : t('reports.figures.noPlan')}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('reports.figures.rate')}</dt>
          <dd className="tabular-nums text-slate-900" data-testid="completion-rate">
            {formatPercent(rate, locale)}
          </dd>
        </div>
        {rate !== null ? (
          <div className="col-span-2 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <div className={`h-full ${rate >= 100 ? 'bg-emerald-500' : 'bg-brand-600'}`} style={{ width: `${Math.min(rate, 100)}%` }} />
          </div>
        ) : null}
      </dl>
      <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t('reports.figures.cumulativeNote')}</p>
    </section>
  );
}
