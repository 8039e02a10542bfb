import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getMeeting } from '@/lib/meetings/queries';
import { loadFormOptions } from '../../_components/form-options';
import { MeetingForm } from '../../_components/meeting-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meetings');
  return { title: t('form.editTitle') };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const m = await getMeeting(actor, id);
  if (!m || !m.canManage || m.status === 'published') notFound();
  const [t, rawLocale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  const locale = toLocale(rawLocale);
  const options = await loadFormOptions(actor, locale, { ...m, unitIds: m.participants.units.map((u) => u.id) });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href={`/meetings/${m.id}`} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {m.title}
      </Link>
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('form.editTitle')}</h1>
      <MeetingForm
        options={options}
        edit={{ id: m.id, version: m.version }}
        scopeLocked={m.frozenAt !== null}
        countyFixed={actor.countyId !== null}
        initial={{
          title: m.title,
          meetingDate: m.meetingDate,
          chairId: m.chairId ? String(m.chairId) : '',
          scopeCategoryCode: m.scopeCategoryCode ?? '',
          scopeCountyId: m.scopeCountyId ? String(m.scopeCountyId) : '',
          scopeLeaderId: m.scopeLeaderId ? String(m.scopeLeaderId) : '',
          participantIds: m.participants.users.map((u) => u.id),
          unitIds: m.participants.units.map((u) => u.id),
        }}
      />
    </div>
  );
}
