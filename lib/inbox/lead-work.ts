import 'server-only';
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { milestones, problems, projects, reports } from '@/db/schema';
import type { MilestoneKind, MilestoneStatus } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { today } from '@/lib/clock';
import { DUE_WINDOW_DAYS, milestoneDueSql } from '@/lib/dashboard/drilldown-sql';
import { overdueSql } from '@/lib/milestones/overdue';
import { type ProblemListRow, problemRowsWhere } from '@/lib/problems/queries';
import { ACTIVE_STATUSES } from '@/lib/problems/rules';
import { currentPeriod, INBOX_LIMIT, type ReportItem, reportItems } from './queries';

/**
 * A project lead's start page (我的工作), beyond the reports to fill (./queries.ts leadInbox):
 * the current period's reports of their projects that are not approved yet, with their state;
 * their projects' milestones that are overdue or due within DUE_WINDOW_DAYS (the dashboard's
 * one definition, lib/dashboard/drilldown-sql.ts); and their projects' active problems.
 * "Their projects" are the ones whose project lead (项目负责人) is the actor, always within the
 * actor's scope.
 */

export interface LeadMilestoneItem {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  projectNameEn: string | null;
  kind: MilestoneKind;
  name: string;
  nameEn: string | null;
  status: MilestoneStatus;
  /** The date the milestone is now expected (the forecast, else the plan). */
  expectedDate: string;
  /** The date committed to (the baseline, else the plan): overdue once it has passed. */
  committedDate: string;
  overdue: boolean;
  /** Where the lead updates it. */
  href: string;
}

export interface LeadWork {
  period: { id: number; kind: string; startDate: string; endDate: string; dueDate: string } | null;
  currentReports: ReportItem[];
  milestones: LeadMilestoneItem[];
  problems: ProblemListRow[];
}

export const milestoneEditHref = (projectId: number, milestoneId: number) => `/projects/${projectId}/milestones/${milestoneId}/edit`;

export async function leadMilestones(actor: Actor, day = today()): Promise<LeadMilestoneItem[]> {
  const db = await getDb();
  const overdue = overdueSql(day);
  const rows = await db
    .select({
      id: milestones.id,
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
      projectNameEn: projects.nameEn,
      kind: milestones.kind,
      name: milestones.name,
      nameEn: milestones.nameEn,
      status: milestones.status,
      expectedDate: sql<string>`coalesce(${milestones.forecastDate}, ${milestones.plannedDate})::text`,
      committedDate: sql<string>`coalesce(${milestones.baselineDate}, ${milestones.plannedDate})::text`,
      overdue: sql<boolean>`${overdue}`,
    })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(and(eq(projects.projectLeadId, actor.id), projectScope(actor), or(overdue, milestoneDueSql(day))))
    .orderBy(
      sql`${overdue} DESC`,
      asc(sql`coalesce(${milestones.forecastDate}, ${milestones.plannedDate})`),
      asc(projects.code),
      asc(milestones.id),
    )
    .limit(INBOX_LIMIT);
  return rows.map((r) => ({ ...r, href: milestoneEditHref(r.projectId, r.id) }));
}

export async function leadWork(actor: Actor): Promise<LeadWork> {
  const day = today();
  const mine = eq(projects.projectLeadId, actor.id);
  const period = await currentPeriod();
  const [currentReports, due, open] = await Promise.all([
    period
      ? reportItems(actor, and(mine, eq(reports.periodId, period.id), ne(reports.status, 'approved')), [asc(projects.code)], 200)
      : Promise.resolve([]),
    leadMilestones(actor, day),
    problemRowsWhere(actor, and(mine, inArray(problems.status, [...ACTIVE_STATUSES]))),
  ]);
  return {
    period: period
      ? { id: period.id, kind: period.kind, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate }
      : null,
    currentReports,
    milestones: due,
    problems: open,
  };
}

export { DUE_WINDOW_DAYS };

/** The project's report for the current period (null when there is no period or no report), in the actor's scope. */
export async function projectCurrentReport(
  actor: Actor,
  projectId: number,
): Promise<{ period: LeadWork['period']; report: ReportItem | null }> {
  if (!Number.isSafeInteger(projectId) || projectId < 1 || projectId > 2_147_483_647) return { period: null, report: null };
  const period = await currentPeriod();
  if (!period) return { period: null, report: null };
  const [report] = await reportItems(actor, and(eq(reports.projectId, projectId), eq(reports.periodId, period.id)), [], 1);
  return {
    period: { id: period.id, kind: period.kind, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate },
    report: report ?? null,
  };
}
