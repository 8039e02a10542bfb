/**
 * The agenda and the minutes, each through createAction (the dispatch office running the
 * meeting, meeting.manage):
 *
 * - proposeAgenda     adds the proposed items (lib/meetings/agenda.ts) computed from the data now:
 *                     one per project; a project on the agenda already gains the new reasons
 * - addAgendaItem     an item of the office's own (title, optionally a project)
 * - removeAgendaItem  an item without a decision
 * - reorderAgenda     the whole agenda in a new order
 * - recordDecision    the decision on an item (held meetings); may assign a problem (交办)
 *                     through the problem list's own creation (raiseProblem), which notifies
 *
 * Until the minutes are published (the database refuses agenda changes after that). The
 * meeting or the item (with its meeting) is loaded, locked and authorized by the wrapper
 * before run (404 / 403 / 409); each step checks only what the meeting's status allows.
 */
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { meetingAgendaItems, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { raiseProblem } from '@/lib/problems/raise-problem';
import { projectResource } from '@/lib/projects/resource';
import { proposeAgendaItems } from './agenda';
import { previousMeeting } from './get-meeting';
import { requireStatus, stateError, writeMeeting } from './internal';
import { agendaItemResource, meetingResource } from './resource';
import { meetingProjectScope } from './scope';
import {
  addAgendaItemSchema,
  MAX_AGENDA_ITEMS,
  meetingStepSchema,
  recordDecisionSchema,
  removeAgendaItemSchema,
  reorderAgendaSchema,
} from './schemas';

const OPEN = ['planned', 'held'] as const;

/** The meeting named by `id`, at the version the user saw. */
const meetingLoad = { resource: meetingResource, id: 'id', version: 'version', lock: true } as const;
/** The meeting named by `meetingId`, at the version the user saw (an item added, the order set). */
const parentLoad = { resource: meetingResource, id: 'meetingId', version: 'version', lock: true } as const;
/** The agenda item named by `id` at the version the user saw, with its meeting. */
const itemLoad = { resource: agendaItemResource, id: 'id', version: 'version', lock: true } as const;

async function nextSort(tx: Tx, meetingId: number): Promise<number> {
  const [row] = await tx
    .select({ m: max(meetingAgendaItems.sort) })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId));
  return (row?.m ?? 0) + 1;
}

async function itemCount(tx: Tx, meetingId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId));
  return row?.n ?? 0;
}

/**
 * Adds the proposed items (one per project) after the existing ones, and the new reasons of a
 * project already on the agenda to its item. Returns how many items were added and how many
 * gained reasons.
 */
export const proposeAgenda = createAction({
  name: 'meeting.agenda.propose',
  schema: meetingStepSchema,
  permission: 'meeting.manage',
  load: meetingLoad,
  run: async ({ actor, tx, audit, record: m }) => {
    requireStatus(m, OPEN);
    const previous = await previousMeeting(tx, m);
    const proposed = await proposeAgendaItems(tx, actor, m, previous, today());
    const room = MAX_AGENDA_ITEMS - (await itemCount(tx, m.id));
    const fresh = proposed.filter((p) => p.itemId === null).slice(0, Math.max(0, room));
    const merged = proposed.filter((p) => p.itemId !== null);
    let sort = await nextSort(tx, m.id);
    const at = now();
    const inserted = fresh.length
      ? await tx
          .insert(meetingAgendaItems)
          .values(
            fresh.map((i) => ({
              meetingId: m.id,
              kind: i.reasons[0]!.kind,
              sort: sort++,
              projectId: i.projectId,
              reasons: i.reasons,
              createdById: actor.id,
              createdAt: at,
              updatedAt: at,
            })),
          )
          .returning({ id: meetingAgendaItems.id })
      : [];
    for (const i of merged) {
      const [updated] = await tx
        .update(meetingAgendaItems)
        .set({ kind: i.reasons[0]!.kind, reasons: i.reasons, updatedAt: at, version: sql`${meetingAgendaItems.version} + 1` })
        .where(and(eq(meetingAgendaItems.id, i.itemId!), eq(meetingAgendaItems.version, i.itemVersion!)))
        .returning({ id: meetingAgendaItems.id });
      if (!updated) throw await conflictWith(tx, agendaItemResource, i.itemId!);
    }
    const after = await writeMeeting(tx, m, {});
    const byKind: Record<string, number> = {};
    for (const i of [...fresh, ...merged]) for (const r of i.added) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    await audit({
      action: 'meeting.agenda.propose',
      entityType: 'meeting',
      entityId: m.id,
      before: null,
      after: {
        added: inserted.length,
        merged: merged.length,
        reasonsByKind: byKind,
        itemIds: inserted.map((i) => i.id),
        mergedItemIds: merged.map((i) => i.itemId),
        previousMeetingId: previous?.id ?? null,
      },
    });
    return { id: m.id, version: after.version, added: inserted.length, merged: merged.length };
  },
});

