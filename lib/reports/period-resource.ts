/**
 * A reporting period as a record that actions load: periods are shared by every scope (a county
 * office computes its county's lights of the prefecture's period), so every actor sees them.
 */
import { eq } from 'drizzle-orm';
import { reportingPeriods } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export type PeriodRecord = typeof reportingPeriods.$inferSelect;

export const periodResource = defineResource<PeriodRecord>({
  entity: 'reporting_period',
  load: async (db, _actor, id, lock) => {
    const q = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: () => ({ countyId: null, everyScope: true }),
  id: (p) => p.id,
});
