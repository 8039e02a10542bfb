import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { EscalationBadge, OverdueDaysBadge, ProblemStatusBadge } from '@/app/(app)/problems/_components/problem-badges';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { DispatchInbox, LeaderInbox, LeadInbox, PeriodCompletion, ReportItem } from '@/lib/inbox/queries';
import { DUE_WINDOW_DAYS, type LeadMilestoneItem, type LeadWork } from '@/lib/inbox/lead-work';
import type { ProblemListRow } from '@/lib/problems/queries';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The pill's shape: globals.css .badge. */
const pill = 'badge';

function Section({
  id,
  title,
  count,
  tone = 'default',
  children,
  empty,
  subtitle,
}: {
  id: string;
  title: string;
  count: number;
  tone?: 'default' | 'alert';
  children: ReactNode;
  empty: string;
  subtitle?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`rounded-lg border bg-white shadow-sm ${tone === 'alert' && count > 0 ? 'border-red-200' : 'border-slate-200'}`}
      data-testid={`inbox-section-${id}`}
    >
      <h2 id={`${id}-title`} className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {title}
        <span
          className={`${pill} ${count > 0 ? (tone === 'alert' ? 'bg-red-600 text-white ring-red-700' : 'bg-brand-600 text-white ring-brand-700') : 'bg-slate-100 text-slate-500 ring-slate-300'}`}
        >
          {count}
        </span>
      </h2>
      {subtitle ? (
        <p className="border-b border-slate-100 px-4 py-2 text-xs text-slate-500" data-testid={`inbox-section-${id}-subtitle`}>
          {subtitle}
        </p>
      ) : null}
      {count === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">{children}</ul>
      )}
    </section>
  );
}

function periodLabel(t: T, locale: Locale, r: { periodKind: string; periodStart: string; periodEnd: string }) {
  return t('inbox.period.label', {
    kind: t(`enums.periodKind.${r.periodKind}`),
    start: formatDate(r.periodStart, locale),
    end: formatDate(r.periodEnd, locale),
  });
}

function ReportLine({ t, locale, r, showLead = false }: { t: T; locale: Locale; r: ReportItem; showLead?: boolean }) {
  const name = locale === 'en' ? (r.projectNameEn ?? r.projectName) : r.projectName;
  return (
    <li className="px-4 py-3" data-testid="inbox-item" data-kind={`report_${r.status}`}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <Link href={r.href} className="min-w-0 break-words font-medium text-brand-700 hover:underline">
          {name}
        </Link>
        <span className="flex flex-wrap gap-1">
          <span className={`${pill} bg-slate-100 text-slate-700 ring-slate-300`}>{t(`enums.reportStatus.${r.status}`)}</span>
          {r.overdue ? <OverdueDaysBadge label={t('inbox.report.overdue')} /> : null}
          {r.late ? <span className={`${pill} bg-amber-50 text-amber-800 ring-amber-600/25`}>{t('inbox.report.late')}</span> : null}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {periodLabel(t, locale, r)} · {t('inbox.report.due', { date: formatDate(r.dueDate, locale) })}
        {showLead && r.leadName ? ` · ${t('inbox.report.lead', { name: r.leadName })}` : ''}
        {r.submittedAt && r.status === 'submitted'
          ? ` · ${t('inbox.report.submittedAt', { at: formatDateTime(r.submittedAt, locale) })}`
          : ''}
      </p>
      {r.status === 'returned' && r.reviewComment ? (
        <p
          className="mt-1.5 whitespace-pre-line break-words rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-950"
          data-testid="return-comment"
        >
          <span className="font-medium">{t('inbox.report.returnComment')}</span>
          {r.reviewComment}
        </p>
      ) : null}
    </li>
  );
}

function ProblemLine({ t, locale, p }: { t: T; locale: Locale; p: ProblemListRow }) {
  const name = locale === 'en' ? (p.projectNameEn ?? p.projectName) : p.projectName;
  return (
    <li className="px-4 py-3" data-testid="inbox-item" data-kind="problem">
      <Link href={`/problems/${p.id}`} className="line-clamp-2 break-words font-medium text-brand-700 hover:underline">
        {p.description}
      </Link>
      <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">
        {name} · {t('inbox.problem.deadline', { date: formatDate(p.deadline, locale) })}
        {(locale === 'en' ? p.unitEn : p.unitZh) ? ` · ${locale === 'en' ? p.unitEn : p.unitZh}` : ''}
      </p>
      <div className="mt-1.5 flex flex-wrap gap-1">
        <ProblemStatusBadge status={p.status} label={t(`enums.problemStatus.${p.status}`)} />
        {p.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: p.daysOverdue })} /> : null}
        <EscalationBadge
          level={p.escalationLevel}
          label={t(`problems.escalationShort.${p.escalationLevel}`)}
          testId="inbox-escalation-badge"
        />
      </div>
    </li>
  );
}