export const addAgendaItem = createAction({
  name: 'meeting.agenda.add',
  schema: addAgendaItemSchema,
  permission: 'meeting.manage',
  load: parentLoad,
  run: async ({ actor, input, tx, audit, record: m }) => {
    requireStatus(m, OPEN);
    if ((await itemCount(tx, m.id)) >= MAX_AGENDA_ITEMS) throw stateError('tooManyItems', 'title');
    const projectId = input.projectId ?? null;
    if (projectId !== null) {
      const [p] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, projectId), meetingProjectScope(m)))
        .limit(1);
      if (!p) throw new AppError('INVALID', 'project outside the meeting', { fieldErrors: { projectId: ['validation.invalidChoice'] } });
    }
    const at = now();
    const [item] = await tx
      .insert(meetingAgendaItems)
      .values({
        meetingId: m.id,
        kind: 'custom',
        sort: await nextSort(tx, m.id),
        projectId,
        title: input.title,
        reasons: [{ kind: 'custom' }],
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!item) throw new AppError('INTERNAL', 'insert returned nothing');
    const after = await writeMeeting(tx, m, {});
    await audit({
      action: 'meeting.agenda.add',
      entityType: 'meeting_agenda_item',
      entityId: item.id,
      projectId,
      before: null,
      after: { meetingId: m.id, kind: item.kind, title: item.title, projectId, sort: item.sort },
    });
    return { id: item.id, meetingId: m.id, version: after.version };
  },
});

export const removeAgendaItem = createAction({
  name: 'meeting.agenda.remove',
  schema: removeAgendaItemSchema,
  permission: 'meeting.manage',
  load: itemLoad,
  run: async ({ tx, audit, record: { item, meeting } }) => {
    requireStatus(meeting, OPEN);
    if (item.decision !== null) throw stateError('hasDecision');
    await tx.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.id, item.id), eq(meetingAgendaItems.version, item.version)));
    const after = await writeMeeting(tx, meeting, {});
    await audit({
      action: 'meeting.agenda.remove',
      entityType: 'meeting_agenda_item',
      entityId: item.id,
      projectId: item.projectId,
      before: {
        meetingId: meeting.id,
        kind: item.kind,
        title: item.title,
        projectId: item.projectId,
        reasons: item.reasons,
      },
      after: null,
    });
    return { id: item.id, meetingId: meeting.id, version: after.version };
  },
});

/** Sets the order of the whole agenda: itemIds must be exactly the meeting's items (as the user saw them). */
export const reorderAgenda = createAction({
  name: 'meeting.agenda.reorder',
  schema: reorderAgendaSchema,
  permission: 'meeting.manage',
  load: parentLoad,
  run: async ({ input, tx, audit, record: m }) => {
    requireStatus(m, OPEN);
    const current = await tx
      .select({ id: meetingAgendaItems.id, sort: meetingAgendaItems.sort })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, m.id))
      .orderBy(asc(meetingAgendaItems.sort), asc(meetingAgendaItems.id));
    const given = new Set(input.itemIds);
    if (given.size !== input.itemIds.length || given.size !== current.length || current.some((c) => !given.has(c.id))) {
      throw stateError('orderMismatch', 'itemIds');
    }
    const beforeOrder = current.map((c) => c.id);
    if (beforeOrder.every((id, i) => id === input.itemIds[i])) return { id: m.id, version: m.version };
    const at = now();
    // One statement: sort = position in the given list.
    await tx.execute(sql`
      UPDATE ${meetingAgendaItems} AS a SET sort = o.pos, updated_at = ${at.toISOString()}::timestamptz
      FROM unnest(${sql.raw(`ARRAY[${input.itemIds.map((id) => Number(id)).join(',')}]::int[]`)}) WITH ORDINALITY AS o(id, pos)
      WHERE a.id = o.id AND a.meeting_id = ${m.id}`);
    const after = await writeMeeting(tx, m, {});
    await audit({
      action: 'meeting.agenda.reorder',
      entityType: 'meeting',
      entityId: m.id,
      before: { order: beforeOrder },
      after: { order: input.itemIds },
    });
    return { id: m.id, version: after.version };
  },
});

