import 'server-only';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db/client';
import { counties, projects, reportingPeriods, reports, users } from '@/db/schema';
import type { PeriodKind, ReportStatus } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { today } from '@/lib/clock';
import { readCadence } from './cadence';
import { activeProjectsWhere } from './open-period';

/** Reads of periods and report lists (see queries.ts). Scoped by the actor in SQL. */

const lead = alias(users, 'lead');
const leader = alias(users, 'leader');
const reviewer = alias(users, 'reviewer');
const opener = alias(users, 'opener');

export const MAX_ID = 2_147_483_647;
export const validId = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID;

/** Completion of a period in the actor's scope. */
export interface PeriodStats {
  total: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  /** Not submitted (draft) or sent back and not yet resubmitted (returned). */
  missing: number;
  /** Missing and past the due date. */
  overdue: number;
  /** Submitted after the due date (the report's `late` mark). */
  late: number;
}

export interface PeriodSummary {
  id: number;
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  dueDate: string;
  openedAt: Date;
  openedByName: string | null;
  stats: PeriodStats;
}

function periodsQuery(db: Db, actor: Actor, where: SQL | undefined, day: string, mine: boolean) {
  const scoped = db
    .select({ periodId: reports.periodId, status: reports.status, late: reports.late })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .where(and(projectScope(actor), mine ? mineCondition(actor) : undefined))
    .as('scoped');
  const n = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const missing = sql`${scoped.status} in ('draft', 'returned')`;
  return db
    .select({
      period: reportingPeriods,
      openedByName: opener.displayName,
      total: sql<number>`count(${scoped.periodId})::int`,
      draft: n(sql`${scoped.status} = 'draft'`),
      submitted: n(sql`${scoped.status} = 'submitted'`),
      returned: n(sql`${scoped.status} = 'returned'`),
      approved: n(sql`${scoped.status} = 'approved'`),
      missing: n(missing),
      overdue: n(sql`${missing} and ${reportingPeriods.dueDate} < ${day}::date`),
      late: n(sql`${scoped.late}`),
    })
    .from(reportingPeriods)
    .leftJoin(scoped, eq(scoped.periodId, reportingPeriods.id))
    .leftJoin(opener, eq(opener.id, reportingPeriods.openedById))
    .where(where)
    .groupBy(reportingPeriods.id, opener.displayName)
    .orderBy(desc(reportingPeriods.startDate), desc(reportingPeriods.id));
}

type PeriodQueryRow = Awaited<ReturnType<typeof periodsQuery>>[number];

function toSummary(r: PeriodQueryRow): PeriodSummary {
  const { period, openedByName, ...stats } = r;
  return {
    id: period.id,
    kind: period.kind,
    startDate: period.startDate,
    endDate: period.endDate,
    dueDate: period.dueDate,
    openedAt: period.openedAt,
    openedByName,
    stats,
  };
}

/**
 * Reporting periods, newest first, each with its completion in the actor's scope (with `mine`:
 * of the actor's own projects, see mineCondition).
 */
export async function listPeriods(
  actor: Actor,
  { limit = 36, mine = false }: { limit?: number; mine?: boolean } = {},
): Promise<PeriodSummary[]> {
  const rows = await periodsQuery(await getDb(), actor, undefined, today(), mine).limit(Math.max(1, Math.min(limit, 500)));
  return rows.map(toSummary);
}

/** One period with its completion in the actor's scope (or of their own projects); null when it does not exist. */
export async function getPeriod(actor: Actor, id: number, { mine = false }: { mine?: boolean } = {}): Promise<PeriodSummary | null> {
  if (!validId(id)) return null;
  const [row] = await periodsQuery(await getDb(), actor, eq(reportingPeriods.id, id), today(), mine);
  return row ? toSummary(row) : null;
}

export interface ReportListFilters {
  periodId: number;
  status?: ReportStatus[];
  /** Submitted late, or not submitted and past the due date. */
  late?: boolean;
  /** Only the actor's own projects: as project lead (lead) or responsible leader (leader). */
  mine?: boolean;
}

export interface ReportListRow {
  id: number;
  status: ReportStatus;
  late: boolean;
  /** Not submitted (draft/returned) and the due date has passed. */
  overdue: boolean;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewedOnBehalf: boolean;
  reviewerName: string | null;
  investmentThisPeriod: string | null;
  percentComplete: number | null;
  projectId: number;
  projectCode: string;
  projectName: string;
  projectNameEn: string | null;
  countyZh: string | null;
  countyEn: string | null;
  leadName: string | null;
  leaderName: string | null;
}

/** Whose projects "mine" means for this actor; undefined when the role has none of its own. */
export function mineCondition(actor: Actor): SQL | undefined {
  if (actor.role === 'lead') return eq(projects.projectLeadId, actor.id);
  if (actor.role === 'leader') return eq(projects.responsibleLeaderId, actor.id);
  return undefined;
}

/** The reports of one period in the actor's scope, by project code. */
export async function listReports(actor: Actor, filters: ReportListFilters): Promise<ReportListRow[]> {
  if (!validId(filters.periodId)) return [];
  const db = await getDb();
  const day = today();
  const overdueSql = sql<boolean>`(${reports.status} in ('draft', 'returned') and ${reportingPeriods.dueDate} < ${day}::date)`;
  const conditions: (SQL | undefined)[] = [eq(reports.periodId, filters.periodId), projectScope(actor)];
  if (filters.status?.length) conditions.push(inArray(reports.status, filters.status));
  if (filters.late) conditions.push(or(eq(reports.late, true), overdueSql));
  if (filters.mine) conditions.push(mineCondition(actor));
  return db
    .select({
      id: reports.id,
      status: reports.status,
      late: reports.late,
      overdue: overdueSql,
      submittedAt: reports.submittedAt,
      reviewedAt: reports.reviewedAt,
      reviewedOnBehalf: reports.reviewedOnBehalf,
      reviewerName: reviewer.displayName,
      investmentThisPeriod: reports.investmentThisPeriod,
      percentComplete: reports.percentComplete,
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
      projectNameEn: projects.nameEn,
      countyZh: counties.nameZh,
      countyEn: counties.nameEn,
      leadName: lead.displayName,
      leaderName: leader.displayName,
    })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(lead, eq(lead.id, projects.projectLeadId))
    .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
    .leftJoin(reviewer, eq(reviewer.id, reports.reviewedById))
    .where(and(...conditions))
    .orderBy(asc(projects.code), asc(reports.id));
}

/** What the open-period form needs: the cadence setting and how many projects would report. */
export async function getOpenPeriodDefaults(actor: Actor): Promise<{ cadence: PeriodKind; activeProjects: number }> {
  const db = await getDb();
  const [cadence, [active]] = await Promise.all([
    readCadence(db),
    db.select({ n: count() }).from(projects).where(activeProjectsWhere(actor)),
  ]);
  return { cadence, activeProjects: active?.n ?? 0 };
}
