/**
 * A project's procedure plan made from a template (模板生成): each step of the template that the
 * plan does not hold yet (by name) becomes a procedure with the step's agency kind, limits,
 * documents and serial order; its approving unit is the one active unit of that agency kind, or
 * none when the office keeps no such unit or several (the office names it on the plan). Applying
 * a template again adds only what is missing, so it changes nothing the second time.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  procedureEvents,
  procedureTemplateStepDeps,
  procedureTemplateSteps,
  projectProcedureDeps,
  projectProcedures,
  units,
} from '@/db/schema';
import type { AgencyKind } from '@/db/schema/enums';

export interface Applied {
  created: { id: number; nameZh: string }[];
  skipped: string[];
}

/** The unit of each agency kind, where exactly one active unit is of that kind. */
async function agencyUnits(db: Executor, kinds: AgencyKind[]): Promise<Map<AgencyKind, number>> {
  if (!kinds.length) return new Map();
  const rows = await db
    .select({ id: units.id, kind: units.agencyKind })
    .from(units)
    .where(and(eq(units.active, true), inArray(units.agencyKind, kinds)));
  const byKind = new Map<AgencyKind, number[]>();
  for (const r of rows) if (r.kind) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  return new Map([...byKind].filter(([, ids]) => ids.length === 1).map(([k, ids]) => [k, ids[0]!]));
}

export async function applyTemplateTo(db: Executor, projectId: number, templateId: number, actorId: number | null): Promise<Applied> {
  const steps = await db
    .select()
    .from(procedureTemplateSteps)
    .where(eq(procedureTemplateSteps.templateId, templateId))
    .orderBy(asc(procedureTemplateSteps.sort), asc(procedureTemplateSteps.id));
  const existing = await db
    .select({ id: projectProcedures.id, nameZh: projectProcedures.nameZh, sort: projectProcedures.sort })
    .from(projectProcedures)
    .where(eq(projectProcedures.projectId, projectId));
  const byName = new Map(existing.map((p) => [p.nameZh, p.id]));
  const fresh = steps.filter((s) => !byName.has(s.nameZh));
  const unitOf = await agencyUnits(db, [...new Set(fresh.map((s) => s.agencyKind))]);
  const base = existing.reduce((m, p) => Math.max(m, p.sort), 0);
  const created = fresh.length
    ? await db
        .insert(projectProcedures)
        .values(
          fresh.map((s, i) => ({
            projectId,
            templateStepId: s.id,
            nameZh: s.nameZh,
            nameEn: s.nameEn,
            agencyKind: s.agencyKind,
            agencyUnitId: unitOf.get(s.agencyKind) ?? null,
            statutoryDays: s.statutoryDays,
            committedDays: s.committedDays,
            documents: s.documents,
            beforeStart: s.beforeStart,
            sort: base + i + 1,
            updatedById: actorId,
          })),
        )
        .returning({ id: projectProcedures.id, nameZh: projectProcedures.nameZh })
    : [];
  for (const c of created) byName.set(c.nameZh, c.id);
  const procedureOfStep = new Map(steps.map((s) => [s.id, byName.get(s.nameZh)!]));
  const freshIds = new Set(created.map((c) => c.id));

  const deps = steps.length
    ? await db
        .select()
        .from(procedureTemplateStepDeps)
        .where(
          inArray(
            procedureTemplateStepDeps.stepId,
            steps.map((s) => s.id),
          ),
        )
    : [];
  // Only the new procedures get the template's order; what the office adjusted stays as it is.
  const edges = deps
    .map((d) => ({ procedureId: procedureOfStep.get(d.stepId)!, dependsOnId: procedureOfStep.get(d.dependsOnId) }))
    .filter((e): e is { procedureId: number; dependsOnId: number } => freshIds.has(e.procedureId) && e.dependsOnId !== undefined);
  if (edges.length) await db.insert(projectProcedureDeps).values(edges).onConflictDoNothing();
  if (created.length) {
    await db
      .insert(procedureEvents)
      .values(created.map((c) => ({ procedureId: c.id, actorId, step: 'created', fromState: null, toState: 'not_started' as const })));
  }
  return { created, skipped: steps.filter((s) => !freshIds.has(byName.get(s.nameZh)!)).map((s) => s.nameZh) };
}