function MilestoneLine({ t, locale, m }: { t: T; locale: Locale; m: LeadMilestoneItem }) {
  const project = locale === 'en' ? (m.projectNameEn ?? m.projectName) : m.projectName;
  const name = locale === 'en' ? (m.nameEn ?? m.name) : m.name;
  return (
    <li className="px-4 py-3" data-testid="inbox-item" data-kind={m.overdue ? 'milestone_overdue' : 'milestone_due'}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <Link href={m.href} className="min-w-0 break-words font-medium text-brand-700 hover:underline">
          {name}
        </Link>
        <span className="flex flex-wrap gap-1">
          <span className={`${pill} bg-slate-100 text-slate-700 ring-slate-300`}>{t(`enums.milestoneStatus.${m.status}`)}</span>
          {m.overdue ? <OverdueDaysBadge label={t('inbox.lead.milestoneOverdue')} /> : null}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {project} · {t(`enums.milestoneKind.${m.kind}`)} ·{' '}
        {m.overdue
          ? t('inbox.lead.milestoneCommitted', { date: formatDate(m.committedDate, locale) })
          : t('inbox.lead.milestoneExpected', { date: formatDate(m.expectedDate, locale) })}
      </p>
    </li>
  );
}

/**
 * A project lead's work, most current first: this period's reports of their projects (with
 * their state), their milestones overdue or due soon, their projects' open problems; then what
 * is left over from earlier periods (shown only when there is some) and their unit's problems.
 */
