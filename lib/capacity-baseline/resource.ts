/**
 * The capacity baseline of a year as a record that the action loads by its year: the
 * prefecture's, shared by every scope (who may record it is the action's business); the row is
 * null until the office first enters it (LoadSpec.creates).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { capacityBaselines } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export type BaselineRow = typeof capacityBaselines.$inferSelect;
export interface BaselineRecord {
  year: number;
  baseline: BaselineRow | null;
}

async function byYear(db: Executor, year: number, lock: boolean): Promise<BaselineRow | null> {
  const q = db.select().from(capacityBaselines).where(eq(capacityBaselines.year, year)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export const baselineResource = defineResource<BaselineRecord, { year: number }>({
  entity: 'capacity_baseline',
  load: async (db, _actor, { year }, lock) => ({ year, baseline: await byYear(db, year, lock) }),
  subject: () => ({ countyId: null, everyScope: true }),
  version: (r) => r.baseline?.version ?? null,
  id: (r) => r.baseline?.id ?? null,
  current: async (db, id) => {
    const [row] = await db.select().from(capacityBaselines).where(eq(capacityBaselines.id, id)).limit(1);
    return row ? { ...row } : null;
  },
});
