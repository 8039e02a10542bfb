/**
 * A project's annual plan (年度计划) as a record that actions load and authorize
 * (lib/authz/resource.ts). It is named by its natural key, the project and the year, and it may
 * not exist yet: a visible project without a plan for the year loads with `plan: null` (the
 * save creates it; LoadSpec.creates). It is visible when its project is, and its relations are
 * its project's. The lock takes the project row and, when there is one, the plan row.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { annualPlans, projects } from '@/db/schema';
import { projectScope } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations, projectSubject } from '@/lib/projects/resource';

export type PlanRow = typeof annualPlans.$inferSelect;

export interface PlanRecord {
  project: ProjectRelations & { id: number };
  year: number;
  /** The plan as saved, or null while the project has none for the year. */
  plan: PlanRow | null;
}

// A type, not an interface: a key is a record of numbers (ResourceKey).
export type PlanKey = { projectId: number; year: number };

async function currentPlan(db: Executor, id: number): Promise<PlanRow | null> {
  const [row] = await db.select().from(annualPlans).where(eq(annualPlans.id, id)).limit(1);
  return row ?? null;
}

export const planResource = defineResource<PlanRecord, PlanKey>({
  entity: 'annual_plan',
  load: async (db, actor, { projectId, year }, lock) => {
    // Two statements, one after the other: the plan is the nullable side (an outer join cannot lock it).
    const q = db
      .select({ id: projects.id, ...projectRelationColumns })
      .from(projects)
      .where(and(eq(projects.id, projectId), projectScope(actor)))
      .limit(1);
    const [project] = lock ? await q.for('update') : await q;
    if (!project) return null;
    const p = db
      .select()
      .from(annualPlans)
      .where(and(eq(annualPlans.projectId, project.id), eq(annualPlans.year, year)))
      .limit(1);
    const [plan] = lock ? await p.for('update') : await p;
    return { project, year, plan: plan ?? null };
  },
  subject: (r) => projectSubject(r.project),
  version: (r) => r.plan?.version ?? null,
  id: (r) => r.plan?.id ?? null,
  current: currentPlan,
});
