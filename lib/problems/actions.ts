'use server';

/**
 * Mutations of the problem list (问题清单): 交办 (create) → 督办 (start, supervise) → 办结
 * (resolve) → 销号 (close), or reopen. Each goes through createAction: authenticated,
 * validated, permission-checked on the loaded record, versioned, audited and notified in one
 * transaction. A refusal writes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { problemComments, problems } from '@/db/schema';
import { createAction, type ActionContext } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith, type LoadSpec } from '@/lib/authz/resource';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { dispatchOfficeIds, notify, unitMemberIds } from '@/lib/notifications/notify';
import { projectResource } from '@/lib/projects/resource';
import { raiseProblem } from './raise-problem';
import { audited, discussionParticipants, problemNotice, type ProblemRow, requireLeader, requireUnit, wrongState } from './internal';
import { problemResource, type ProblemRecord } from './resource';
import { type Transition, TRANSITIONS } from './rules';
import {
  commentSchema,
  createProblemSchema,
  reopenProblemSchema,
  resolveProblemSchema,
  transitionSchema,
  updateProblemSchema,
} from './schemas';

export type ProblemResult = { id: number; projectId: number; version: number; status: ProblemRow['status'] };

const result = (p: ProblemRow): ProblemResult => ({ id: p.id, projectId: p.projectId, version: p.version, status: p.status });

/**
 * A change of a problem: loaded (locked) through its resource and authorized by the wrapper
 * before run — not visible → NOT_FOUND, not permitted → FORBIDDEN, stale version → CONFLICT
 * (with the current values). What the status allows is each step's own check (INVALID).
 */
const changeLoad = { resource: problemResource, id: 'id', version: 'version', lock: true } as const;

/** Writes a versioned patch; zero rows means someone else got there first. */
async function writePatch(tx: Tx, before: ProblemRow, version: number, patch: Partial<ProblemRow>): Promise<ProblemRow> {
  const [after] = await tx
    .update(problems)
    .set({ ...patch, version: sql`${problems.version} + 1`, updatedAt: now() })
    .where(and(eq(problems.id, before.id), eq(problems.version, version)))
    .returning();
  if (!after) throw await conflictWith(tx, problemResource, before.id);
  return after;
}

// ── 交办: raise a problem ────────────────────────────────────────────────────────────────

/**
 * Raises a problem on a project, from a report or directly. The project's lead or responsible
 * leader, or the dispatch office (the permission table's problem.create). Notifies the
 * responsible unit.
 */
export const createProblem = createAction({
  name: 'problem.create',
  schema: createProblemSchema,
  permission: 'problem.create',
  load: { resource: projectResource, id: 'projectId', field: true },
  run: async (ctx) => result(await raiseProblem(ctx, ctx.record, ctx.input)),
});

// ── The dispatch office edits ────────────────────────────────────────────────────────────

/**
 * The dispatch office changes the unit, leader, deadline, type or description. A new deadline
 * may not lie in the past; moving the deadline to today or later ends the escalation (the
 * earlier escalation stays in the history). A closed problem is not edited (reopen it first).
 */
export const updateProblem = createAction({
  name: 'problem.update',
  schema: updateProblemSchema,
  permission: 'problem.update',
  load: changeLoad,
  run: async ({ actor, input, tx, audit, record: found }) => {
    const before = found.problem;
    if (before.status === 'closed') throw wrongState();

    const patch: Partial<ProblemRow> = {};
    if (input.description !== undefined) patch.description = input.description;
    if (input.type !== undefined) patch.type = input.type;
    if (input.responsibleUnitId !== undefined && input.responsibleUnitId !== before.responsibleUnitId) {
      await requireUnit(tx, input.responsibleUnitId);
      patch.responsibleUnitId = input.responsibleUnitId;
    }
    if (input.responsibleLeaderId !== undefined && input.responsibleLeaderId !== before.responsibleLeaderId) {
      await requireLeader(tx, input.responsibleLeaderId, found.project);
      patch.responsibleLeaderId = input.responsibleLeaderId;
    }
    if (input.deadline !== undefined && input.deadline !== before.deadline) {
      if (input.deadline < today()) {
        throw new AppError('INVALID', 'deadline in the past', { fieldErrors: { deadline: ['validation.deadlineInPast'] } });
      }
      patch.deadline = input.deadline;
      if (before.escalationLevel > 0) {
        patch.escalationLevel = 0;
        patch.escalatedAt = null;
      }
    }

    const changes = diff(audited(before), audited(patch));
    if (!changes) return result(before);
    const after = await writePatch(tx, before, input.version, patch);
    await audit({ action: 'problem.update', entityType: 'problem', entityId: after.id, projectId: after.projectId, ...changes });

    const newUnit = patch.responsibleUnitId !== undefined ? await unitMemberIds(tx, after.responsibleUnitId) : [];
    const newLeader = patch.responsibleLeaderId !== undefined ? [after.responsibleLeaderId] : [];
    await notify(tx, [...newUnit, ...newLeader], problemNotice(after, 'problem_assigned'), actor.id);
    return result(after);
  },
});

