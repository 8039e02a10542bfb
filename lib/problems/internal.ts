/**
 * Helpers of the problem actions: the audited fields, the wrong-state refusal, the references
 * a change names, who to notify. Take the transaction (`tx`), never the database. Loading and
 * authorizing the problem is not here: the action wrapper does it (lib/problems/resource.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { problemComments, type problems, units, users } from '@/db/schema';
import type { NotificationInput } from '@/lib/notifications/notify';
import { AppError } from '@/lib/errors';
import { inScope } from '@/lib/authz';
import { excerpt } from './rules';

export type ProblemRow = typeof problems.$inferSelect;

/** The fields a user changes and the history shows (no version or timestamps). */
export const AUDITED = [
  'description',
  'type',
  'responsibleUnitId',
  'responsibleLeaderId',
  'deadline',
  'status',
  'resolution',
  'escalationLevel',
] as const satisfies readonly (keyof ProblemRow)[];

export function audited(p: Partial<ProblemRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDITED) if (p[key] !== undefined) out[key] = p[key];
  return out;
}

/** A refusal because the problem is not in a state that allows the step (nothing is written). */
export function wrongState(): AppError {
  return new AppError('INVALID', 'not allowed in this state', {
    messageKey: 'problems.error.wrongState',
    fieldErrors: { status: ['problems.error.wrongState'] },
  });
}

/** The notification for a problem: links to the problem; its title is the start of the description. */
export function problemNotice(
  p: Pick<ProblemRow, 'id' | 'projectId' | 'description' | 'deadline'>,
  kind: NotificationInput['kind'],
  extra: Record<string, string | number> = {},
): NotificationInput {
  return {
    kind,
    projectId: p.projectId,
    entityType: 'problem',
    entityId: p.id,
    href: `/problems/${p.id}`,
    params: { title: excerpt(p.description), deadline: p.deadline, ...extra },
  };
}

/** A unit that exists, or a field error. */
/**
 * A unit that exists and, when the user chose it, is still in use: a retired unit is not offered by
 * the pickers, so choosing one (a stale form, a crafted request) is refused like any other invalid
 * choice. A unit the problem inherits from its project (`chosen: false`) may be retired.
 */
export async function requireUnit(tx: Tx, id: number, { chosen = true, field = 'responsibleUnitId' } = {}): Promise<void> {
  const [u] = await tx.select({ active: units.active }).from(units).where(eq(units.id, id)).limit(1);
  if (!u || (chosen && !u.active)) {
    throw new AppError('INVALID', u ? 'retired unit' : 'unknown unit', { fieldErrors: { [field]: ['validation.invalidChoice'] } });
  }
}

/**
 * An active responsible leader whose scope covers the project (a prefecture leader, or a leader of
 * a county the project touches), or a field error.
 */
export async function requireLeader(
  tx: Tx,
  id: number,
  project: { countyId: number | null; countyIds?: readonly number[] },
  field = 'responsibleLeaderId',
): Promise<void> {
  const [u] = await tx
    .select({ role: users.role, disabled: users.disabled, countyId: users.countyId })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  const ok = u && u.role === 'leader' && !u.disabled && inScope({ countyId: u.countyId }, project);
  if (!ok) throw new AppError('INVALID', 'not a responsible leader', { fieldErrors: { [field]: ['validation.invalidChoice'] } });
}

/** The people in a problem's discussion: who raised it, its leader, and everyone who commented. */
export async function discussionParticipants(tx: Tx, p: Pick<ProblemRow, 'id' | 'raisedById' | 'responsibleLeaderId'>): Promise<number[]> {
  const commenters = await tx
    .selectDistinct({ id: problemComments.authorId })
    .from(problemComments)
    .where(eq(problemComments.problemId, p.id));
  const ids = [p.raisedById, p.responsibleLeaderId, ...commenters.map((c) => c.id)].filter((x): x is number => typeof x === 'number');
  if (ids.length === 0) return [];
  // Only people who can still act (disabled accounts get nothing).
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  return active.map((u) => u.id);
}
