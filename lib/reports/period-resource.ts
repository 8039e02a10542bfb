/**
 * A reporting period as a record that actions load: periods are shared by every scope (a county
 * office computes its county's lights of the prefecture's period), so every actor sees them.
 * Who may change one is the action's business (period.open, prefecture-wide actors only).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { reportingPeriods } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export type PeriodRecord = typeof reportingPeriods.$inferSelect;

/** The period as it is now, as a CONFLICT answer shows it. */
export async function currentPeriod(db: Executor, id: number): Promise<Record<string, unknown> | null> {
  const [row] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).limit(1);
  if (!row) return null;
  return { id: row.id, kind: row.kind, startDate: row.startDate, endDate: row.endDate, dueDate: row.dueDate, version: row.version };
}

export const periodResource = defineResource<PeriodRecord>({
  entity: 'reporting_period',
  load: async (db, _actor, id, lock) => {
    const q = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: () => ({ countyId: null, everyScope: true }),
  version: (p) => p.version,
  id: (p) => p.id,
  current: currentPeriod,
});
