import { and, eq } from 'drizzle-orm';
import { reports } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { notify } from '@/lib/notifications/notify';
import { reportResource } from './resource';
import { nextVersion, notificationParams, reportHref, reviewsOnBehalf, statusIn } from './rules';
import { reopenReportSchema, reviewReportSchema } from './schemas';

/**
 * Approves or returns a submitted report: the project's responsible leader (report.review through
 * responsibleLeader) or the dispatch office on the leader's behalf (report.review everywhere;
 * recorded as reviewedOnBehalf).
 *
 * `version` is the version the reviewer saw. The update is guarded by
 * `WHERE id = ? AND version = ? AND status = 'submitted'`, so if the report changed in between
 * (returned, edited and resubmitted by someone else) the decision is refused with CONFLICT and
 * the report stays as it is: an approved report always has the content its approver saw.
 */
export const reviewReport = createAction({
  name: 'report.review',
  schema: reviewReportSchema,
  permission: 'report.review',
  load: { resource: reportResource, id: 'id', version: 'version', lock: true, conflictMessage: 'reports.errors.changedSinceViewed' },
  run: async ({ actor, input, tx, audit, record }) => {
    const { report: before, project, period } = record;
    if (before.status !== 'submitted') throw await conflictWith(tx, reportResource, before.id, 'reports.errors.notSubmitted');

    const approve = input.decision === 'approve';
    const onBehalf = reviewsOnBehalf(actor, project);
    const at = now();
    const comment = input.comment ?? null;
    const [after] = await tx
      .update(reports)
      .set({
        status: approve ? 'approved' : 'returned',
        reviewedAt: at,
        reviewedById: actor.id,
        reviewedOnBehalf: onBehalf,
        reviewComment: comment,
        version: nextVersion,
        updatedAt: at,
      })
      .where(and(eq(reports.id, input.id), eq(reports.version, input.version), statusIn(['submitted'])))
      .returning();
    if (!after) throw await conflictWith(tx, reportResource, input.id, 'reports.errors.changedSinceViewed');

    await audit({
      action: approve ? 'report.approve' : 'report.return',
      entityType: 'report',
      entityId: after.id,
      projectId: project.id,
      before: { status: before.status },
      after: { status: after.status, onBehalf, ...(comment ? { comment } : {}) },
    });
    await notify(
      tx,
      [project.projectLeadId],
      {
        kind: approve ? 'report_approved' : 'report_returned',
        projectId: project.id,
        entityType: 'report',
        entityId: after.id,
        href: reportHref(after.id),
        params: { ...notificationParams(project, period), reviewer: actor.displayName, ...(comment ? { comment } : {}) },
      },
      actor.id,
    );
    return { id: after.id, version: after.version, status: after.status, reviewedOnBehalf: onBehalf };
  },
});

/**
 * Reopens an approved report (dispatch office): approved → returned, with a written reason that
 * the lead sees as the return comment. The reopening is in the report's history; the lead and
 * the responsible leader are notified.
 */
export const reopenReport = createAction({
  name: 'report.reopen',
  schema: reopenReportSchema,
  permission: 'report.reopen',
  load: { resource: reportResource, id: 'id', version: 'version', lock: true },
  run: async ({ actor, input, tx, audit, record }) => {
    const { report: before, project, period } = record;
    if (before.status !== 'approved') throw await conflictWith(tx, reportResource, before.id, 'reports.errors.notApproved');

    const at = now();
    const [after] = await tx
      .update(reports)
      .set({
        status: 'returned',
        reviewComment: input.reason,
        reviewedAt: at,
        reviewedById: actor.id,
        reviewedOnBehalf: false,
        version: nextVersion,
        updatedAt: at,
      })
      .where(and(eq(reports.id, input.id), eq(reports.version, input.version), statusIn(['approved'])))
      .returning();
    if (!after) throw await conflictWith(tx, reportResource, input.id);

    await audit({
      action: 'report.reopen',
      entityType: 'report',
      entityId: after.id,
      projectId: project.id,
      before: { status: 'approved', reviewedById: before.reviewedById },
      after: { status: 'returned', reason: input.reason },
    });
    await notify(
      tx,
      [project.projectLeadId, project.responsibleLeaderId],
      {
        kind: 'report_reopened',
        projectId: project.id,
        entityType: 'report',
        entityId: after.id,
        href: reportHref(after.id),
        params: { ...notificationParams(project, period), reason: input.reason, actorName: actor.displayName },
      },
      actor.id,
    );
    return { id: after.id, version: after.version, status: after.status };
  },
});