export async function LeadSections({ data, work, locale }: { data: LeadInbox; work: LeadWork; locale: Locale }) {
  const t = await getTranslations();
  // The current period's reports are in the first section; the others list earlier (or later) ones.
  const elsewhere = (list: ReportItem[]) => list.filter((r) => r.periodId !== work.period?.id);
  const returned = elsewhere(data.returned);
  const overdue = elsewhere(data.overdue);
  const due = elsewhere(data.due);
  const earlier = t('inbox.lead.earlier');
  return (
    <>
      <Section
        id="current"
        title={t('inbox.lead.current')}
        count={work.currentReports.length}
        empty={work.period ? t('inbox.lead.currentEmpty') : t('inbox.lead.noPeriod')}
        subtitle={
          work.period
            ? `${t('inbox.lead.currentPeriod', {
                period: periodLabel(t, locale, {
                  periodKind: work.period.kind,
                  periodStart: work.period.startDate,
                  periodEnd: work.period.endDate,
                }),
              })} · ${t('inbox.report.due', { date: formatDate(work.period.dueDate, locale) })}`
            : undefined
        }
      >
        {work.currentReports.map((r) => (
          <ReportLine key={r.id} t={t} locale={locale} r={r} />
        ))}
      </Section>
      <Section
        id="milestones"
        title={t('inbox.lead.milestones', { days: DUE_WINDOW_DAYS })}
        count={work.milestones.length}
        tone={work.milestones.some((m) => m.overdue) ? 'alert' : 'default'}
        empty={t('inbox.lead.milestonesEmpty')}
      >
        {work.milestones.map((m) => (
          <MilestoneLine key={m.id} t={t} locale={locale} m={m} />
        ))}
      </Section>
      <Section id="my-problems" title={t('inbox.lead.problems')} count={work.problems.length} empty={t('inbox.lead.problemsEmpty')}>
        {work.problems.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
      {returned.length ? (
        <Section id="returned" title={`${t('inbox.lead.returned')}（${earlier}）`} count={returned.length} tone="alert" empty="">
          {returned.map((r) => (
            <ReportLine key={r.id} t={t} locale={locale} r={r} />
          ))}
        </Section>
      ) : null}
      {overdue.length ? (
        <Section id="overdue" title={`${t('inbox.lead.overdue')}（${earlier}）`} count={overdue.length} tone="alert" empty="">
          {overdue.map((r) => (
            <ReportLine key={r.id} t={t} locale={locale} r={r} />
          ))}
        </Section>
      ) : null}
      {due.length ? (
        <Section id="due" title={t('inbox.lead.due')} count={due.length} empty="">
          {due.map((r) => (
            <ReportLine key={r.id} t={t} locale={locale} r={r} />
          ))}
        </Section>
      ) : null}
      <Section
        id="unit-problems"
        title={t('inbox.lead.unitProblems')}
        count={data.unitProblems.length}
        empty={t('inbox.lead.unitProblemsEmpty')}
      >
        {data.unitProblems.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
    </>
  );
}

export async function LeaderSections({ data, locale }: { data: LeaderInbox; locale: Locale }) {
  const t = await getTranslations();
  return (
    <>
      <Section id="to-review" title={t('inbox.leader.toReview')} count={data.toReview.length} empty={t('inbox.leader.toReviewEmpty')}>
        {data.toReview.map((r) => (
          <ReportLine key={r.id} t={t} locale={locale} r={r} showLead />
        ))}
      </Section>
      <Section
        id="escalated"
        title={t('inbox.leader.escalated')}
        count={data.escalated.length}
        tone="alert"
        empty={t('inbox.leader.escalatedEmpty')}
      >
        {data.escalated.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
      <Section id="to-verify" title={t('inbox.leader.toVerify')} count={data.toVerify.length} empty={t('inbox.leader.toVerifyEmpty')}>
        {data.toVerify.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
    </>
  );
}

function PeriodCard({ t, locale, period }: { t: T; locale: Locale; period: PeriodCompletion | null }) {
  if (!period) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-500 shadow-sm" data-testid="inbox-period">
        <h2 className="mb-1 text-base font-semibold text-slate-900">{t('inbox.dispatch.period')}</h2>
        {t('inbox.dispatch.noPeriod')}
      </section>
    );
  }
  const done = period.submitted + period.approved;
  const pct = period.total ? Math.round((done / period.total) * 100) : 0;
  const cells: [string, number, string][] = [
    [t('enums.reportStatus.draft'), period.draft, 'text-slate-700'],
    [t('enums.reportStatus.returned'), period.returned, 'text-amber-800'],
    [t('enums.reportStatus.submitted'), period.submitted, 'text-sky-800'],
    [t('enums.reportStatus.approved'), period.approved, 'text-emerald-800'],
    [t('inbox.dispatch.late'), period.late, 'text-red-700'],
  ];
  return (
    <section aria-labelledby="period-title" className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="inbox-period">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="period-title" className="text-base font-semibold text-slate-900">
          {t('inbox.dispatch.period')}
        </h2>
        <p className="text-xs text-slate-500">
          {periodLabel(t, locale, { periodKind: period.kind, periodStart: period.startDate, periodEnd: period.endDate })} ·{' '}
          {t('inbox.report.due', { date: formatDate(period.dueDate, locale) })}
        </p>
      </div>
      <div className="space-y-3 p-4">
        <div>
          <div className="flex justify-between text-sm">
            <span className="text-slate-600">{t('inbox.dispatch.submittedOf', { done, total: period.total })}</span>
            <span className="font-medium tabular-nums">{pct}%</span>
          </div>
          <div
            className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-label={t('inbox.dispatch.period')}
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
          </div>
        </div>
        <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {cells.map(([label, n, tone]) => (
            <div key={label} className="rounded-md bg-slate-50 px-2 py-1.5">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className={`text-base font-semibold tabular-nums ${tone}`}>{n}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

export async function DispatchSections({ data, locale }: { data: DispatchInbox; locale: Locale }) {
  const t = await getTranslations();
  return (
    <>
      <PeriodCard t={t} locale={locale} period={data.period} />
      {data.period ? (
        <Section
          id="outstanding"
          title={t('inbox.dispatch.outstanding')}
          count={data.outstanding.length}
          empty={t('inbox.dispatch.outstandingEmpty')}
        >
          {data.outstanding.map((r) => (
            <ReportLine key={r.id} t={t} locale={locale} r={r} showLead />
          ))}
        </Section>
      ) : null}
      {data.lateSubmitted.length ? (
        <Section id="late" title={t('inbox.dispatch.lateSubmitted')} count={data.lateSubmitted.length} empty="">
          {data.lateSubmitted.map((r) => (
            <ReportLine key={r.id} t={t} locale={locale} r={r} showLead />
          ))}
        </Section>
      ) : null}
      <Section
        id="overdue-problems"
        title={t('inbox.dispatch.overdueProblems')}
        count={data.overdueProblems.length}
        tone="alert"
        empty={t('inbox.dispatch.overdueProblemsEmpty')}
      >
        {data.overdueProblems.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
      <Section id="to-close" title={t('inbox.dispatch.toClose')} count={data.toClose.length} empty={t('inbox.dispatch.toCloseEmpty')}>
        {data.toClose.map((p) => (
          <ProblemLine key={p.id} t={t} locale={locale} p={p} />
        ))}
      </Section>
    </>
  );
}
