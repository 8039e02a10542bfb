import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { MilestoneStatusBadge, OverdueBadge } from '@/app/_components/badges';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { isOverdue } from '@/lib/milestones/overdue';
import { InlineMilestoneUpdate } from './inline-milestone';
import type { MilestoneRow } from '@/lib/projects/queries';
import type { ReportProblemRow } from '@/lib/reports/queries';

const card = 'rounded-lg border border-slate-200 bg-white shadow-sm';
const cardTitle = 'border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900';

/**
 * The project's milestones, compact. The lead updates them in place (the same action, checks
 * and history as on the project page).
 */
export async function MilestonesCard({
  projectId,
  milestones,
  canUpdate,
  locale,
  today,
}: {
  projectId: number;
  milestones: MilestoneRow[];
  canUpdate: boolean;
  locale: Locale;
  today: string;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="report-milestones-title" className={card} data-testid="report-milestones">
      <h2 id="report-milestones-title" className={cardTitle}>
        {t('reports.milestones.title')}
      </h2>
      {canUpdate ? <p className="px-4 pt-3 text-xs text-slate-500">{t('reports.milestones.hint')}</p> : null}
      {milestones.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{t('reports.milestones.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {milestones.map((m) => {
            const name = locale === 'en' ? (m.nameEn ?? m.name) : m.name;
            return (
              <li
                key={m.id}
                className="flex flex-wrap items-start justify-between gap-3 px-4 py-2.5 text-sm"
                data-testid={`report-milestone-${m.id}`}
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{name}</p>
                  <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
                    <span>{t('reports.milestones.planned', { date: formatDate(m.baselineDate ?? m.plannedDate, locale) })}</span>
                    {m.actualDate ? (
                      <span>{t('reports.milestones.actual', { date: formatDate(m.actualDate, locale) })}</span>
                    ) : m.forecastDate ? (
                      <span>{t('reports.milestones.forecast', { date: formatDate(m.forecastDate, locale) })}</span>
                    ) : null}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1">
                    <MilestoneStatusBadge status={m.status} label={t(`enums.milestoneStatus.${m.status}`)} />
                    {isOverdue(m, today) ? <OverdueBadge label={t('project.milestones.overdue')} /> : null}
                  </p>
                </div>
                {canUpdate ? (
                  <InlineMilestoneUpdate
                    milestoneId={m.id}
                    projectId={projectId}
                    name={name}
                    initial={{ forecastDate: m.forecastDate ?? '', actualDate: m.actualDate ?? '', status: m.status, note: m.note ?? '' }}
                    version={m.version}
                    today={today}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Problems raised from this report, and a way to raise one (问题清单 belongs to /problems). */
export async function ReportProblems({
  reportId,
  projectId,
  problems,
  canRaise,
  locale,
  today,
}: {
  reportId: number;
  projectId: number;
  problems: ReportProblemRow[];
  canRaise: boolean;
  locale: Locale;
  today: string;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="report-problems-title" className={card} data-testid="report-problems">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id="report-problems-title" className="text-base font-semibold text-slate-900">
          {t('reports.problems.title')}
          <span className="ml-2 text-sm font-normal text-slate-500">{problems.length}</span>
        </h2>
        {canRaise ? (
          <Link
            href={`/problems/new?projectId=${projectId}&reportId=${reportId}`}
            className="shrink-0 rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
            data-testid="raise-problem"
          >
            {t('reports.problems.raise')}
          </Link>
        ) : null}
      </div>
      {problems.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{t('reports.problems.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {problems.map((p) => {
            const overdue = p.deadline < today && p.status !== 'resolved' && p.status !== 'closed';
            return (
              <li key={p.id} id={`problem-${p.id}`} className="scroll-mt-20 px-4 py-2.5 text-sm">
                <Link href={`/problems/${p.id}`} className="line-clamp-2 font-medium text-brand-700 hover:underline">
                  {p.description}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                  <span className="rounded bg-slate-100 px-1.5 py-0.5">{t(`enums.problemType.${p.type}`)}</span>
                  <span>{t(`enums.problemStatus.${p.status}`)}</span>
                  <span className={overdue ? 'font-medium text-red-700' : ''}>
                    {t('reports.problems.deadline', { date: formatDate(p.deadline, locale) })}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
