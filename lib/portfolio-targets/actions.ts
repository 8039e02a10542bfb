'use server';
/**
 * The dispatch office records a portfolio target's progress (portfolioTarget.record): the figure,
 * its date and source, against the version it saw (a stale one is a CONFLICT with the figure as
 * saved now and who saved it). A count cannot be negative; a growth can.
 */
import { and, eq, sql } from 'drizzle-orm';
import { portfolioTargets } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { portfolioTargetResource } from './resource';
import { recordTargetSchema } from './schemas';

export const recordTargetProgress = createAction({
  name: 'portfolioTarget.record',
  schema: recordTargetSchema,
  permission: 'portfolioTarget.record',
  prefectureOnly: true,
  load: { resource: portfolioTargetResource, id: 'id', version: 'version', lock: true },
  run: async ({ actor, input, tx, audit, record: before }) => {
    if (before.kind === 'count' && input.actual !== null && input.actual.startsWith('-')) {
      throw new AppError('INVALID', 'negative count', { fieldErrors: { actual: ['validation.negativeMoney'] } });
    }
    const [row] = await tx
      .update(portfolioTargets)
      .set({
        actual: input.actual,
        actualAsOf: input.actualAsOf,
        actualSource: input.actualSource,
        updatedById: actor.id,
        version: sql`${portfolioTargets.version} + 1`,
        updatedAt: now(),
      })
      .where(and(eq(portfolioTargets.id, before.id), eq(portfolioTargets.version, before.version)))
      .returning();
    if (!row) throw await conflictWith(tx, portfolioTargetResource, before.id);
    const pick = (r: typeof row) => ({ actual: r.actual, actualAsOf: r.actualAsOf, actualSource: r.actualSource, version: r.version });
    await audit({
      action: 'portfolioTarget.record',
      entityType: 'portfolio_target',
      entityId: row.id,
      before: pick(before),
      after: pick(row),
    });
    return { id: row.id, version: row.version };
  },
});
