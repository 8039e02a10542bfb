import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getProblem } from '@/lib/problems/queries';
import { allowedProblemActions } from '@/lib/problems/rules';
import { getReferenceData, offered } from '@/lib/reference/queries';
import { ProblemForm } from '../../_components/problem-form';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('problems.form');
  return { title: t('editTitle') };
}

/** The dispatch office changes a problem's unit, leader, deadline, type or description. */
export default async function EditProblemPage({ params }: Params) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [p, ref, t, rawLocale] = await Promise.all([getProblem(actor, id), getReferenceData(actor), getTranslations(), getLocale()]);
  if (!p) notFound();
  const back = `/problems/${p.id}`;
  const allowed = allowedProblemActions(actor, {
    countyId: p.project.countyId,
    countyIds: p.project.countyIds,
    projectLeadId: p.project.projectLeadId,
    responsibleLeaderId: p.responsibleLeaderId,
    responsibleUnitId: p.responsibleUnitId,
    status: p.status,
  });
  if (!allowed.update) forbidden(); // 403 with ./forbidden.tsx
  const en = toLocale(rawLocale) === 'en';
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={back} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('problems.detail.title', { id: p.id })}
      </Link>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-xl font-semibold text-slate-900">{t('problems.form.editTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{en ? (p.project.nameEn ?? p.project.name) : p.project.name}</p>
        <p className="mt-1 text-xs text-slate-500">{t('problems.form.editIntro')}</p>
        <div className="mt-4">
          <ProblemForm
            mode={{ kind: 'edit', id: p.id, version: p.version }}
            initial={{
              description: p.description,
              type: p.type,
              responsibleUnitId: p.responsibleUnitId === null ? '' : String(p.responsibleUnitId),
              responsibleLeaderId: p.responsibleLeaderId === null ? '' : String(p.responsibleLeaderId),
              deadline: p.deadline,
            }}
            units={offered(ref.responsibleUnits, p.responsibleUnitId)}
            leaders={ref.leaders}
            today={today()}
            onCancelHref={back}
          />
        </div>
      </div>
    </div>
  );
}
