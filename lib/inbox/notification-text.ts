import type { NotificationKind } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { isPeriodSummary, periodSummaryTitle } from '@/lib/notifications/period-summary';

type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

export interface NotificationLike {
  kind: NotificationKind;
  params: Record<string, string | number>;
  projectName: string | null;
  projectNameEn: string | null;
}

/**
 * A notification's text in the reader's language, from its kind and params. The headline
 * names the project; the detail line shows what the params carry (the problem's title, a
 * return comment, a reason, a due date), so any param may be missing.
 */
export function notificationText(t: T, n: NotificationLike, locale: Locale): { title: string; detail: string | null } {
  const p = n.params ?? {};
  const fromParams = typeof p.projectName === 'string' && p.projectName ? p.projectName : null;
  const project = (locale === 'en' ? (n.projectNameEn ?? n.projectName) : n.projectName) ?? fromParams ?? t('inbox.notification.noProject');
  const days = Number(p.days ?? 0);
  let key: string = n.kind;
  if (n.kind === 'problem_escalated') key = Number(p.level) >= 2 ? 'problem_escalated_office' : 'problem_escalated_leader';
  if (n.kind === 'problem_assigned' && p.reopened) key = 'problem_reopened';
  if (n.kind === 'report_awaiting_review' && Number(p.resubmitted) === 1) key = 'report_resubmitted';
  const title =
    n.kind === 'period_opened' && isPeriodSummary(p)
      ? periodSummaryTitle(t, p, locale)
      : t.has(`inbox.notification.kind.${key}`)
        ? t(`inbox.notification.kind.${key}`, { project, days })
        : n.kind;

  const parts: string[] = [];
  if (typeof p.title === 'string' && p.title) parts.push(t('inbox.notification.quoted', { text: p.title }));
  if (typeof p.comment === 'string' && p.comment) parts.push(t('inbox.notification.comment', { text: p.comment }));
  if (typeof p.reason === 'string' && p.reason) parts.push(t('inbox.notification.reason', { text: p.reason }));
  if (Number(p.late) === 1) parts.push(t('inbox.notification.late'));
  if (typeof p.dueDate === 'string' && p.dueDate) parts.push(t('inbox.notification.due', { date: formatDate(p.dueDate, locale) }));
  else if (typeof p.deadline === 'string' && p.deadline && n.kind === 'problem_assigned') {
    parts.push(t('inbox.notification.deadline', { date: formatDate(p.deadline, locale) }));
  }
  return { title, detail: parts.length ? parts.join(' · ') : null };
}
