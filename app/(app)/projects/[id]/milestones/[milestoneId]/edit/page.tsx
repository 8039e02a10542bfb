import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { MilestoneStatusBadge } from '@/app/_components/badges';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { today } from '@/lib/clock';
import { formatDate, plainDecimal } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getMilestoneForEdit, getProject } from '@/lib/projects/queries';
import { MilestoneForm } from './milestone-form';

type Params = { params: Promise<{ id: string; milestoneId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('project.milestoneForm');
  return { title: t('title') };
}

export default async function EditMilestonePage({ params }: Params) {
  await connection();
  const actor = await requireActor();
  const raw = await params;
  const projectId = parseId(raw.id);
  const milestoneId = parseId(raw.milestoneId);
  if (projectId === null || milestoneId === null) notFound();
  const [found, project, t, rawLocale] = await Promise.all([
    getMilestoneForEdit(actor, projectId, milestoneId),
    getProject(actor, projectId),
    getTranslations(),
    getLocale(),
  ]);
  if (!found || !project) notFound();
  const back = `/projects/${projectId}`;
  if (!can(actor, 'milestone.update', found)) forbidden(); // 403 with ./forbidden.tsx
  const locale = toLocale(rawLocale);
  const m = found.milestone;
  const en = locale === 'en';
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={back} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {en ? (project.nameEn ?? project.name) : project.name}
      </Link>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-xl font-semibold text-slate-900">{t('project.milestoneForm.title')}</h1>
        <p className="mt-1 text-base font-medium text-slate-800">{en ? (m.nameEn ?? m.name) : m.name}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm">
          <dt className="text-slate-500">{t('project.milestoneField.kind')}</dt>
          <dd>{t(`enums.milestoneKind.${m.kind}`)}</dd>
          <dt className="text-slate-500">{t('project.milestoneForm.planned')}</dt>
          <dd>{formatDate(m.plannedDate, locale)}</dd>
          <dt className="text-slate-500">{t('project.milestoneForm.baseline')}</dt>
          <dd>{formatDate(m.baselineDate, locale)}</dd>
          <dt className="text-slate-500">{t('project.milestoneField.status')}</dt>
          <dd>
            <MilestoneStatusBadge status={m.status} label={t(`enums.milestoneStatus.${m.status}`)} />
          </dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600">{t('project.milestoneForm.intro')}</p>
        <div className="mt-4">
          <MilestoneForm
            id={m.id}
            projectId={projectId}
            initialVersion={m.version}
            today={today()}
            // A grid connection takes the batch connected (分批并网), in the project's unit.
            {...(m.kind === 'grid_connection' ? { capacityUnit: project.capacityUnit?.trim() || '万千瓦' } : {})}
            initial={{
              forecastDate: m.forecastDate ?? '',
              actualDate: m.actualDate ?? '',
              status: m.status,
              note: m.note ?? '',
              ...(m.kind === 'grid_connection' ? { capacity: m.capacity === null ? '' : plainDecimal(m.capacity) } : {}),
            }}
          />
        </div>
      </div>
    </div>
  );
}
