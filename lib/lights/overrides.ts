/**
 * Manual lights (人工调整): the project's responsible leader (light.override.own) or the dispatch
 * office (light.override) sets a light with a written reason and an end date (today or later).
 * The override is shown beside the computed light, never replaces its record, and applies while
 * it is not cleared and today lies within [startsOn, endsOn]. A new override clears the open one
 * (both stay in the history).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { lightOverrides, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { type Actor, can, inScope, type ProjectRef } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { clearOverrideSchema, overrideLightSchema } from './schemas';

export type OverrideRow = typeof lightOverrides.$inferSelect;

/** Whether an override applies on a day. */
export function overrideApplies(o: Pick<OverrideRow, 'clearedAt' | 'startsOn' | 'endsOn'>, day: string): boolean {
  return o.clearedAt === null && o.startsOn <= day && day <= o.endsOn;
}

/**
 * `.own` here means the project's responsible leader (包抓领导) only: the project lead is left out
 * on purpose, the light is the leader's call, not the reporter's.
 */
export function overrideRef(p: { countyId: number | null; responsibleLeaderId: number | null }): ProjectRef {
  return { countyId: p.countyId, projectLeadId: null, responsibleLeaderId: p.responsibleLeaderId };
}

export function canOverrideLight(actor: Actor, p: { countyId: number | null; responsibleLeaderId: number | null }): boolean {
  return can(actor, 'light.override', overrideRef(p));
}

async function loadProject(tx: Tx, actor: Actor, projectId: number) {
  const [p] = await tx
    .select({ id: projects.id, countyId: projects.countyId, responsibleLeaderId: projects.responsibleLeaderId })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1)
    .for('update');
  if (!p || !inScope(actor, p)) throw new AppError('NOT_FOUND', 'project not found');
  if (!canOverrideLight(actor, p)) throw new AppError('FORBIDDEN', 'not the project leader');
  return p;
}

const view = (o: OverrideRow) => ({ id: o.id, light: o.light, reason: o.reason, startsOn: o.startsOn, endsOn: o.endsOn });

export const overrideLight = createAction({
  name: 'lights.override',
  schema: overrideLightSchema,
  permission: 'light.override',
  run: async ({ actor, input, tx, audit }) => {
    const project = await loadProject(tx, actor, input.projectId);
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
      before: previous ? view(previous) : null,
      after: view(created),
    });
    return { id: created.id, version: created.version };
  },
});

export const clearOverride = createAction({
  name: 'lights.override.clear',
  schema: clearOverrideSchema,
  permission: 'light.override',
  run: async ({ actor, input, tx, audit }) => {
    const [o] = await tx.select().from(lightOverrides).where(eq(lightOverrides.id, input.overrideId)).limit(1);
    if (!o) throw new AppError('NOT_FOUND', 'override not found');
    await loadProject(tx, actor, o.projectId);
    const [cleared] = await tx
      .update(lightOverrides)
      .set({ clearedAt: now(), clearedById: actor.id, version: sql`${lightOverrides.version} + 1` })
      .where(and(eq(lightOverrides.id, o.id), eq(lightOverrides.version, input.version), isNull(lightOverrides.clearedAt)))
      .returning();
    if (!cleared) {
      const [cur] = await tx.select().from(lightOverrides).where(eq(lightOverrides.id, o.id)).limit(1);
      throw new AppError('CONFLICT', 'override changed', {
        messageKey: 'lights.errors.overrideChanged',
        current: cur ? { ...view(cur), version: cur.version, clearedAt: cur.clearedAt } : {},
      });
    }
    await audit({
      action: 'lights.override.clear',
      entityType: 'light_override',
      entityId: o.id,
      projectId: o.projectId,
      before: { ...view(o), clearedAt: null },
      after: { clearedAt: cleared.clearedAt },
    });
    return { id: cleared.id, version: cleared.version };
  },
});