/**
 * The decision on an agenda item (会议决定), while the meeting is held (before the minutes are
 * published). With `problem`, the decision assigns a problem (交办) on the item's project (or
 * the given one, for an item without a project) through raiseProblem: the same checks, audit
 * event and notification as raising it from the problem list. One problem per decision.
 */
export const recordDecision = createAction({
  name: 'meeting.decision',
  schema: recordDecisionSchema,
  permission: 'meeting.manage',
  load: itemLoad,
  related: {
    // The problem assigned (交办) is raised on a second record: the item's project, or the one the
    // form names. It needs problem.create on that project (404 not visible, 403 not granted),
    // as createProblem's own load does.
    problemProject: {
      resource: projectResource,
      permission: 'problem.create',
      field: 'problem.projectId',
      key: (input, { item }) => (input.problem ? (input.problem.projectId ?? item.projectId) : null),
    },
  },
  run: async (ctx) => {
    const { actor, input, tx, audit } = ctx;
    const { item, meeting } = ctx.record;
    const project = ctx.related.problemProject;
    requireStatus(meeting, ['held']);
    let problemId = item.decisionProblemId;
    if (input.problem) {
      if (item.decisionProblemId !== null) throw stateError('problemExists', 'problem');
      if (!project) throw new AppError('INVALID', 'project required', { fieldErrors: { 'problem.projectId': ['validation.required'] } });
      if (item.projectId === null) {
        const [p] = await tx
          .select({ id: projects.id })
          .from(projects)
          .where(and(eq(projects.id, project.id), meetingProjectScope(meeting)))
          .limit(1);
        if (!p)
          throw new AppError('INVALID', 'project outside the meeting', {
            fieldErrors: { 'problem.projectId': ['validation.invalidChoice'] },
          });
      }
      const problem = await raiseProblem(
        ctx,
        project,
        {
          description: input.problem.description,
          type: input.problem.type,
          responsibleUnitId: input.problem.responsibleUnitId,
          responsibleLeaderId: input.problem.responsibleLeaderId,
          deadline: input.problem.deadline,
        },
        { meetingId: meeting.id, agendaItemId: item.id },
      );
      problemId = problem.id;
    }
    const at = now();
    const [after] = await tx
      .update(meetingAgendaItems)
      .set({
        decision: input.decision,
        decisionProblemId: problemId,
        decidedAt: at,
        decidedById: actor.id,
        updatedAt: at,
        version: sql`${meetingAgendaItems.version} + 1`,
      })
      .where(and(eq(meetingAgendaItems.id, item.id), eq(meetingAgendaItems.version, item.version)))
      .returning();
    if (!after) throw await conflictWith(tx, agendaItemResource, item.id);
    const changes = diff(
      { decision: item.decision, decisionProblemId: item.decisionProblemId },
      { decision: after.decision, decisionProblemId: after.decisionProblemId },
    );
    await audit({
      action: 'meeting.decision',
      entityType: 'meeting_agenda_item',
      entityId: item.id,
      projectId: item.projectId,
      before: changes?.before ?? {},
      after: { ...(changes?.after ?? {}), meetingId: meeting.id },
    });
    return { id: after.id, meetingId: meeting.id, version: after.version, problemId };
  },
});
