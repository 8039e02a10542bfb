/**
 * A reporting period's dates: calendar months and 旬 (ten-day parts), what the open-period form
 * suggests, and how a period reads. Pure, and apart from ./schemas so that the forms do not
 * bring zod to the browser (test/client-weight.test.ts).
 */
import type { PeriodKind } from '@/db/schema/enums';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days between the period's due date and its end, as suggested by the open-period form. */
export const DUE_AFTER_END: Record<PeriodKind, number> = { monthly: 5, dekad: 3 };

/**
 * The period that contains `today`: the calendar month, or the ten-day part (旬: 1–10, 11–20,
 * 21–end of month). The due date suggested is a few days after the end.
 */
export function suggestPeriod(kind: PeriodKind, today: string): { startDate: string; endDate: string; dueDate: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let start: number;
  let end: number;
  if (kind === 'monthly') {
    start = 1;
    end = lastDay(y, m);
  } else {
    start = d <= 10 ? 1 : d <= 20 ? 11 : 21;
    end = d <= 10 ? 10 : d <= 20 ? 20 : lastDay(y, m);
  }
  const endDate = iso(y, m, end);
  return { startDate: iso(y, m, start), endDate, dueDate: addDays(endDate, DUE_AFTER_END[kind]) };
}

/**
 * The first period of this kind, from the one containing `today` onwards, that overlaps none of
 * the periods already open (what the open-period form suggests).
 */
export function suggestNextPeriod(
  kind: PeriodKind,
  today: string,
  taken: readonly { startDate: string; endDate: string }[],
): { startDate: string; endDate: string; dueDate: string } {
  let s = suggestPeriod(kind, today);
  for (let i = 0; i < 120 && taken.some((p) => p.startDate <= s.endDate && p.endDate >= s.startDate); i++) {
    s = suggestPeriod(kind, addDays(s.endDate, 1));
  }
  return s;
}

/**
 * How a period reads: a calendar month (monthly), a 旬 of a month (dekad), or else its dates.
 * `part` is 1, 2 or 3 for a dekad; null when the dates are not a calendar month / 旬.
 */
export function periodShape(p: { kind: PeriodKind; startDate: string; endDate: string }): {
  year: number;
  month: number;
  part: 1 | 2 | 3 | null;
  calendar: boolean;
} {
  const [y, m, sd] = p.startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = p.endDate.split('-').map(Number) as [number, number, number];
  const sameMonth = y === ey && m === em;
  if (p.kind === 'monthly') return { year: y, month: m, part: null, calendar: sameMonth && sd === 1 && ed === lastDay(y, m) };
  const parts: [number, number, 1 | 2 | 3][] = [
    [1, 10, 1],
    [11, 20, 2],
    [21, lastDay(y, m), 3],
  ];
  const hit = sameMonth ? parts.find(([s, e]) => s === sd && e === ed) : undefined;
  return { year: y, month: m, part: hit ? hit[2] : null, calendar: Boolean(hit) };
}
