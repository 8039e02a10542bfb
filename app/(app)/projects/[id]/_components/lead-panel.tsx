import Link from 'next/link';
import { OverdueDaysBadge, ProblemStatusBadge } from '@/app/(app)/problems/_components/problem-badges';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { LeadWork } from '@/lib/inbox/lead-work';
import type { ReportItem } from '@/lib/inbox/queries';
import type { ProblemListRow } from '@/lib/problems/queries';

interface Props {
  period: LeadWork['period'];
  report: ReportItem | null;
  problems: ProblemListRow[];
  locale: Locale;
}

const pill = 'badge';

/** For the project's lead: this period's report (link and state) and the project's open problems. */
export async function LeadPanel({ period, report, problems, locale }: Props) {
  const t = await getTranslations();
  return (
    <>
      <section
        aria-labelledby="lead-report-title"
        className="rounded-lg border border-slate-200 bg-white shadow-sm"
        data-testid="project-current-report"
      >
        <h2 id="lead-report-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t('project.lead.report')}
        </h2>
        <div className="px-4 py-3 text-sm">
          {!period ? (
            <p className="text-slate-500">{t('project.lead.noPeriod')}</p>
          ) : (
            <>
              <p className="text-xs text-slate-500">
                {t('inbox.period.label', {
                  kind: t(`enums.periodKind.${period.kind}`),
                  start: formatDate(period.startDate, locale),
                  end: formatDate(period.endDate, locale),
                })}{' '}
                · {t('inbox.report.due', { date: formatDate(period.dueDate, locale) })}
              </p>
              {report ? (
                <div className="mt-1.5 flex flex-wrap items-center gap-2">
                  <Link href={report.href} className="font-medium text-brand-700 hover:underline" data-testid="project-current-report-link">
                    {t('project.lead.openReport')}
                  </Link>
                  <span className={`${pill} bg-slate-100 text-slate-700 ring-slate-300`} data-status={report.status}>
                    {t(`enums.reportStatus.${report.status}`)}
                  </span>
                  {report.overdue ? <OverdueDaysBadge label={t('inbox.report.overdue')} /> : null}
                </div>
              ) : (
                <p className="mt-1.5 text-slate-500">{t('project.lead.noReport')}</p>
              )}
            </>
          )}
        </div>
      </section>
      <section
        aria-labelledby="lead-problems-title"
        className="rounded-lg border border-slate-200 bg-white shadow-sm"
        data-testid="project-open-problems"
      >
        <h2
          id="lead-problems-title"
          className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900"
        >
          {t('project.lead.problems')}
          <span className="text-sm font-normal text-slate-500">{problems.length}</span>
        </h2>
        {problems.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-500">{t('project.lead.problemsEmpty')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {problems.map((p) => (
              <li key={p.id} className="px-4 py-3">
                <Link href={`/problems/${p.id}`} className="line-clamp-2 break-words text-sm font-medium text-brand-700 hover:underline">
                  {p.description}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                  <ProblemStatusBadge status={p.status} label={t(`enums.problemStatus.${p.status}`)} />
                  {p.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: p.daysOverdue })} /> : null}
                  <span>{t('inbox.problem.deadline', { date: formatDate(p.deadline, locale) })}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
