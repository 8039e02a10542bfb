/**
 * The period the open-period form proposes (pure; server and client): the period of the kind
 * that follows the latest one of that kind already opened — for monthly the month after the
 * latest monthly period, so a month never opened (November) comes before the current one
 * (December) — or, with none of that kind yet, the period containing today. A proposal that
 * would overlap any period already open (of either kind) moves on to the next free one.
 */
import type { PeriodKind } from '@/db/schema/enums';
import { addDays, suggestNextPeriod } from './period-dates';

export interface OpenedPeriod {
  kind: PeriodKind;
  startDate: string;
  endDate: string;
}

export function proposeNextPeriod(
  kind: PeriodKind,
  today: string,
  opened: readonly OpenedPeriod[],
): { startDate: string; endDate: string; dueDate: string } {
  let latest: OpenedPeriod | null = null;
  for (const p of opened) if (p.kind === kind && (latest === null || p.startDate > latest.startDate)) latest = p;
  return suggestNextPeriod(kind, latest ? addDays(latest.endDate, 1) : today, opened);
}
