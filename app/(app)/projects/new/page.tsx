import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { toLocale } from '@/lib/i18n/config';
import { projectFormOptions } from '../_edit/form-options';
import { ProjectForm } from '../_edit/project-form';
import { projectFormValues } from '../_edit/project-values';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('project.form');
  return { title: t('createTitle') };
}

export default async function NewProjectPage() {
  await connection();
  const actor = await requireActor();
  const t = await getTranslations();
  if (!can(actor, 'project.create')) forbidden(); // 403 with ./forbidden.tsx
  const locale = toLocale(await getLocale());
  const options = await projectFormOptions(actor, locale);
  const initial = projectFormValues({
    countyId: actor.countyId,
    countyIds: actor.countyId === null ? [] : [actor.countyId],
    targetYear: null,
  });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href="/projects" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('project.backToList')}
      </Link>
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('project.form.createTitle')}</h1>
      <ProjectForm mode="create" initial={initial} options={options} />
    </div>
  );
}
