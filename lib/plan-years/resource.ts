/**
 * A plan year (年度重点项目计划) as a record that actions load: one list per year for the whole
 * prefecture, shared by every scope (a county office reads its county's projects of the list).
 * Who may change it is the action's business (planYear.rollover, prefecture-wide actors only).
 * It is named by its natural key, the year.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { planYears } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export type PlanYearRecord = typeof planYears.$inferSelect;

// A type, not an interface: a key is a record of numbers (ResourceKey).
export type PlanYearKey = { year: number };

async function currentPlanYear(db: Executor, id: number): Promise<Record<string, unknown> | null> {
  const [row] = await db.select().from(planYears).where(eq(planYears.id, id)).limit(1);
  return row ? { id: row.id, year: row.year, state: row.state, version: row.version, updatedAt: row.updatedAt } : null;
}

export const planYearResource = defineResource<PlanYearRecord, PlanYearKey>({
  entity: 'plan_year',
  load: async (db, _actor, { year }, lock) => {
    const q = db.select().from(planYears).where(eq(planYears.year, year)).limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: () => ({ countyId: null, everyScope: true }),
  version: (r) => r.version,
  id: (r) => r.id,
  current: currentPlanYear,
});
