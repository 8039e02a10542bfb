'use server';

import { and, eq, sql } from 'drizzle-orm';
import { milestones } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { projectResource } from '@/lib/projects/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { milestoneResource, type MilestoneRow } from './resource';
import { createMilestoneSchema, updateMilestoneSchema } from './schemas';

type Milestone = MilestoneRow;

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
  'capacity',
  'sort',
] as const satisfies readonly (keyof Milestone)[];

function audited(m: Partial<Milestone>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDITED) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/**
 * Updates a milestone's forecast date, actual date, status, note and (a grid connection's) batch capacity. Project leads may update
 * only their own projects' milestones (milestone.update.own). Optimistic locking on `version`.
 */
export const updateMilestone = createAction({
  name: 'milestone.update',
  schema: updateMilestoneSchema,
  permission: 'milestone.update',
  load: { resource: milestoneResource, id: 'id', version: 'version' },
  run: async ({ input, tx, audit, record }) => {
    const before = record.milestone;
    const patch: Partial<Milestone> = { status: input.status };
    if (input.forecastDate !== undefined) patch.forecastDate = input.forecastDate;
    if (input.actualDate !== undefined) patch.actualDate = input.actualDate;
    if (input.note !== undefined) patch.note = input.note;
    if (input.capacity !== undefined) {
      // The batch capacity is a grid connection's (the database's CHECK says the same).
      if (input.capacity !== null && before.kind !== 'grid_connection') {
        throw new AppError('INVALID', 'capacity on a milestone that is not a grid connection', {
          fieldErrors: { capacity: ['validation.capacityGridOnly'] },
        });
      }
      patch.capacity = input.capacity;
    }
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
    if (!after) throw await conflictWith(tx, milestoneResource, input.id);

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
  load: { resource: projectResource, id: 'projectId', field: true },
  run: async ({ input, tx, audit, record: project }) => {
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
