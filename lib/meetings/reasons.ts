/**
 * Agenda items in words, in the reader's language, from the data stored with the item (like
 * lib/lights/reasons.ts): the item's title ("S317 裕民—托里公路：红灯") and why it is on the
 * agenda ("逾期 12 天（期限 2025-07-31），已升级至包抓领导"). Catalogue: meetings.item.* and
 * meetings.reason.*.
 */
import type { AgendaReason } from '@/db/schema/meetings';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import { renderReason } from '@/lib/lights/reasons';
import type { MeetingAgendaKind } from './constants';

export interface AgendaItemText {
  kind: MeetingAgendaKind;
  title: string | null;
  reason: AgendaReason;
  project: { name: string; nameEn: string | null } | null;
  problem: { description: string } | null;
  milestone: { name: string; nameEn: string | null } | null;
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function projectName(p: { name: string; nameEn: string | null } | null, locale: Locale): string | null {
  if (!p) return null;
  return locale === 'en' ? (p.nameEn ?? p.name) : p.name;
}

/** The item's heading: the office's wording if given, else built from what it is about. */
export function agendaItemTitle(t: Translate, item: AgendaItemText, locale: Locale): string {
  if (item.title) return item.title;
  const project = projectName(item.project, locale) ?? '—';
  switch (item.kind) {
    case 'light':
      return t('meetings.item.light', {
        project,
        light: t(`lights.light.${item.reason.kind === 'light' ? item.reason.light : 'red'}`),
      });
    case 'milestone_slip':
      return t('meetings.item.milestone', {
        project,
        milestone: (locale === 'en' ? (item.milestone?.nameEn ?? item.milestone?.name) : item.milestone?.name) ?? '—',
      });
    case 'overdue_problem':
    case 'carried_over':
      return t('meetings.item.problem', { project, problem: excerpt(item.problem?.description ?? '—') });
    default:
      return '—';
  }
}

/** Why the item is on the agenda, one sentence per line; `day` formats the dates (default: as stored, YYYY-MM-DD). */
export function agendaReasonLines(t: Translate, reason: AgendaReason, locale: Locale, day: (d: string) => string = (d) => d): string[] {
  switch (reason.kind) {
    case 'light': {
      const lines = reason.reasons.map((r) => renderReason(t, r, locale));
      if (reason.override)
        lines.unshift(t('meetings.reason.override', { light: t(`lights.light.${reason.override.light}`), reason: reason.override.reason }));
      if (reason.ruleSetName) lines.push(t('meetings.reason.ruleSet', { name: reason.ruleSetName, version: reason.ruleSetVersion ?? '—' }));
      return lines.length ? lines : [t('meetings.reason.lightNoRule', { light: t(`lights.light.${reason.light}`) })];
    }
    case 'overdue_problem':
      return [
        t('meetings.reason.overdue', { days: reason.daysOverdue, deadline: day(reason.deadline) }) +
          (reason.escalationLevel > 0 ? t(`meetings.reason.escalated${reason.escalationLevel === 2 ? 'Office' : 'Leader'}`) : ''),
      ];
    case 'milestone_slip':
      return [
        t(reason.overdue ? 'meetings.reason.slipOverdue' : 'meetings.reason.slip', {
          date: day(reason.expectedDate),
          baseline: day(reason.baselineDate),
          days: reason.daysLate,
        }),
      ];
    case 'carried_over':
      return [
        t(reason.assigned ? 'meetings.reason.carriedAssigned' : 'meetings.reason.carriedAgenda', {
          meeting: reason.fromMeetingTitle,
          date: day(reason.fromMeetingDate),
        }) + t('meetings.reason.carriedStatus', { status: t(`enums.problemStatus.${reason.status}`), deadline: day(reason.deadline) }),
      ];
    default:
      return [t('meetings.reason.custom')];
  }
}
