'use server';

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { milestones, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff, lastChange } from '@/lib/audit/record';
import { can, inScope } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { createMilestoneSchema, updateMilestoneSchema } from './schemas';

type Milestone = typeof milestones.$inferSelect;

/** The fields a user edits and the history shows; version and timestamps are left out. */
const AUDITED = [
  'kind',
  'name',
  'nameEn',
  'plannedDate',
  'baselineDate',
  'forecastDate',
  'actualDate',
  'status',
  'note',
  'sort',
] as const satisfies readonly (keyof Milestone)[];

function audited(m: Partial<Milestone>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDITED) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/** The milestone as it is now, with who changed it last, for a CONFLICT answer. */
async function currentForConflict(tx: Tx, id: number): Promise<Record<string, unknown>> {
  const [row] = await tx.select().from(milestones).where(eq(milestones.id, id)).limit(1);
  const last = await lastChange(tx, 'milestone', id);
  return { ...row, changedBy: last.changedBy, changedAt: last.changedAt ?? row?.updatedAt ?? null };
}

/**
 * Updates a milestone's forecast date, actual date, status and note. Project leads may update
 * only their own projects' milestones (milestone.update.own). Optimistic locking on `version`.
 */
export const updateMilestone = createAction({
  name: 'milestone.update',
  schema: updateMilestoneSchema,
  permission: 'milestone.update',
  run: async ({ actor, input, tx, audit }) => {
    const [found] = await tx
      .select({ milestone: milestones, countyId: projects.countyId, projectLeadId: projects.projectLeadId })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(eq(milestones.id, input.id))
      .limit(1);
    if (!found || !inScope(actor, found)) throw new AppError('NOT_FOUND', 'milestone not found');
    if (!can(actor, 'milestone.update', found)) throw new AppError('FORBIDDEN', 'not allowed to update this milestone');
    const before = found.milestone;
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', 'stale version', { current: await currentForConflict(tx, before.id) });
    }

    const patch: Partial<Milestone> = { status: input.status };
    if (input.forecastDate !== undefined) patch.forecastDate = input.forecastDate;
    if (input.actualDate !== undefined) patch.actualDate = input.actualDate;
    if (input.note !== undefined) patch.note = input.note;
    const merged = { ...before, ...patch };
    if (merged.status === 'done' && !merged.actualDate) {
      throw new AppError('INVALID', 'done needs an actual date', {
        fieldErrors: { actualDate: ['validation.actualRequiredWhenDone'] },
      });
    }

    const changes = diff(audited(before), audited(patch));
    if (!changes) return { id: before.id, projectId: before.projectId, version: before.version };

    const [after] = await tx
      .update(milestones)
      .set({ ...patch, version: sql`${milestones.version} + 1`, updatedAt: now() })
      .where(and(eq(milestones.id, input.id), eq(milestones.version, input.version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 'stale version', { current: await currentForConflict(tx, input.id) });

    await audit({
      action: 'milestone.update',
      entityType: 'milestone',
      entityId: after.id,
      projectId: after.projectId,
      before: changes.before,
      after: changes.after,
    });
    return { id: after.id, projectId: after.projectId, version: after.version };
  },
});

/** Adds a milestone to a project (dispatch office and administrators). */
export const createMilestone = createAction({
  name: 'milestone.create',
  schema: createMilestoneSchema,
  permission: 'milestone.create',
  run: async ({ actor, input, tx, audit }) => {
    const [project] = await tx
      .select({ id: projects.id, countyId: projects.countyId, projectLeadId: projects.projectLeadId })
      .from(projects)
      .where(eq(projects.id, input.projectId))
      .limit(1);
    if (!project || !inScope(actor, project)) {
      throw new AppError('NOT_FOUND', 'project not found', { fieldErrors: { projectId: ['validation.invalidChoice'] } });
    }
    if (!can(actor, 'milestone.create', project)) throw new AppError('FORBIDDEN', 'not allowed to add milestones');

    let sort = input.sort;
    if (sort === undefined) {
      const [max] = await tx
        .select({ value: sql<number>`coalesce(max(${milestones.sort}), 0)::int` })
        .from(milestones)
        .where(eq(milestones.projectId, project.id));
      sort = (max?.value ?? 0) + 10;
    }
    const [row] = await tx
      .insert(milestones)
      .values({
        projectId: project.id,
        kind: input.kind,
        name: input.name,
        nameEn: input.nameEn ?? null,
        plannedDate: input.plannedDate,
        baselineDate: input.baselineDate ?? null,
        forecastDate: input.forecastDate ?? null,
        actualDate: input.actualDate ?? null,
        status: input.status,
        note: input.note ?? null,
        sort,
        updatedAt: now(),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', 'insert returned nothing');

    const after = Object.fromEntries(Object.entries(audited(row)).filter(([, v]) => v !== null));
    await audit({
      action: 'milestone.create',
      entityType: 'milestone',
      entityId: row.id,
      projectId: project.id,
      before: null,
      after,
    });
    return { id: row.id, projectId: project.id, version: row.version };
  },
});
