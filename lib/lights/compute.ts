/**
 * Computes and stores the lights of one reporting period for every project in the actor's scope
 * (all projects for the prefecture dispatch office), in one transaction, with the CURRENT active
 * rule set; each stored light records the rule set id and version that produced it.
 *
 * Re-running for the same period rewrites that period's lights (the latest rules apply). A period
 * that is no longer the latest one with stored lights is history: it is rewritten only when asked
 * (recompute: true), otherwise CONFLICT. Other periods are never touched.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projectLights, projects, reportingPeriods } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import { createAction } from '@/lib/actions/wrapper';
import { projectScope } from '@/lib/authz';
import { now, today as clockToday } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { computeMeasures, type Period } from './measures';
import { ensureDefaultRuleSet } from './rule-set-store';
import { evaluate } from './rules';
import { periodResource } from '@/lib/reports/period-resource';
import { computeLightsSchema } from './schemas';

export interface ComputeResult {
  periodId: number;
  ruleSetId: number;
  ruleSetVersion: number;
  counts: Record<Light, number>;
}

const CHUNK = 1000;

export async function computeAndStoreLights(
  tx: Executor,
  opts: { period: Period; actor: { id: number | null; countyId: number | null }; today?: string; projectIds?: readonly number[] },
): Promise<ComputeResult> {
  const ruleSet = await ensureDefaultRuleSet(tx);
  const measures = await computeMeasures(tx, opts.period, {
    actor: opts.actor,
    today: opts.today ?? clockToday(),
    projectIds: opts.projectIds,
  });
  const computedAt = now();
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  const rows = measures.map((m) => {
    const { light, reasons } = evaluate(m.values, ruleSet.rules, m.context);
    counts[light]++;
    return {
      projectId: m.projectId,
      periodId: opts.period.id,
      light,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      reasons,
      measures: m.snapshot,
      computedAt,
      computedById: opts.actor.id,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(projectLights)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [projectLights.projectId, projectLights.periodId],
        set: {
          light: sql`excluded.light`,
          ruleSetId: sql`excluded.rule_set_id`,
          ruleSetVersion: sql`excluded.rule_set_version`,
          reasons: sql`excluded.reasons`,
          measures: sql`excluded.measures`,
          computedAt: sql`excluded.computed_at`,
          computedById: sql`excluded.computed_by_id`,
        },
      });
  }
  return { periodId: opts.period.id, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, counts };
}

/** Compute the lights of a period (dispatch office; county dispatch users compute their county's projects). */
export const computeLights = createAction({
  name: 'lights.compute',
  schema: computeLightsSchema,
  permission: 'light.compute',
  load: { resource: periodResource, id: 'periodId' },
  run: async ({ actor, input, tx, audit, record: period }) => {
    if (period.startDate > clockToday())
      throw new AppError('INVALID', 'period not started', { messageKey: 'lights.errors.periodNotStarted' });

    if (!input.recompute) {
      // History guard: this period already has lights and a later period has lights too (in scope).
      const [stored] = await tx
        .select({ id: projectLights.id })
        .from(projectLights)
        .innerJoin(projects, eq(projects.id, projectLights.projectId))
        .where(and(eq(projectLights.periodId, period.id), projectScope(actor)))
        .limit(1);
      if (stored) {
        const later = tx.select({ id: reportingPeriods.id }).from(reportingPeriods).where(gt(reportingPeriods.endDate, period.endDate));
        const [newer] = await tx
          .select({ id: projectLights.id })
          .from(projectLights)
          .innerJoin(projects, eq(projects.id, projectLights.projectId))
          .where(and(inArray(projectLights.periodId, later), projectScope(actor)))
          .limit(1);
        if (newer) throw new AppError('CONFLICT', 'earlier period', { messageKey: 'lights.errors.historyProtected' });
      }
    }

    const result = await computeAndStoreLights(tx, { period, actor });
    await audit({
      action: 'lights.compute',
      entityType: 'reporting_period',
      entityId: period.id,
      after: { ...result, recompute: Boolean(input.recompute) },
    });
    return result;
  },
});
