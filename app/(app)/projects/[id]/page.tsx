import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { StageBadge, StatusBadge } from '@/app/_components/badges';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { projectSubject } from '@/lib/projects/resource';
import { getPlanSummary } from '@/lib/plans/plan-queries';
import { getProjectLight } from '@/lib/lights/queries';
import { getProject, getProjectHistory, getProjectMilestones } from '@/lib/projects/queries';
import { possibleDuplicates } from '@/lib/projects/duplicates';
import { getReferenceData } from '@/lib/reference/queries';
import { projectCurrentReport } from '@/lib/inbox/lead-work';
import { activeProblemsOfProject, getProblem } from '@/lib/problems/queries';
import { RaisedProblemNotice } from '../../problems/_components/raised-notice';
import { DuplicateNotice } from './_components/duplicate-notice';
import { HistoryList } from './_components/history-list';
import { LeadPanel } from './_components/lead-panel';
import { SavedNotice } from '@/app/_components/saved/saved-notice';
import { parseSaved } from '@/app/_components/saved/saved-param';
import { savedMilestoneText } from './_components/saved-summary';
import { LightPanel } from './_components/light-panel';
import { MilestoneList } from './_components/milestone-list';
import { PlanSection } from './_components/plan-section';
import { ProcedureSection } from './_components/procedure-section';
import { getProcedureSummary } from '@/lib/procedures/queries';
import { hasDemoData, ProjectFields } from './_components/project-fields';

type Params = { params: Promise<{ id: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request for the metadata and the page (the actor object is the same, cached). */
const loadProject = cache(getProject);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations('common');
  const actor = await requireActor();
  const id = parseId((await params).id);
  const project = id ? await loadProject(actor, id) : null;
  const en = (await getLocale()) === 'en';
  return { title: project ? (en ? (project.nameEn ?? project.name) : project.name) : t('notFoundTitle') };
}

export default async function ProjectPage({ params, searchParams }: Params & SearchParams) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  // `?saved=milestone-12`: the milestone form has just saved that milestone.
  // `?saved=problem-34`: a problem has just been raised on this project.
  const sp = await searchParams;
  const savedId = parseSaved(sp.saved, 'milestone');
  const raisedId = parseSaved(sp.saved, 'problem');
  const [project, milestones, history, reference, light, plan, t, rawLocale, duplicates, raised, procedures] = await Promise.all([
    loadProject(actor, id),
    getProjectMilestones(actor, id),
    getProjectHistory(actor, id, { limit: 100 }),
    getReferenceData(actor),
    getProjectLight(actor, id),
    getPlanSummary(actor, id),
    getTranslations(),
    getLocale(),
    possibleDuplicates(actor, id),
    raisedId === null ? null : getProblem(actor, raisedId),
    getProcedureSummary(actor, id),
  ]);
  if (!project) notFound();
  const locale = toLocale(rawLocale);
  // The project's lead sees this period's report and the open problems, and on a phone these
  // and the milestones come before the long field list (CSS order below sm; desktop unchanged).
  const leadView = project.projectLeadId === actor.id;
  const [current, openProblems] = leadView
    ? await Promise.all([projectCurrentReport(actor, id), activeProblemsOfProject(actor, id)])
    : [null, []];
  const savedMilestone = savedId === null ? undefined : milestones.find((m) => m.id === savedId);
  const savedText = savedMilestone
    ? savedMilestoneText(t, locale, reference, {
        name: locale === 'en' ? (savedMilestone.nameEn ?? savedMilestone.name) : savedMilestone.name,
        milestoneId: savedMilestone.id,
        history,
        actorName: actor.displayName,
        now: now(),
      })
    : null;
  const later = leadView ? 'max-sm:order-1' : undefined;
  const en = locale === 'en';
  const title = en ? (project.nameEn ?? project.name) : project.name;
  const otherName = en ? (project.nameEn ? project.name : null) : project.nameEn;

  return (
    <div className="flex flex-col gap-4">
      <Link href="/projects" className="inline-flex items-center gap-1 self-start text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('project.backToList')}
      </Link>

      <header className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold leading-snug text-slate-900 sm:text-2xl" data-testid="project-name">
            {title}
          </h1>
          {otherName ? (
            <p className="mt-0.5 text-sm text-slate-500" lang={en ? 'zh-CN' : 'en'}>
              {otherName}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" data-testid="project-code">
              {project.code}
            </span>
            <StageBadge stage={project.stage} label={t(`enums.stage.${project.stage}`)} />
            <StatusBadge status={project.status} label={t(`enums.status.${project.status}`)} />
          </div>
        </div>
        {can(actor, 'project.update', project) ? (
          <Link
            href={`/projects/${project.id}/edit`}
            data-testid="edit-project"
            className="inline-flex shrink-0 justify-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
          >
            {t('project.edit')}
          </Link>
        ) : null}
      </header>

      {savedText && savedMilestone ? (
        <SavedNotice targetId={`milestone-${savedMilestone.id}`}>{t('project.saved', { what: savedText })}</SavedNotice>
      ) : null}
      {raised && raised.project.id === project.id ? <RaisedProblemNotice problem={raised} /> : null}

      {hasDemoData(project.sources) ? (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900"
          role="note"
          data-testid="demo-notice"
        >
          {t('project.source.demoNotice')}
        </p>
      ) : null}

      <DuplicateNotice
        items={duplicates.map((d) => ({ ...d, name: locale === 'en' ? (d.nameEn ?? d.name) : d.name }))}
        canDecide={can(actor, 'project.update') && actor.countyId === null}
      />

      <LightPanel
        data={light}
        locale={locale}
        today={today()}
        canOverride={can(actor, 'light.override', projectSubject(project))}
        asOfMonth={plan?.asOfMonth ?? null}
      />
      <div className={`empty:hidden ${later ?? ''}`}>
        <PlanSection data={plan} locale={locale} canEdit={can(actor, 'plan.edit', projectSubject(project))} />
      </div>
      <div className={later} data-testid="project-fields-block">
        <ProjectFields project={project} locale={locale} />
      </div>
      <MilestoneList
        projectId={project.id}
        milestones={milestones}
        locale={locale}
        today={today()}
        canUpdate={can(actor, 'milestone.update', project)}
        savedId={savedMilestone?.id ?? null}
      />
      <ProcedureSection projectId={project.id} summary={procedures} locale={locale} />
      {leadView && current ? <LeadPanel period={current.period} report={current.report} problems={openProblems} locale={locale} /> : null}
      <div className={leadView ? 'max-sm:order-2' : undefined}>
        <HistoryList entries={history} locale={locale} reference={reference} />
      </div>
    </div>
  );
}
