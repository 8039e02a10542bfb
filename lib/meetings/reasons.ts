/**
 * Agenda items in words, in the reader's language, from the data stored with the item (like
 * lib/lights/reasons.ts): the item's title (the project's name, once), and each of its reasons
 * with what it is about ("逾期问题：征地未完成") and why ("逾期 12 天（期限 2025-07-31），已升级至
 * 包抓领导"). Catalogue: meetings.item.* and meetings.reason.*.
 */
import type { AgendaReason } from '@/db/schema/meetings';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import { renderReason } from '@/lib/lights/reasons';
import type { MeetingAgendaKind } from './constants';

export interface AgendaItemText {
  kind: MeetingAgendaKind;
  title: string | null;
  /** Most severe first. */
  reasons: AgendaReason[];
  project: { name: string; nameEn: string | null } | null;
  /** The problems and milestones the reasons name (by id). */
  problems: { id: number; description: string }[];
  milestones: { id: number; name: string; nameEn: string | null }[];
}

/** One reason of an item as the reader sees it: what it is about, and why, one sentence per line. */
export interface AgendaReasonText {
  kind: AgendaReason['kind'];
  /** "红灯", "逾期问题：征地未完成", "节点“开工”滞后"; null for an office item. */
  heading: string | null;
  lines: string[];
  /** The problem the reason names, if any. */
  problemId: number | null;
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function projectName(p: { name: string; nameEn: string | null } | null, locale: Locale): string | null {
  if (!p) return null;
  return locale === 'en' ? (p.nameEn ?? p.name) : p.name;
}

/** The item's heading: the office's wording if given, else the project's name (once, whatever the number of reasons). */
export function agendaItemTitle(t: Translate, item: Pick<AgendaItemText, 'title' | 'project'>, locale: Locale): string {
  return item.title ?? projectName(item.project, locale) ?? '—';
}

/** What one reason is about: the light, the problem or the milestone it names. */
export function agendaReasonHeading(t: Translate, item: AgendaItemText, reason: AgendaReason, locale: Locale): string | null {
  switch (reason.kind) {
    case 'light':
      return t('meetings.item.light', { light: t(`lights.light.${reason.light}`) });
    case 'milestone_slip': {
      const m = item.milestones.find((x) => x.id === reason.milestoneId);
      return t('meetings.item.milestone', { milestone: (locale === 'en' ? (m?.nameEn ?? m?.name) : m?.name) ?? '—' });
    }
    case 'overdue_problem':
    case 'carried_over': {
      const p = item.problems.find((x) => x.id === reason.problemId);
      return t(reason.kind === 'carried_over' ? 'meetings.item.carried' : 'meetings.item.overdue', {
        problem: excerpt(p?.description ?? '—'),
      });
    }
    default:
      return null;
  }
}

/** Every reason of the item, most severe first (as stored), each with its heading and lines. */
export function agendaReasonTexts(
  t: Translate,
  item: AgendaItemText,
  locale: Locale,
  day: (d: string) => string = (d) => d,
): AgendaReasonText[] {
  return item.reasons.map((r) => ({
    kind: r.kind,
    heading: agendaReasonHeading(t, item, r, locale),
    lines: agendaReasonLines(t, r, locale, day),
    problemId: r.kind === 'overdue_problem' || r.kind === 'carried_over' ? r.problemId : null,
  }));
}

/** The item in one line for the minutes' 议题 column: the office's wording, else what its reasons are about. */
export function agendaItemSubject(t: Translate, item: AgendaItemText, locale: Locale): string {
  if (item.title) return item.title;
  const headings = item.reasons.flatMap((r) => agendaReasonHeading(t, item, r, locale) ?? []);
  return headings.length ? headings.join(t('meetings.item.separator')) : agendaItemTitle(t, item, locale);
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
        }) +
          t('meetings.reason.carriedStatus', { status: t(`enums.problemStatus.${reason.status}`), deadline: day(reason.deadline) }) +
          (reason.daysOverdue ? t('meetings.reason.carriedOverdue', { days: reason.daysOverdue }) : ''),
      ];
    default:
      return [t('meetings.reason.custom')];
  }
}
