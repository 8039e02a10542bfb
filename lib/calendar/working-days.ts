/**
 * Working-day arithmetic (工作日) over dates as YYYY-MM-DD. Monday to Friday are working days,
 * Saturday and Sunday are not, except for the office's exceptions: a public holiday on a weekday
 * (节假日) and a worked weekend day (调休上班). Pure: the exceptions are given (lib/calendar/queries.ts
 * reads them), so the same rule runs in a test, a page and a job.
 */

/** The office's exceptions: a day → whether it is worked. Days not in it follow the week. */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

const DAY_MS = 86_400_000;
const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `n` calendar days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const kept = exceptions.get(day);
  if (kept !== undefined) return kept;
  const weekday = new Date(toUtc(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The working days after `from` up to and including `to` (0 when `to` is not after `from`): a
 * procedure accepted on a Monday has used one working day by Tuesday evening's count.
 */
export function workingDaysBetween(from: string, to: string, exceptions: CalendarExceptions): number {
  let n = 0;
  for (let ms = toUtc(from) + DAY_MS, end = toUtc(to); ms <= end; ms += DAY_MS) {
    if (isWorkingDay(fromUtc(ms), exceptions)) n++;
  }
  return n;
}

/** The `n`th working day after `from` (the last day within a limit of n working days). */
export function addWorkingDays(from: string, n: number, exceptions: CalendarExceptions): string {
  let day = from;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) left--;
  }
  return day;
}
