/**
 * The rules every change of a reporting period's dates goes through (opening one, correcting
 * one): the dates in order, the dates against the kind (lib/reports/cadence.ts), not too far
 * ahead, and no overlap with another period, checked under one lock so two offices cannot both
 * pass the check at once.
 */
import { and, gte, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { reportingPeriods } from '@/db/schema';
import type { PeriodKind } from '@/db/schema/enums';
import { today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { cadenceErrors } from './cadence';
import { periodDateErrors } from './schemas';

export interface PeriodDates {
  startDate: string;
  endDate: string;
  dueDate: string;
}

/** INVALID with field errors when the dates are out of order or do not fit the kind. */
export function assertPeriodDates(t: Translate, kind: PeriodKind, v: PeriodDates): void {
  const order = periodDateErrors(v);
  const errors = Object.keys(order).length ? order : cadenceErrors(t, kind, v, today());
  if (Object.keys(errors).length) throw new AppError('INVALID', 'period dates', { fieldErrors: errors });
}

/**
 * One writer of periods at a time, until the transaction ends: the overlap check that follows
 * sees every committed period, and no other period is written between the check and the write.
 * SHARE ROW EXCLUSIVE conflicts with itself and with every INSERT, UPDATE or DELETE of the table
 * (ROW EXCLUSIVE), so even a writer that does not take this lock waits, while reads go on.
 */
export async function lockPeriods(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${reportingPeriods} IN SHARE ROW EXCLUSIVE MODE`);
}

/**
 * CONFLICT when another period (of any kind) shares a day with these dates: the same days are
 * never reported twice, which keeps the year's cumulative investment a plain sum. `exceptId`:
 * the period being corrected. Call after lockPeriods.
 */
export async function assertNoOverlap(tx: Tx, kind: PeriodKind, v: PeriodDates, exceptId?: number): Promise<void> {
  const [clash] = await tx
    .select()
    .from(reportingPeriods)
    .where(
      and(
        lte(reportingPeriods.startDate, v.endDate),
        gte(reportingPeriods.endDate, v.startDate),
        exceptId === undefined ? undefined : ne(reportingPeriods.id, exceptId),
      ),
    )
    .limit(1);
  if (!clash) return;
  const same = clash.kind === kind && clash.startDate === v.startDate;
  const key = same ? 'reports.errors.periodExists' : 'reports.errors.periodOverlaps';
  throw new AppError('CONFLICT', same ? 'period exists' : 'period overlaps', {
    messageKey: key,
    fieldErrors: { startDate: [key] },
    current: { id: clash.id, kind: clash.kind, startDate: clash.startDate, endDate: clash.endDate, dueDate: clash.dueDate },
  });
}
