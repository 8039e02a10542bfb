/**
 * Raising a problem (交办), the one implementation: used by the createProblem action and by a
 * dispatch meeting's decision (lib/meetings), inside the caller's transaction, on a project the
 * caller has loaded and authorized for problem.create (createProblem through its load step, the
 * decision through its `related` load of the same resource). Defaults the unit and leader to the
 * project's, writes the audit event and notifies the responsible unit.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { problems, reports } from '@/db/schema';
import type { ActionContext } from '@/lib/actions/wrapper';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { notify, unitMemberIds } from '@/lib/notifications/notify';
import type { ProjectRecord } from '@/lib/projects/resource';
import { audited, problemNotice, type ProblemRow, requireLeader, requireUnit } from './internal';
import type { createProblemSchema } from './schemas';

export type RaiseProblemInput = Omit<z.output<typeof createProblemSchema>, 'projectId'>;

/** The project a problem is raised on (loaded through projectResource, problem.create authorized). */
export type RaiseOn = Pick<ProjectRecord, 'id' | 'countyId' | 'responsibleLeaderId' | 'responsibleUnitId'> & {
  countyIds?: readonly number[];
};

export async function raiseProblem(
  { actor, tx, audit }: Pick<ActionContext<unknown>, 'actor' | 'tx' | 'audit'>,
  project: RaiseOn,
  input: RaiseProblemInput,
  extraAudit: Record<string, unknown> = {},
): Promise<ProblemRow> {
  if (input.reportId != null) {
    const [report] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.id, input.reportId), eq(reports.projectId, project.id)))
      .limit(1);
    if (!report) throw new AppError('INVALID', 'report of another project', { fieldErrors: { reportId: ['validation.invalidChoice'] } });
  }
  const unitId = input.responsibleUnitId ?? project.responsibleUnitId;
  const leaderId = input.responsibleLeaderId ?? project.responsibleLeaderId;
  const missing: Record<string, string[]> = {};
  if (unitId == null) missing.responsibleUnitId = ['validation.required'];
  if (leaderId == null) missing.responsibleLeaderId = ['validation.required'];
  if (unitId == null || leaderId == null) throw new AppError('INVALID', 'unit and leader required', { fieldErrors: missing });
  await requireUnit(tx, unitId, { chosen: unitId !== project.responsibleUnitId });
  await requireLeader(tx, leaderId, project);

  const at = now();
  const [row] = await tx
    .insert(problems)
    .values({
      projectId: project.id,
      reportId: input.reportId ?? null,
      description: input.description,
      type: input.type,
      responsibleUnitId: unitId,
      responsibleLeaderId: leaderId,
      deadline: input.deadline,
      status: 'open',
      raisedById: actor.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL', 'insert returned nothing');

  const after = Object.fromEntries(Object.entries(audited(row)).filter(([, v]) => v !== null));
  await audit({
    action: 'problem.create',
    entityType: 'problem',
    entityId: row.id,
    projectId: row.projectId,
    before: null,
    after: { ...after, reportId: row.reportId, ...extraAudit },
  });
  await notify(tx, await unitMemberIds(tx, unitId), problemNotice(row, 'problem_assigned'), actor.id);
  return row;
}
