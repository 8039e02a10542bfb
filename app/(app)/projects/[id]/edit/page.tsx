import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getProject } from '@/lib/projects/queries';
import { projectFormOptions } from '@/app/(app)/projects/_edit/form-options';
import { ProjectForm } from '@/app/(app)/projects/_edit/project-form';
import { projectFormValues } from '@/app/(app)/projects/_edit/project-values';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('project.form');
  return { title: t('editTitle') };
}

export default async function EditProjectPage({ params }: Params) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [project, t, rawLocale] = await Promise.all([getProject(actor, id), getTranslations(), getLocale()]);
  if (!project) notFound();
  const back = `/projects/${project.id}`;
  if (!can(actor, 'project.update', project)) forbidden(); // 403 with ./forbidden.tsx
  const locale = toLocale(rawLocale);
  const options = await projectFormOptions(actor, locale, project);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href={back} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {locale === 'en' ? (project.nameEn ?? project.name) : project.name}
      </Link>
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('project.form.editTitle')}</h1>
      <ProjectForm mode="edit" id={project.id} initialVersion={project.version} initial={projectFormValues(project)} options={options} />
    </div>
  );
}
