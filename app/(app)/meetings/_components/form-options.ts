import 'server-only';
import type { Actor } from '@/lib/authz';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { meetingFormOptions } from '@/lib/meetings/queries';
import { getReferenceData } from '@/lib/reference/queries';
import type { MeetingFormOptions } from './meeting-form';

/** The choices of the meeting form, labelled in the reader's language. */
export async function loadFormOptions(actor: Actor, locale: Locale): Promise<MeetingFormOptions> {
  const [ref, opts] = await Promise.all([getReferenceData(actor), meetingFormOptions(actor)]);
  const en = locale === 'en';
  const t = translator(locale);
  return {
    categories: ref.categories.map((c) => ({ value: c.value, label: en ? c.labelEn : c.labelZh })),
    counties: ref.counties.map((c) => ({ value: c.value, label: en ? c.labelEn : c.labelZh })),
    leaders: opts.leaders,
    users: opts.users.map((u) => ({ ...u, roleLabel: t(`enums.role.${u.role}`) })),
    units: opts.units.map((u) => ({ id: u.id, name: en ? u.nameEn : u.nameZh })),
  };
}
