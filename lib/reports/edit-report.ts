import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reports } from '@/db/schema';
import { type ActionContext, createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { today, now } from '@/lib/clock';
import { AppError, type FieldErrors } from '@/lib/errors';
import { dispatchOfficeIds, notify } from '@/lib/notifications/notify';
import { type ReportRecord, reportResource } from './resource';
import {
  EDITABLE_STATUSES,
  isEditable,
  nextVersion,
  notificationParams,
  type ReportRow,
  reportFields,
  reportHref,
  statusIn,
} from './rules';
import { REPORT_FIELDS, REQUIRED_TO_SUBMIT, saveReportSchema } from './schemas';

type EditInput = z.output<typeof saveReportSchema>;

/**
 * Both load the report locked, through reportResource: not visible → NOT_FOUND, not the
 * project's lead → FORBIDDEN (report.edit is granted through projectLead), a stale version →
 * CONFLICT, all answered by the wrapper before run.
 */
const loadReport = { resource: reportResource, id: 'id', version: 'version', lock: true } as const;

/** The state check and the field changes shared by save and submit. */
async function prepareEdit({ input, tx, record }: ActionContext<EditInput, ReportRecord>) {
  const before = record.report;
  if (!isEditable(before.status)) throw await conflictWith(tx, reportResource, before.id, 'reports.errors.notEditable');

  const patch: Partial<ReportRow> = {};
  for (const key of REPORT_FIELDS) {
    if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
  }
  return { ...record, before, patch, changes: diff(reportFields(before), reportFields(patch)) };
}

/**
 * Saves the report as a draft (any number of times): the project lead only, while it is a draft
 * or was returned. Optimistic locking on `version`; a save that changes nothing writes nothing.
 */
export const saveReport = createAction({
  name: 'report.save',
  schema: saveReportSchema,
  permission: 'report.edit',
  load: loadReport,
  run: async (ctx) => {
    const { tx, audit, input } = ctx;
    const { before, patch, changes, project } = await prepareEdit(ctx);
    if (!changes) return { id: before.id, version: before.version, status: before.status };
    const [after] = await tx
      .update(reports)
      .set({ ...patch, version: nextVersion, updatedAt: now() })
      .where(and(eq(reports.id, input.id), eq(reports.version, input.version), statusIn(EDITABLE_STATUSES)))
      .returning();
    if (!after) throw await conflictWith(tx, reportResource, input.id);
    await audit({ action: 'report.save', entityType: 'report', entityId: after.id, projectId: project.id, ...changes });
    return { id: after.id, version: after.version, status: after.status };
  },
});

/**
 * Submits the report (draft or returned → submitted), saving the fields sent with it first.
 * The required fields are checked on the result, each with its own message. Submitting after
 * the due date is allowed and marks the report late; lateness is decided by the first
 * submission (a resubmission after a return keeps it). The responsible leader is notified; a
 * project without one goes to the dispatch office.
 */
export const submitReport = createAction({
  name: 'report.submit',
  schema: saveReportSchema,
  permission: 'report.edit',
  load: loadReport,
  run: async (ctx) => {
    const { tx, audit, input, actor } = ctx;
    const { before, patch, changes, project, period } = await prepareEdit(ctx);
    const merged = { ...before, ...patch };
    const missing: FieldErrors = {};
    for (const key of REQUIRED_TO_SUBMIT) {
      const v = merged[key];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) missing[key] = [`reports.errors.required.${key}`];
    }
    if (Object.keys(missing).length) throw new AppError('INVALID', 'required to submit', { fieldErrors: missing });

    const late = before.status === 'draft' ? today() > period.dueDate : before.late;
    const at = now();
    const [after] = await tx
      .update(reports)
      .set({
        ...patch,
        status: 'submitted',
        submittedAt: at,
        submittedById: actor.id,
        late,
        version: nextVersion,
        updatedAt: at,
      })
      .where(and(eq(reports.id, input.id), eq(reports.version, input.version), statusIn(EDITABLE_STATUSES)))
      .returning();
    if (!after) throw await conflictWith(tx, reportResource, input.id);

    await audit({
      action: 'report.submit',
      entityType: 'report',
      entityId: after.id,
      projectId: project.id,
      before: { status: before.status, ...(changes?.before ?? {}) },
      after: { status: 'submitted', late, ...(changes?.after ?? {}) },
    });
    const reviewers = project.responsibleLeaderId !== null ? [project.responsibleLeaderId] : await dispatchOfficeIds(tx, project.id);
    await notify(
      tx,
      reviewers,
      {
        kind: 'report_awaiting_review',
        projectId: project.id,
        entityType: 'report',
        entityId: after.id,
        href: reportHref(after.id),
        params: { ...notificationParams(project, period), late: late ? 1 : 0, resubmitted: before.status === 'returned' ? 1 : 0 },
      },
      actor.id,
    );
    return { id: after.id, version: after.version, status: after.status, late };
  },
});
