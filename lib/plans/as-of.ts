/**
 * The as-of month (截至月份) of every figure of completion against time-elapsed progress (序时进度):
 * the dashboard's headline and chart, the project page's plan section and light panel, and the
 * lights page all say "截至 2026年10月" / "as of October 2026" for the same month, and compare the
 * plan through that month with approved actuals through the same month. Pure (no database).
 *
 * The rule (issue 13 B7):
 * - A month is REPORTED when the reporting periods that have at least one approved report (in
 *   the actor's scope, or of the project) together cover every day of it: the monthly period,
 *   or all three 旬 (1–10, 11–20, 21–end), or any mix of the two kinds. A month whose first two
 *   旬 are approved but whose third is not is not reported yet: its actuals are incomplete, so
 *   comparing them with the plan through the end of the month would understate completion.
 * - A month that has not ended by today is not reported, whatever is approved in it so far: the
 *   plan is taken through the month's end, so the actuals must be too.
 * - A period counts once one report in it is approved. Reports still awaiting review, returned
 *   or missing do not hold the month back (the dashboard's missing-reports figure counts those);
 *   otherwise one late project would freeze everybody's as-of month.
 * - The as-of month is the latest reported month of the year, unless the user picked another
 *   reported month (?asOf=2026-09). A picked month that is not reported is ignored.
 * - Nothing reported yet: no as-of month (null); a figure of the plan alone then falls back to
 *   the last month that has ended by today (calendarMonth), and says so.
 */

/** A month as 'YYYY-MM'. */
export type MonthKey = string;

/** A reporting period that has approved reports. */
export interface ApprovedPeriod {
  startDate: string;
  endDate: string;
}

export type AsOfSource = 'reported' | 'picked';

export interface AsOf {
  /** The as-of month, or null when no month of the year is reported yet. */
  month: MonthKey | null;
  source: AsOfSource | null;
  /** The reported months of the year, oldest first: the months a user may pick. */
  options: MonthKey[];
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

export function monthKeyOf(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month number (1..12) of a month key. */
export function monthNumber(key: MonthKey): number {
  return Number(key.slice(5, 7));
}

/** The last day of a month, 'YYYY-MM-DD'. */
export function monthEnd(key: MonthKey): string {
  const y = Number(key.slice(0, 4));
  const m = monthNumber(key);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${key}-${String(d).padStart(2, '0')}`;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whether the periods, together, cover every day of the month. */
function covers(periods: readonly ApprovedPeriod[], key: MonthKey): boolean {
  const last = monthEnd(key);
  const inMonth = periods
    .filter((p) => p.startDate <= last && p.endDate >= `${key}-01`)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  let cursor = `${key}-01`; // the first day not covered yet
  for (const p of inMonth) {
    if (p.startDate > cursor) return false; // a day without an approved period
    if (p.endDate >= cursor) cursor = nextDay(p.endDate);
    if (cursor > last) return true;
  }
  return cursor > last;
}

/** The reported months of the year that have ended by `today` (see the rule above), oldest first. */
export function reportedMonths(periods: readonly ApprovedPeriod[], year: number, today: string): MonthKey[] {
  const keys = Array.from({ length: 12 }, (_, i) => monthKeyOf(year, i + 1));
  return keys.filter((k) => monthEnd(k) <= today && covers(periods, k));
}

/** The as-of month: the picked month when it is reported, else the latest reported month of the year. */
export function asOfMonth(periods: readonly ApprovedPeriod[], year: number, today: string, picked?: string | null): AsOf {
  const options = reportedMonths(periods, year, today);
  if (picked != null && options.includes(picked)) return { month: picked, source: 'picked', options };
  const latest = options.at(-1) ?? null;
  return { month: latest, source: latest ? 'reported' : null, options };
}

/** The last month of `year` that has ended by `today` ('YYYY-MM-DD'); null before the end of its January. */
export function calendarMonth(today: string, year: number): MonthKey | null {
  const y = Number(today.slice(0, 4));
  if (y < year) return null;
  if (y > year) return monthKeyOf(year, 12);
  const key = today.slice(0, 7);
  if (today >= monthEnd(key)) return key;
  const m = monthNumber(key) - 1;
  return m === 0 ? null : monthKeyOf(year, m);
}
