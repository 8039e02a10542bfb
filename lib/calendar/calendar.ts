/**
 * The working-day calendar as the office keeps it (calendar_days): read for the years a clock
 * spans. A year with no exception kept is counted by the week alone, and the pages say so.
 */
import { and, gte, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { calendarDays } from '@/db/schema';
import type { CalendarExceptions } from './working-days';

export interface WorkingCalendar {
  exceptions: CalendarExceptions;
  /** The years in the range for which the office has kept holidays. */
  yearsKept: ReadonlySet<number>;
}

export async function loadCalendar(db: Executor, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  const rows = await db
    .select({ day: calendarDays.day, working: calendarDays.working })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${fromYear}-01-01`), lte(calendarDays.day, `${toYear}-12-31`)));
  return {
    exceptions: new Map(rows.map((r) => [r.day, r.working])),
    yearsKept: new Set(rows.map((r) => Number(r.day.slice(0, 4)))),
  };
}
