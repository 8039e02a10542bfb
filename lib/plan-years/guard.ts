/**
 * What may still be written for a plan year: a past year (before the current one, in the
 * deployment's time zone) is read-only history, and a year with a list takes plans only for the
 * projects in it. The actions that write a year's plans call this inside their transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { planYearProjects, planYears } from '@/db/schema';
import { today } from '@/lib/clock';
import { AppError } from '@/lib/errors';

/** The current plan year: the calendar year of today in the deployment's time zone. */
export function currentPlanYear(): number {
  return Number(today().slice(0, 4));
}

/** Whether a year is history (read-only). */
export function isPastYear(year: number): boolean {
  return year < currentPlanYear();
}

export async function assertPlanWritable(tx: Tx, year: number, projectId: number): Promise<void> {
  if (isPastYear(year)) {
    throw new AppError('INVALID', 'past year', { fieldErrors: { year: ['lights.years.validation.pastYear'] } });
  }
  const [list] = await tx.select({ id: planYears.id }).from(planYears).where(eq(planYears.year, year)).limit(1);
  if (!list) return; // no list decided for the year yet: plans may be prepared
  const [member] = await tx
    .select({ id: planYearProjects.id })
    .from(planYearProjects)
    .where(and(eq(planYearProjects.year, year), eq(planYearProjects.projectId, projectId)))
    .limit(1);
  if (!member) throw new AppError('INVALID', 'not in list', { fieldErrors: { year: ['lights.years.validation.notInList'] } });
}
