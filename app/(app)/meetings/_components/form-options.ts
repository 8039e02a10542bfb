import 'server-only';
import type { Actor } from '@/lib/authz';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { meetingFormOptions } from '@/lib/meetings/queries';
import { getReferenceData, offered } from '@/lib/reference/queries';
import type { MeetingFormOptions } from './meeting-form';

/** What an edited meeting holds: offered even when retired since (lib/reference/queries offered()). */
export interface HeldChoices {
  scopeCategoryCode: string | null;
  scopeCountyId: number | null;
  unitIds: number[];
}

/** The choices of the meeting form, labelled in the reader's language: active entries, and what the meeting holds. */
export async function loadFormOptions(actor: Actor, locale: Locale, held?: HeldChoices): Promise<MeetingFormOptions> {
  const [ref, opts] = await Promise.all([getReferenceData(actor), meetingFormOptions(actor)]);
  const en = locale === 'en';
  const t = translator(locale);
  return {
    categories: offered(ref.categories, held?.scopeCategoryCode).map((c) => ({ value: c.value, label: en ? c.labelEn : c.labelZh })),
    counties: offered(ref.counties, held?.scopeCountyId).map((c) => ({ value: c.value, label: en ? c.labelEn : c.labelZh })),
    leaders: opts.leaders,
    users: opts.users.map((u) => ({ ...u, roleLabel: t(`enums.role.${u.role}`) })),
    units: opts.units.filter((u) => u.active || held?.unitIds.includes(u.id)).map((u) => ({ id: u.id, name: en ? u.nameEn : u.nameZh })),
  };
}
