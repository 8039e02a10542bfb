/**
 * The report rules that are not authorization, and the helpers the report actions share. Who
 * may edit, review or reopen a report is the permission table's (lib/authz/permissions.ts:
 * report.edit to the project lead, report.review to the responsible leader and the dispatch
 * office, report.reopen to the dispatch office), read on the report's project through
 * reportResource (lib/reports/resource.ts), which the action wrapper loads and checks.
 */
import { eq, or, sql } from 'drizzle-orm';
import { reportingPeriods, reports } from '@/db/schema';
import type { ReportStatus } from '@/db/schema/enums';
import type { Actor, Subject } from '@/lib/authz';
import { REPORT_FIELDS } from './schemas';

export type ReportRow = typeof reports.$inferSelect;
export type PeriodRow = typeof reportingPeriods.$inferSelect;

/** A lead may change a report while it is a draft or was returned to them. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];
export const isEditable = (status: ReportStatus) => EDITABLE_STATUSES.includes(status);

/** The dispatch office reviews on the leader's behalf; this is recorded on the report. */
export function reviewsOnBehalf(actor: Actor, project: Pick<Subject, 'responsibleLeaderId'>): boolean {
  return (project.responsibleLeaderId ?? null) !== actor.id;
}

/** The report fields a lead fills, as the audit trail and a CONFLICT answer carry them. */
export function reportFields(r: Partial<ReportRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of REPORT_FIELDS) if (r[key] !== undefined) out[key] = r[key];
  return out;
}

/** A SQL condition: the report row is in one of these states (the guard of every transition). */
export function statusIn(statuses: readonly ReportStatus[]) {
  return or(...statuses.map((s) => eq(reports.status, s)))!;
}

/** Version + 1, used by every transition. */
export const nextVersion = sql`${reports.version} + 1`;

/** Notification parameters that identify the report (the inbox renders them in the reader's language). */
export function notificationParams(project: { code: string; name: string }, period: PeriodRow): Record<string, string | number> {
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
