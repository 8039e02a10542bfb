import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { problems, projects, reportingPeriods, reports, users } from '@/db/schema';
import type { PeriodKind, ReportStatus } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { today } from '@/lib/clock';
import { overdueProblemSql, type ProblemListRow, problemRowsWhere } from '@/lib/problems/queries';
import { ACTIVE_STATUSES } from '@/lib/problems/rules';

/**
 * "My work" (我的工作): what each role has to do now. Reports are read with SQL on the reports
 * and reporting_periods tables; every query carries the actor's scope.
 *
 * - lead: their projects' reports to fill (returned with the comment, overdue, due) and the
 *   active problems assigned to their unit;
 * - leader: reports awaiting their review, problems escalated to them, resolved ones to verify;
 * - dispatch: the current period's completion (who has not submitted, who is late), overdue
 *   problems, resolved ones to close.
 * Notifications are listed by lib/notifications/queries.
 */

export const INBOX_LIMIT = 50;

/** Where a report item links to (the reports pages). */
export const reportHref = (id: number) => `/reports/${id}`;

export interface ReportItem {
  id: number;
  href: string;
  status: ReportStatus;
  projectId: number;
  projectCode: string;
  projectName: string;
  projectNameEn: string | null;
  leadName: string | null;
  periodId: number;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  /** Past the due date and not yet submitted. */
  overdue: boolean;
  /** Submitted after the due date. */
  late: boolean;
  submittedAt: Date | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
}

export interface PeriodCompletion {
  id: number;
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  dueDate: string;
  total: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  /** Submitted after the due date, or still not submitted past it. */
  late: number;
}

export interface LeadInbox {
  returned: ReportItem[];
  overdue: ReportItem[];
  due: ReportItem[];
  unitProblems: ProblemListRow[];
}

export interface LeaderInbox {
  toReview: ReportItem[];
  escalated: ProblemListRow[];
  toVerify: ProblemListRow[];
}

export interface DispatchInbox {
  period: PeriodCompletion | null;
  /** The current period's reports not submitted yet (draft or returned), by project code. */
  outstanding: ReportItem[];
  /** The current period's reports submitted after the due date. */
  lateSubmitted: ReportItem[];
  overdueProblems: ProblemListRow[];
  toClose: ProblemListRow[];
}

export interface Inbox {
  lead: LeadInbox | null;
  leader: LeaderInbox | null;
  dispatch: DispatchInbox | null;
}

const lead = alias(users, 'lead');

/** Report items under an extra condition, in the actor's scope (also used by ./lead-work.ts). */
export async function reportItems(actor: Actor, condition: SQL | undefined, order: SQL[], limit = INBOX_LIMIT): Promise<ReportItem[]> {
  const db = await getDb();
  const day = today();
  const rows = await db
    .select({
      id: reports.id,
      status: reports.status,
      projectId: reports.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      projectNameEn: projects.nameEn,
      leadName: lead.displayName,
      periodId: reportingPeriods.id,
      periodKind: reportingPeriods.kind,
      periodStart: reportingPeriods.startDate,
      periodEnd: reportingPeriods.endDate,
      dueDate: reportingPeriods.dueDate,
      overdue: sql<boolean>`(${reports.status} IN ('draft', 'returned') AND ${reportingPeriods.dueDate} < ${day}::date)`,
      late: reports.late,
      submittedAt: reports.submittedAt,
      reviewComment: reports.reviewComment,
      reviewedAt: reports.reviewedAt,
    })
    .from(reports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .leftJoin(lead, eq(lead.id, projects.projectLeadId))
    .where(and(condition, projectScope(actor)))
    .orderBy(...order, asc(reports.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, href: reportHref(r.id) }));
}

const active = inArray(problems.status, [...ACTIVE_STATUSES]);

export async function leadInbox(actor: Actor): Promise<LeadInbox> {
  const day = today();
  const mine = eq(projects.projectLeadId, actor.id);
  const [toFill, unitProblems] = await Promise.all([
    reportItems(actor, and(mine, inArray(reports.status, ['draft', 'returned'])), [asc(reportingPeriods.dueDate)], INBOX_LIMIT * 2),
    actor.unitId === null ? Promise.resolve([]) : problemRowsWhere(actor, and(eq(problems.responsibleUnitId, actor.unitId), active)),
  ]);
  return {
    returned: toFill.filter((r) => r.status === 'returned'),
    overdue: toFill.filter((r) => r.status === 'draft' && r.dueDate < day),
    due: toFill.filter((r) => r.status === 'draft' && r.dueDate >= day),
    unitProblems,
  };
}

