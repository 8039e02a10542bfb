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
import { problemComments, problems, projects } from '@/db/schema';
import { createAction, type ActionContext } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { can, inScope } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { dispatchOfficeIds, notify, unitMemberIds } from '@/lib/notifications/notify';
import { raiseProblem } from './raise-problem';
import {
  audited,
  conflictError,
  discussionParticipants,
  loadForUpdate,
  type LoadedProblem,
  problemNotice,
  type ProblemRow,
  requireLeader,
  requireUnit,
  wrongState,
} from './internal';
import { problemRef, type Transition, TRANSITIONS } from './rules';
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

function access(found: LoadedProblem) {
  return {
    countyId: found.project.countyId,
    responsibleLeaderId: found.problem.responsibleLeaderId,
    responsibleUnitId: found.problem.responsibleUnitId,
  };
}

/**
 * Loads the problem for a change and makes the checks every change shares, in this order:
 * not visible → NOT_FOUND; not permitted → FORBIDDEN; stale version → CONFLICT (with the
 * current values); a step the status does not allow → INVALID.
 */
async function loadChecked(
  ctx: Pick<ActionContext<unknown>, 'actor' | 'tx'>,
  input: { id: number; version: number },
  check: { permission: Parameters<typeof can>[1]; from?: readonly ProblemRow['status'][] },
): Promise<LoadedProblem> {
  const found = await loadForUpdate(ctx.tx, input.id);
  if (!found || !inScope(ctx.actor, found.project)) throw new AppError('NOT_FOUND', 'problem not found');
  if (!can(ctx.actor, check.permission, problemRef(access(found)))) throw new AppError('FORBIDDEN', 'not allowed on this problem');
  if (found.problem.version !== input.version) throw await conflictError(ctx.tx, input.id);
  if (check.from && !check.from.includes(found.problem.status)) throw wrongState();
  return found;
}

/** Writes a versioned patch; zero rows means someone else got there first. */
async function writePatch(tx: Tx, before: ProblemRow, version: number, patch: Partial<ProblemRow>): Promise<ProblemRow> {
  const [after] = await tx
    .update(problems)
    .set({ ...patch, version: sql`${problems.version} + 1`, updatedAt: now() })
    .where(and(eq(problems.id, before.id), eq(problems.version, version)))
    .returning();
  if (!after) throw await conflictError(tx, before.id);
  return after;
}

// ── 交办: raise a problem ────────────────────────────────────────────────────────────────

/**
 * Raises a problem on a project, from a report or directly. The project's lead or responsible
 * leader (problem.create.own) or the dispatch office. Notifies the responsible unit.
 */
export const createProblem = createAction({
  name: 'problem.create',
  schema: createProblemSchema,
  permission: 'problem.create',
  run: async (ctx) => result(await raiseProblem(ctx, ctx.input)),
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
  run: async ({ actor, input, tx, audit }) => {
    const found = await loadChecked({ actor, tx }, input, { permission: 'problem.update' });
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
      await requireLeader(tx, input.responsibleLeaderId, found.project.countyId);
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
  apply: (ctx: StepCtx<z.output<S>>, found: LoadedProblem) => { patch: Partial<ProblemRow>; extra?: Record<string, unknown> },
  after?: (ctx: StepCtx<z.output<S>>, row: ProblemRow, found: LoadedProblem) => Promise<void>,
) {
  const def = TRANSITIONS[step];
  return createAction({
    name: `problem.${step}`,
    schema,
    permission: def.permission,
    run: async ({ actor, input, tx, audit }) => {
      const typed = input;
      const found = await loadChecked({ actor, tx }, typed, { permission: def.permission, from: def.from });
      const { patch, extra } = apply({ actor, tx, input: typed }, found);
      const full: Partial<ProblemRow> = { status: def.to, ...patch };
      const row = await writePatch(tx, found.problem, typed.version, full);
      const changes = diff(audited(found.problem), audited(full)) ?? { before: {}, after: {} };
      await audit({
        action: `problem.${step}`,
        entityType: 'problem',
        entityId: row.id,
        projectId: row.projectId,
        before: changes.before,
        after: { ...changes.after, ...extra },
      });
      if (after) await after({ actor, tx, input: typed }, row, found);
      return result(row);
    },
  });
}

/** open → in progress: the responsible unit (problem.progress.unit) or the dispatch office. */
export const startProblem = transitionAction('start', transitionSchema, () => ({ patch: {} }));

/**
 * open | in progress → resolved, with what was done: the unit or the dispatch office.
 * Notifies the dispatch office and the problem's responsible leader (they verify and close).
 */
export const resolveProblem = transitionAction(
  'resolve',
  resolveProblemSchema,
  ({ input }) => ({ patch: { resolution: input.resolution, resolvedAt: now() } }),
  async ({ actor, tx }, row, found) => {
    const office = await dispatchOfficeIds(tx, found.project.countyId);
    await notify(tx, [...office, row.responsibleLeaderId], problemNotice(row, 'problem_resolved'), actor.id);
  },
);

/** resolved → closed (销号): the dispatch office (problem.close) or the problem's responsible leader (problem.close.own). */
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
  run: async ({ actor, input, tx, audit }) => {
    const [found] = await tx
      .select({ problem: problems, countyId: projects.countyId })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(eq(problems.id, input.problemId))
      .limit(1);
    if (!found || !inScope(actor, found)) throw new AppError('NOT_FOUND', 'problem not found');
    const p = found.problem;
    if (!can(actor, 'problem.comment', problemRef({ countyId: found.countyId, responsibleLeaderId: p.responsibleLeaderId, responsibleUnitId: p.responsibleUnitId }))) {
      throw new AppError('FORBIDDEN', 'not allowed to comment');
    }
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
