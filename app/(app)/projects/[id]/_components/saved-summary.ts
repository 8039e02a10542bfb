import type { Locale } from '@/lib/i18n/config';
import type { HistoryEntry } from '@/lib/projects/queries';
import type { ReferenceData } from '@/lib/reference/queries';
import { fieldLabel, historyValue, orderedKeys } from './history-values';

type T = Parameters<typeof fieldLabel>[0];

/** How recent the audit event of a save must be to be taken as that save's (the page opens right after it). */
export const SAVED_WINDOW_MS = 5 * 60 * 1000;

/**
 * What was saved, as the user reads it: "开工 预计完成日期 2027-06-30" (the milestone's name,
 * then each changed field with its new value), from the newest audit event of that milestone
 * made by `actorName` within SAVED_WINDOW_MS of `now`. Only the name when there is no such
 * event (a save that changed nothing writes none).
 */
export function savedMilestoneText(
  t: T,
  locale: Locale,
  ref: ReferenceData,
  input: { name: string; milestoneId: number; history: HistoryEntry[]; actorName: string; now: Date },
): string {
  const event = input.history.find(
    (e) =>
      e.entityType === 'milestone' &&
      e.entityId === String(input.milestoneId) &&
      e.actorName === input.actorName &&
      input.now.getTime() - new Date(e.at).getTime() <= SAVED_WINDOW_MS,
  );
  if (!event) return input.name;
  const changes = orderedKeys('milestone', event.before, event.after).map(
    (k) => `${fieldLabel(t, 'milestone', k)} ${historyValue(t, locale, ref, 'milestone', k, event.after?.[k] ?? null)}`,
  );
  return [input.name, ...changes].join(' ');
}
