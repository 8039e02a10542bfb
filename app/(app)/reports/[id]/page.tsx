import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getProjectMilestones } from '@/lib/projects/queries';
import { getReport, getReportHistory, listReportProblems } from '@/lib/reports/queries';
import { projectSubject } from '@/lib/projects/resource';
import { isEditable, reviewsOnBehalf } from '@/lib/reports/rules';
import { parseSaved } from '@/app/_components/saved/saved-param';
import { RaisedProblemNotice } from '../../problems/_components/raised-notice';
import { periodLabel } from '../_components/report-format';
import { PhotoGallery } from './_components/photo-thumb';
import { PhotoUploader } from './_components/photo-uploader';
import { ReportForm } from './_components/report-form';
import { ReportHistory } from './_components/report-history';
import { MilestonesCard, ReportProblems } from './_components/report-related';
import { FiguresCard, ReportContent, ReportHeader, ReturnNotice } from './_components/report-view';
import { ReopenPanel, ReviewPanel } from './_components/review-panel';

type Params = { params: Promise<{ id: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "350.50" → "350.5", "12.00" → "12": how a stored amount reads in the form. */
function trimDecimal(v: string | null): string {
  if (v === null) return '';
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [t, actor, rawLocale] = await Promise.all([getTranslations(), requireActor(), getLocale()]);
  const id = parseId((await params).id);
  const detail = id ? await getReport(actor, id) : null;
  if (!detail) return { title: t('common.notFoundTitle') };
  const locale = toLocale(rawLocale);
  const name = locale === 'en' ? (detail.project.nameEn ?? detail.project.name) : detail.project.name;
  return { title: `${name} · ${periodLabel(t, detail.period, locale)}` };
}

/**
 * One report. Everyone who may see the project reads it; the project lead edits it while it is
 * a draft or returned; the responsible leader (or the dispatch office, on their behalf) reviews
 * it when submitted; the dispatch office may reopen it once approved.
 */
export default async function ReportPage({ params, searchParams }: Params & SearchParams) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [detail, history, problems, t, rawLocale] = await Promise.all([
    getReport(actor, id),
    getReportHistory(actor, id),
    listReportProblems(actor, id),
    getTranslations(),
    getLocale(),
  ]);
  if (!detail) notFound();
  const locale = toLocale(rawLocale);
  const { report, project } = detail;
  const milestones = await getProjectMilestones(actor, project.id);
  // `?saved=problem-<id>`: a problem has just been raised from this report (it is in its list).
  const savedId = parseSaved((await searchParams).saved, 'problem');
  const raised = problems.find((p) => p.id === savedId);

  const subject = projectSubject(project);
  const isLead = can(actor, 'report.edit', subject);
  const editing = isLead && isEditable(report.status);
  const reviewing = report.status === 'submitted' && can(actor, 'report.review', subject);
  const reopening = report.status === 'approved' && can(actor, 'report.reopen', subject);
  const lastDecision = history.find((h) => ['report.return', 'report.reopen', 'report.approve'].includes(h.action));
  const photos = detail.photos.map((p) => ({
    id: p.id,
    width: p.width,
    height: p.height,
    originalName: p.originalName,
    caption: p.caption,
    takenAt: p.takenAt,
    latitude: p.latitude,
    longitude: p.longitude,
    createdAt: p.createdAt,
  }));

  return (
    <div className="space-y-4">
      <Link href={`/reports?period=${detail.period.id}`} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('reports.detail.back')}
      </Link>

      <ReportHeader detail={detail} locale={locale} />
      {raised ? <RaisedProblemNotice problem={raised} targetId={`problem-${raised.id}`} /> : null}
      <ReturnNotice detail={detail} reopened={lastDecision?.action === 'report.reopen'} forLead={isLead} locale={locale} />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="min-w-0 space-y-4">
          {editing ? (
            <ReportForm
              reportId={report.id}
              initialVersion={report.version}
              initial={{
                investmentThisPeriod: trimDecimal(report.investmentThisPeriod),
                physicalProgress: report.physicalProgress ?? '',
                percentComplete: report.percentComplete === null ? '' : String(report.percentComplete),
                nextSteps: report.nextSteps ?? '',
                coordinationNeeds: report.coordinationNeeds ?? '',
              }}
              cumulativeOthers={detail.cumulative.others}
              annualPlan={detail.cumulative.annualPlan}
            >
              <PhotoUploader
                reportId={report.id}
                projectName={locale === 'en' ? (project.nameEn ?? project.name) : project.name}
                initial={photos}
              />
            </ReportForm>
          ) : (
            <ReportContent detail={detail} locale={locale}>
              <PhotoGallery photos={photos} />
            </ReportContent>
          )}
          <ReportProblems
            reportId={report.id}
            projectId={project.id}
            problems={problems}
            canRaise={can(actor, 'problem.create', subject)}
            locale={locale}
            today={today()}
          />
          {reviewing ? (
            <ReviewPanel
              reportId={report.id}
              version={report.version}
              onBehalfOf={reviewsOnBehalf(actor, project) ? (project.leaderName ?? '') : null}
            />
          ) : null}
          {reopening ? <ReopenPanel reportId={report.id} version={report.version} /> : null}
        </div>
        <div className="space-y-4">
          <FiguresCard detail={detail} locale={locale} />
          <MilestonesCard
            projectId={project.id}
            milestones={milestones}
            canUpdate={can(actor, 'milestone.update', subject)}
            locale={locale}
            today={today()}
          />
          <ReportHistory entries={history} locale={locale} />
        </div>
      </div>
    </div>
  );
}
