import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { inputClass, primaryButton } from '@/app/_components/form/classes';
import { requireActor } from '@/lib/auth/session';
import { can, mayEver } from '@/lib/authz';
import { today } from '@/lib/clock';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { projectsForNewProblem } from '@/lib/problems/queries';
import { getProject } from '@/lib/projects/queries';
import { projectSubject } from '@/lib/projects/resource';
import { getReferenceData, offered } from '@/lib/reference/queries';
import { ProblemForm } from '../_components/problem-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('problems.form');
  return { title: t('createTitle') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Raise a problem (交办) on a project: /problems/new?projectId=12 (&reportId=34 when raised
 * from a report). Without a project, the user first picks one of the projects they may raise on.
 */
export default async function NewProblemPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const actor = await requireActor();
  const sp = await searchParams;
  const [t, rawLocale] = await Promise.all([getTranslations(), getLocale()]);
  const en = toLocale(rawLocale) === 'en';
  if (!mayEver(actor, 'problem.create')) forbidden(); // 403 with ./forbidden.tsx

  const rawProject = first(sp.projectId);
  const projectId = rawProject ? parseId(rawProject) : null;
  if (rawProject && projectId === null) notFound();

  if (projectId === null) {
    const choices = await projectsForNewProblem(actor);
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <Link href="/problems" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
          <span aria-hidden>←</span> {t('problems.detail.backToList')}
        </Link>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h1 className="text-xl font-semibold text-slate-900">{t('problems.form.createTitle')}</h1>
          {choices.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600" data-testid="no-projects">
              {t('problems.form.noProjects')}
            </p>
          ) : (
            <form method="get" className="mt-4 space-y-3">
              <label htmlFor="projectId" className="block text-sm font-medium text-slate-700">
                {t('problems.form.pickProject')}
              </label>
              <select id="projectId" name="projectId" required className={inputClass} defaultValue="">
                <option value="" disabled>
                  {t('problems.form.choose')}
                </option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} · {en ? (c.nameEn ?? c.name) : c.name}
                  </option>
                ))}
              </select>
              <button type="submit" className={primaryButton} data-testid="pick-project">
                {t('problems.form.next')}
              </button>
            </form>
          )}
        </div>
      </div>
    );
  }

  const [project, ref] = await Promise.all([getProject(actor, projectId), getReferenceData(actor)]);
  if (!project) notFound();
  const back = `/projects/${project.id}`;
  if (!can(actor, 'problem.create', projectSubject(project))) forbidden();
  const rawReport = first(sp.reportId);
  const reportId = rawReport ? parseId(rawReport) : null;
  // Raised from a report, it returns there (which lists the report's problems); else to the project.
  const returnTo = reportId ? `/reports/${reportId}` : back;

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={back} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {en ? (project.nameEn ?? project.name) : project.name}
      </Link>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-xl font-semibold text-slate-900">{t('problems.form.createTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="new-problem-project">
          {en ? (project.nameEn ?? project.name) : project.name}
        </p>
        {reportId ? <p className="mt-1 text-xs text-slate-500">{t('problems.detail.fromReport', { id: reportId })}</p> : null}
        <p className="mt-1 text-xs text-slate-500">{t('problems.form.createIntro')}</p>
        <div className="mt-4">
          <ProblemForm
            mode={{ kind: 'create', projectId: project.id, reportId }}
            initial={{
              description: '',
              type: '',
              responsibleUnitId: project.responsibleUnitId === null ? '' : String(project.responsibleUnitId),
              responsibleLeaderId: project.responsibleLeaderId === null ? '' : String(project.responsibleLeaderId),
              deadline: '',
            }}
            units={offered(ref.responsibleUnits, project.responsibleUnitId)}
            leaders={ref.leaders}
            today={today()}
            onCancelHref={returnTo}
          />
        </div>
      </div>
    </div>
  );
}
