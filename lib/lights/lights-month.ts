/**
 * The period the lights page's lights are for, stated the way the dashboard and the project page
 * state their as-of month (lib/plans/as-of.ts): the latest period end among the computed lights,
 * as a month when it is a month's last day (a monthly period, the third 旬), else as that date,
 * and whether some lights are for other periods. Pure.
 */
import { monthEnd } from '@/lib/plans/as-of';

export interface LightsMonth {
  /** 'YYYY-MM' when the latest period ends on a month's last day, else null (see `date`). */
  month: string | null;
  /** The latest period's end date, 'YYYY-MM-DD'. */
  date: string;
  /** Whether some of the lights are for other periods. */
  mixed: boolean;
}

export function lightsMonth(periodEnds: readonly (string | null | undefined)[]): LightsMonth | null {
  const ends = [...new Set(periodEnds.filter((e): e is string => typeof e === 'string'))].sort();
  const date = ends.at(-1);
  if (!date) return null;
  const key = date.slice(0, 7);
  return { month: monthEnd(key) === date ? key : null, date, mixed: ends.length > 1 };
}
