import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { today } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { loadFormOptions } from '../_components/form-options';
import { MeetingForm } from '../_components/meeting-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meetings');
  return { title: t('form.createTitle') };
}

export default async function NewMeetingPage() {
  await connection();
  const actor = await requireActor();
  if (!hasPermission(actor, 'meeting.manage')) notFound();
  const [t, rawLocale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  const locale = toLocale(rawLocale);
  const options = await loadFormOptions(actor, locale);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href="/meetings" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('detail.back')}
      </Link>
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('form.createTitle')}</h1>
      <MeetingForm
        options={options}
        countyFixed={actor.countyId !== null}
        initial={{
          title: '',
          meetingDate: today(),
          chairId: '',
          scopeCategoryCode: '',
          scopeCountyId: actor.countyId !== null ? String(actor.countyId) : '',
          scopeLeaderId: '',
          participantIds: [],
          unitIds: [],
        }}
      />
    </div>
  );
}
