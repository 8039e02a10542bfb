/**
 * Annual plans (年度计划) and the baseline freeze (基线冻结), both the dispatch office's.
 *
 * - savePlan: creates or updates a project's plan for a year (optimistic locking on version).
 *   Monthly targets are twelve PER-MONTH amounts that add up to the annual plan. A stale
 *   version, or a create when someone else created the plan meanwhile, is a CONFLICT whose
 *   `current` is the plan as saved now, with who changed it last and when (changedBy/changedAt),
 *   so the form can show both and reload. After the freeze the current plan may still change;
 *   its frozen_* figures (the baseline the lights compare against) never do. A past year's plans
 *   are read-only, and a year with a list (lib/plan-years) takes plans for its projects only.
 * - freezeBaseline (prefecture dispatch office, once per year): copies every plan of the year
 *   into its frozen_* columns (creating a plan from the registry's annual planned investment for
 *   projects not yet in operation that have none), and every open milestone's planned date into
 *   its baseline date. From then on the lights compare against the frozen figures.
 */
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { annualPlans, baselineFreezes, milestones, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { sumMoney } from '@/lib/money';
import { freezeBaselineSchema, savePlanSchema } from '@/lib/lights/schemas';
import { assertPlanWritable } from '@/lib/plan-years/guard';
import { planResource } from './resource';

export const savePlan = createAction({
  name: 'lights.plan.save',
  schema: savePlanSchema,
  permission: 'plan.edit',
  // The plan of (project, year), locked; the wrapper answers a stale version, and a create that
  // meets a plan saved meanwhile, with the plan as saved now and who saved it.
  load: { resource: planResource, id: { projectId: 'projectId', year: 'year' }, version: 'version', creates: true, lock: true },
  run: async ({ actor, input, tx, audit, record: { project, plan: existing } }) => {
    // A past year is history; a year with a list takes plans for its projects only.
    await assertPlanWritable(tx, input.year, project.id);
    const planned = sumMoney([input.plannedInvestment]);
    const monthly = input.monthlyTargets ? input.monthlyTargets.map((m) => sumMoney([m])) : null;
    if (monthly && sumMoney(monthly) !== planned) {
      throw new AppError('INVALID', 'monthly targets', { fieldErrors: { monthlyTargets: ['lights.validation.monthlySum'] } });
    }
    const values = { plannedInvestment: planned, monthlyTargets: monthly, targets: input.targets?.trim() || null };
    const at = now();
    if (!existing) {
      // ON CONFLICT: a concurrent transaction created the year's plan after the load (there was no
      // row to lock) → the same CONFLICT as the load's, not a duplicate error.
      const [created] = await tx
        .insert(annualPlans)
        .values({ projectId: project.id, year: input.year, ...values, updatedById: actor.id, createdAt: at, updatedAt: at })
        .onConflictDoNothing({ target: [annualPlans.projectId, annualPlans.year] })
        .returning();
      if (!created) {
        const [raced] = await tx
          .select({ id: annualPlans.id })
          .from(annualPlans)
          .where(and(eq(annualPlans.projectId, project.id), eq(annualPlans.year, input.year)))
          .limit(1);
        if (!raced) throw new AppError('INTERNAL', 'insert returned nothing');
        throw await conflictWith(tx, planResource, raced.id);
      }
      await audit({
        action: 'lights.plan.create',
        entityType: 'annual_plan',
        entityId: created.id,
        projectId: project.id,
        after: { year: input.year, ...values },
      });
      return { id: created.id, version: created.version };
    }
    // The row is locked and its version is the one the user saw (checked by the wrapper).
    const [updated] = await tx
      .update(annualPlans)
      .set({ ...values, updatedById: actor.id, updatedAt: at, version: sql`${annualPlans.version} + 1` })
      .where(eq(annualPlans.id, existing.id))
      .returning();
    if (!updated) throw new AppError('INTERNAL', 'update returned nothing');
    const changes = diff(existing, values);
    await audit({
      action: 'lights.plan.update',
      entityType: 'annual_plan',
      entityId: updated.id,
      projectId: project.id,
      before: changes?.before ?? null,
      after: changes?.after ?? null,
    });
    return { id: updated.id, version: updated.version };
  },
});

export const freezeBaseline = createAction({
  name: 'lights.baseline.freeze',
  schema: freezeBaselineSchema,
  permission: 'baseline.freeze',
  // The baseline is prefecture-wide: a county user cannot freeze the other counties' plans.
  prefectureOnly: true,
  run: async ({ actor, input, tx, audit }) => {
    const [done] = await tx.select().from(baselineFreezes).where(eq(baselineFreezes.year, input.year)).limit(1);
    if (done) {
      throw new AppError('CONFLICT', 'already frozen', {
        messageKey: 'lights.errors.alreadyFrozen',
        current: { year: done.year, frozenAt: done.frozenAt },
      });
    }
    const at = now();
    // Projects without a plan row: take the registry's annual planned investment.
    await tx.execute(sql`
      INSERT INTO ${annualPlans} (project_id, year, planned_investment, updated_by_id, created_at, updated_at)
      SELECT ${projects.id}, ${input.year}, ${projects.annualPlannedInvestment}, ${actor.id},
        ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
      FROM ${projects}
      WHERE ${and(ne(projects.stage, 'operating'), isNotNull(projects.annualPlannedInvestment))}
        AND NOT EXISTS (SELECT 1 FROM ${annualPlans} ap WHERE ap.project_id = ${projects.id} AND ap.year = ${input.year})`);
    const plans = await tx
      .update(annualPlans)
      .set({
        frozenInvestment: sql`${annualPlans.plannedInvestment}`,
        frozenMonthlyTargets: sql`${annualPlans.monthlyTargets}`,
        frozenAt: at,
      })
      .where(eq(annualPlans.year, input.year))
      .returning({ id: annualPlans.id });
    const ms = await tx
      .update(milestones)
      .set({ baselineDate: sql`${milestones.plannedDate}`, version: sql`${milestones.version} + 1`, updatedAt: at })
      .where(isNull(milestones.actualDate))
      .returning({ id: milestones.id });
    const [freeze] = await tx
      .insert(baselineFreezes)
      .values({ year: input.year, frozenAt: at, frozenById: actor.id, planCount: plans.length, milestoneCount: ms.length })
      .returning();
    if (!freeze) throw new AppError('INTERNAL', 'insert returned nothing');
    await audit({
      action: 'lights.baseline.freeze',
      entityType: 'baseline_freeze',
      entityId: freeze.id,
      after: { year: input.year, plans: plans.length, milestones: ms.length },
    });
    return { id: freeze.id, year: freeze.year, plans: plans.length, milestones: ms.length };
  },
});
