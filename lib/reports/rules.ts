/**
 * Who may do what to a report, and the helpers the report actions share. The permission
 * table (lib/authz/permissions.ts) says which roles hold report.edit.own, report.review(.own)
 * and report.reopen; these functions add what depends on the record.
 */
import { eq, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { projects, reportingPeriods, reports } from '@/db/schema';
import type { ReportStatus } from '@/db/schema/enums';
import { lastChange } from '@/lib/audit/record';
import { type Actor, can, hasPermission, inScope, type ProjectRef } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { REPORT_FIELDS } from './schemas';

export type ReportRow = typeof reports.$inferSelect;
export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type ReportProject = ProjectRef & { id: number; code: string; name: string };

/** A lead may change a report while it is a draft or was returned to them. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];
export const isEditable = (status: ReportStatus) => EDITABLE_STATUSES.includes(status);

/**
 * Only the project lead of the project edits, submits and adds photos (report.edit.own).
 * Not can(): a lead holds report.edit.own for every project, so can() would let any lead in.
 */
export function canEditReport(actor: Actor, project: ProjectRef): boolean {
  return inScope(actor, project) && hasPermission(actor, 'report.edit.own') && project.projectLeadId === actor.id;
}

/** The project's responsible leader (report.review.own) or the dispatch office (report.review). */
export function canReviewReport(actor: Actor, project: ProjectRef): boolean {
  return can(actor, 'report.review', project);
}

/** The dispatch office reviews on the leader's behalf; this is recorded on the report. */
export function reviewsOnBehalf(actor: Actor, project: ProjectRef): boolean {
  return (project.responsibleLeaderId ?? null) !== actor.id;
}

export function canReopenReport(actor: Actor, project: ProjectRef): boolean {
  return can(actor, 'report.reopen', project);
}

/** The report fields a lead fills, as the audit trail and a CONFLICT answer carry them. */
export function reportFields(r: Partial<ReportRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of REPORT_FIELDS) if (r[key] !== undefined) out[key] = r[key];
  return out;
}

/**
 * The report with its project and period, locked for the rest of the transaction (a photo
 * upload and a status change cannot interleave). Throws NOT_FOUND when it does not exist or is
 * outside the actor's scope.
 */
export async function lockReport(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({
      report: reports,
      period: reportingPeriods,
      project: {
        id: projects.id,
        code: projects.code,
        name: projects.name,
        countyId: projects.countyId,
        projectLeadId: projects.projectLeadId,
        responsibleLeaderId: projects.responsibleLeaderId,
        responsibleUnitId: projects.responsibleUnitId,
      },
    })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .where(eq(reports.id, id))
    .limit(1)
    .for('update', { of: reports });
  if (!row || !inScope(actor, row.project)) throw new AppError('NOT_FOUND', 'report not found');
  return row;
}

/** The report as it is now, with who changed it last: what a CONFLICT answer carries. */
export async function reportForConflict(tx: Tx, id: number): Promise<Record<string, unknown>> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
  const last = await lastChange(tx, 'report', id);
  if (!row) return {};
  return {
    ...reportFields(row),
    id: row.id,
    status: row.status,
    version: row.version,
    reviewComment: row.reviewComment,
    changedBy: last.changedBy,
    changedAt: last.changedAt ?? row.updatedAt,
  };
}

/**
 * CONFLICT: the record moved on. `reasonKey` (a catalogue key) becomes the user's message when
 * the conflict is about the report's state rather than a stale version.
 */
export async function conflict(tx: Tx, id: number, reasonKey?: string): Promise<AppError> {
  return new AppError('CONFLICT', reasonKey ?? 'stale version', {
    current: await reportForConflict(tx, id),
    ...(reasonKey ? { messageKey: reasonKey } : {}),
  });
}

/** A SQL condition: the report row is in one of these states (the guard of every transition). */
export function statusIn(statuses: readonly ReportStatus[]) {
  return or(...statuses.map((s) => eq(reports.status, s)))!;
}

/** Version + 1, used by every transition. */
export const nextVersion = sql`${reports.version} + 1`;

/** Notification parameters that identify the report (the inbox renders them in the reader's language). */
export function notificationParams(project: ReportProject, period: PeriodRow): Record<string, string | number> {
  return {
    projectCode: project.code,
    projectName: project.name,
    periodKind: period.kind,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    dueDate: period.dueDate,
  };
}

export const reportHref = (id: number) => `/reports/${id}`;
