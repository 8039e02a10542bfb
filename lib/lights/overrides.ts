/**
 * Manual lights (人工调整): the project's responsible leader or the dispatch
 * office (light.override, see the permission table) sets a light with a written reason and an end date (today or later).
 * The override is shown beside the computed light, never replaces its record, and applies while
 * it is not cleared and today lies within [startsOn, endsOn]. A new override clears the open one
 * (both stay in the history).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { lightOverrides } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { projectResource } from '@/lib/projects/resource';
import { type OverrideRow, overrideResource, overrideView } from './resource';
import { clearOverrideSchema, overrideLightSchema } from './schemas';

export type { OverrideRow };

const OVERRIDE_CHANGED = 'lights.errors.overrideChanged';

/** Whether an override applies on a day. */
export function overrideApplies(o: Pick<OverrideRow, 'clearedAt' | 'startsOn' | 'endsOn'>, day: string): boolean {
  return o.clearedAt === null && o.startsOn <= day && day <= o.endsOn;
}

export const overrideLight = createAction({
  name: 'lights.override',
  schema: overrideLightSchema,
  permission: 'light.override',
  // The project row is locked: two overrides of one project cannot interleave.
  load: { resource: projectResource, id: 'projectId', lock: true },
  run: async ({ actor, input, tx, audit, record: project }) => {
    const day = today();
    if (input.endsOn < day) {
      throw new AppError('INVALID', 'ends in the past', { fieldErrors: { endsOn: ['lights.validation.endsInPast'] } });
    }
    const at = now();
    const [previous] = await tx
      .update(lightOverrides)
      .set({ clearedAt: at, clearedById: actor.id, version: sql`${lightOverrides.version} + 1` })
      .where(and(eq(lightOverrides.projectId, project.id), isNull(lightOverrides.clearedAt)))
      .returning();
    const [created] = await tx
      .insert(lightOverrides)
      .values({
        projectId: project.id,
        light: input.light,
        reason: input.reason,
        startsOn: day,
        endsOn: input.endsOn,
        createdById: actor.id,
        createdAt: at,
      })
      .returning();
    if (!created) throw new AppError('INTERNAL', 'insert returned nothing');
    await audit({
      action: 'lights.override',
      entityType: 'light_override',
      entityId: created.id,
      projectId: project.id,
      before: previous ? overrideView(previous) : null,
      after: overrideView(created),
    });
    return { id: created.id, version: created.version };
  },
});

export const clearOverride = createAction({
  name: 'lights.override.clear',
  schema: clearOverrideSchema,
  permission: 'light.override',
  load: { resource: overrideResource, id: 'overrideId', version: 'version', lock: true, conflictMessage: OVERRIDE_CHANGED },
  run: async ({ actor, input, tx, audit, record }) => {
    const o = record.override;
    const [cleared] = await tx
      .update(lightOverrides)
      .set({ clearedAt: now(), clearedById: actor.id, version: sql`${lightOverrides.version} + 1` })
      .where(and(eq(lightOverrides.id, o.id), eq(lightOverrides.version, input.version), isNull(lightOverrides.clearedAt)))
      .returning();
    if (!cleared) throw await conflictWith(tx, overrideResource, o.id, OVERRIDE_CHANGED);
    await audit({
      action: 'lights.override.clear',
      entityType: 'light_override',
      entityId: o.id,
      projectId: o.projectId,
      before: { ...overrideView(o), clearedAt: null },
      after: { clearedAt: cleared.clearedAt },
    });
    return { id: cleared.id, version: cleared.version };
  },
});