// ── Status steps ─────────────────────────────────────────────────────────────────────────

type StepCtx<I> = { actor: ActionContext<unknown>['actor']; tx: Tx; input: I };

function transitionAction<S extends z.ZodType<{ id: number; version: number }>>(
  step: Transition,
  schema: S,
  apply: (ctx: StepCtx<z.output<S>>, found: ProblemRecord) => { patch: Partial<ProblemRow>; extra?: Record<string, unknown> },
  after?: (ctx: StepCtx<z.output<S>>, row: ProblemRow, found: ProblemRecord) => Promise<void>,
) {
  const def = TRANSITIONS[step];
  // S's output has a numeric id and version (its constraint); NumberKeys of a generic type
  // cannot show it, so the shared spec is restated for S.
  const load = changeLoad as LoadSpec<{ id: number; version: number }, ProblemRecord> as unknown as LoadSpec<z.output<S>, ProblemRecord>;
  return createAction({
    name: `problem.${step}`,
    schema,
    permission: def.permission,
    load,
    run: async ({ actor, input, tx, audit, record: found }) => {
      if (!def.from.includes(found.problem.status)) throw wrongState();
      const { patch, extra } = apply({ actor, tx, input }, found);
      const full: Partial<ProblemRow> = { status: def.to, ...patch };
      const row = await writePatch(tx, found.problem, input.version, full);
      const changes = diff(audited(found.problem), audited(full)) ?? { before: {}, after: {} };
      await audit({
        action: `problem.${step}`,
        entityType: 'problem',
        entityId: row.id,
        projectId: row.projectId,
        before: changes.before,
        after: { ...changes.after, ...extra },
      });
      if (after) await after({ actor, tx, input }, row, found);
      return result(row);
    },
  });
}

/** open → in progress: a member of the problem's responsible unit or the dispatch office (problem.progress). */
export const startProblem = transitionAction('start', transitionSchema, () => ({ patch: {} }));

/**
 * open | in progress → resolved, with what was done: the unit or the dispatch office.
 * Notifies the dispatch office and the problem's responsible leader (they verify and close).
 */
export const resolveProblem = transitionAction(
  'resolve',
  resolveProblemSchema,
  ({ input }) => ({ patch: { resolution: input.resolution, resolvedAt: now() } }),
  async ({ actor, tx }, row) => {
    const office = await dispatchOfficeIds(tx, row.projectId);
    await notify(tx, [...office, row.responsibleLeaderId], problemNotice(row, 'problem_resolved'), actor.id);
  },
);

/** resolved → closed (销号): the dispatch office or the problem's responsible leader (problem.close). */
export const closeProblem = transitionAction('close', transitionSchema, () => ({ patch: { closedAt: now() } }));

/**
 * resolved | closed → in progress, with a reason (kept in the history): the same people as
 * close. The resolution is cleared (the next resolve says what was done then); the unit is told.
 */
export const reopenProblem = transitionAction(
  'reopen',
  reopenProblemSchema,
  ({ input }) => ({ patch: { resolution: null, resolvedAt: null, closedAt: null }, extra: { reason: input.reason } }),
  async ({ actor, tx, input }, row) => {
    const members = await unitMemberIds(tx, row.responsibleUnitId);
    await notify(tx, members, problemNotice(row, 'problem_assigned', { reopened: 1, reason: input.reason.slice(0, 200) }), actor.id);
  },
);

// ── The discussion thread ────────────────────────────────────────────────────────────────

/**
 * Adds a comment to the problem's thread: anyone with problem.comment who can see the problem.
 * Notifies the other participants (who raised it, its leader, the unit, earlier commenters).
 * The problem itself does not change (no version check).
 */
export const commentOnProblem = createAction({
  name: 'problem.comment',
  schema: commentSchema,
  permission: 'problem.comment',
  load: { resource: problemResource, id: 'problemId' },
  run: async ({ actor, input, tx, audit, record }) => {
    const p = record.problem;
    const [comment] = await tx
      .insert(problemComments)
      .values({ problemId: p.id, authorId: actor.id, body: input.body, createdAt: now() })
      .returning();
    if (!comment) throw new AppError('INTERNAL', 'insert returned nothing');
    await audit({
      action: 'problem.comment',
      entityType: 'problem',
      entityId: p.id,
      projectId: p.projectId,
      before: null,
      after: { commentId: comment.id, body: comment.body },
    });
    const recipients = [...(await discussionParticipants(tx, p)), ...(await unitMemberIds(tx, p.responsibleUnitId))];
    await notify(tx, recipients, problemNotice(p, 'problem_comment', { commentId: comment.id }), actor.id);
    return { id: comment.id, problemId: p.id };
  },
});
