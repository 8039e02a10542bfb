'use server';
/**
 * The dispatch office records the year's new-energy capacity baseline (capacityBaseline.record):
 * the capacity connected before the year that the registry does not hold, and its source, against
 * the version it saw. A first entry meeting one saved meanwhile, or a stale version, is a
 * CONFLICT with the baseline as saved now and who saved it (answered by the wrapper's load).
 */
import { eq, sql } from 'drizzle-orm';
import { capacityBaselines } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { baselineResource, type BaselineRow } from './resource';
import { recordBaselineSchema } from './schemas';

const pick = (r: BaselineRow) => ({ year: r.year, amount: r.amount, source: r.source, version: r.version });

export const recordCapacityBaseline = createAction({
  name: 'capacityBaseline.record',
  schema: recordBaselineSchema,
  permission: 'capacityBaseline.record',
  prefectureOnly: true,
  load: { resource: baselineResource, id: { year: 'year' }, version: 'version', creates: true, lock: true },
  run: async ({ actor, input, tx, audit, record: { baseline: before } }) => {
    const values = { amount: input.amount, source: input.source, updatedById: actor.id, updatedAt: now() };
    if (!before) {
      // ON CONFLICT: another entry for the year committed after the load (no row to lock then).
      const [created] = await tx
        .insert(capacityBaselines)
        .values({ year: input.year, ...values })
        .onConflictDoNothing({ target: capacityBaselines.year })
        .returning();
      if (!created) {
        const [raced] = await tx
          .select({ id: capacityBaselines.id })
          .from(capacityBaselines)
          .where(eq(capacityBaselines.year, input.year))
          .limit(1);
        if (!raced) throw new AppError('INTERNAL', 'insert returned nothing');
        throw await conflictWith(tx, baselineResource, raced.id);
      }
      await audit({ action: 'capacityBaseline.record', entityType: 'capacity_baseline', entityId: created.id, after: pick(created) });
      return { id: created.id, year: created.year, version: created.version };
    }
    // The row is locked and its version is the one the office saw (checked by the wrapper).
    const [row] = await tx
      .update(capacityBaselines)
      .set({ ...values, version: sql`${capacityBaselines.version} + 1` })
      .where(eq(capacityBaselines.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL', 'update returned nothing');
    await audit({
      action: 'capacityBaseline.record',
      entityType: 'capacity_baseline',
      entityId: row.id,
      before: pick(before),
      after: pick(row),
    });
    return { id: row.id, year: row.year, version: row.version };
  },
});