export async function leaderInbox(actor: Actor): Promise<LeaderInbox> {
  const [toReview, escalated, toVerify] = await Promise.all([
    reportItems(actor, and(eq(projects.responsibleLeaderId, actor.id), eq(reports.status, 'submitted')), [asc(reports.submittedAt)]),
    problemRowsWhere(actor, and(eq(problems.responsibleLeaderId, actor.id), active, sql`${problems.escalationLevel} >= 1`)),
    problemRowsWhere(actor, and(eq(problems.responsibleLeaderId, actor.id), eq(problems.status, 'resolved'))),
  ]);
  return { toReview, escalated, toVerify };
}

/** The current period: the latest one that has started (or, before any has, the earliest one opened). */
export async function currentPeriod(): Promise<typeof reportingPeriods.$inferSelect | null> {
  const db = await getDb();
  const day = today();
  const [started] = await db
    .select()
    .from(reportingPeriods)
    .where(lte(reportingPeriods.startDate, day))
    .orderBy(desc(reportingPeriods.startDate), desc(reportingPeriods.id))
    .limit(1);
  if (started) return started;
  const [upcoming] = await db.select().from(reportingPeriods).orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.id)).limit(1);
  return upcoming ?? null;
}

export async function periodCompletion(
  actor: Actor,
  periodId: number,
): Promise<Omit<PeriodCompletion, 'id' | 'kind' | 'startDate' | 'endDate' | 'dueDate'>> {
  const db = await getDb();
  const day = today();
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      draft: sql<number>`count(*) FILTER (WHERE ${reports.status} = 'draft')::int`,
      submitted: sql<number>`count(*) FILTER (WHERE ${reports.status} = 'submitted')::int`,
      returned: sql<number>`count(*) FILTER (WHERE ${reports.status} = 'returned')::int`,
      approved: sql<number>`count(*) FILTER (WHERE ${reports.status} = 'approved')::int`,
      late: sql<number>`count(*) FILTER (WHERE ${reports.late} OR (${reports.status} IN ('draft', 'returned') AND ${reportingPeriods.dueDate} < ${day}::date))::int`,
    })
    .from(reports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .where(and(eq(reports.periodId, periodId), projectScope(actor)));
  return row ?? { total: 0, draft: 0, submitted: 0, returned: 0, approved: 0, late: 0 };
}

export async function dispatchInbox(actor: Actor): Promise<DispatchInbox> {
  const day = today();
  const period = await currentPeriod();
  const [completion, outstanding, lateSubmitted, overdueProblems, toClose] = await Promise.all([
    period ? periodCompletion(actor, period.id) : Promise.resolve(null),
    period
      ? reportItems(actor, and(eq(reports.periodId, period.id), inArray(reports.status, ['draft', 'returned'])), [asc(projects.code)], 200)
      : Promise.resolve([]),
    period
      ? reportItems(actor, and(eq(reports.periodId, period.id), eq(reports.late, true)), [asc(reports.submittedAt)], 200)
      : Promise.resolve([]),
    problemRowsWhere(actor, overdueProblemSql(day)),
    problemRowsWhere(actor, eq(problems.status, 'resolved')),
  ]);
  return {
    period:
      period && completion
        ? { id: period.id, kind: period.kind, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate, ...completion }
        : null,
    outstanding,
    lateSubmitted,
    overdueProblems,
    toClose,
  };
}

/** The "my work" sections for the actor's role (admin and viewer: none, only notifications). */
export async function getInbox(actor: Actor): Promise<Inbox> {
  const [leadPart, leaderPart, dispatchPart] = await Promise.all([
    actor.role === 'lead' ? leadInbox(actor) : null,
    actor.role === 'leader' ? leaderInbox(actor) : null,
    actor.role === 'dispatch' ? dispatchInbox(actor) : null,
  ]);
  return { lead: leadPart, leader: leaderPart, dispatch: dispatchPart };
}
