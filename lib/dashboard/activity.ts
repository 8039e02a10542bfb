/**
 * The dashboard's counts of things needing attention: milestones due and overdue, active
 * problems by type and age, and the current period's missing reports. One statement each.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { milestones, problems, projects, reportingPeriods, reports } from '@/db/schema';
import type { ProblemType } from '@/db/schema/enums';
import type { Actor } from '@/lib/authz';
import { yearScope } from '@/lib/plan-years/in-year';
import { ACTIVE_STATUSES } from '@/lib/problems/rules';
import {
  currentPeriodIdSql,
  milestoneDueSql,
  milestoneOverdueSql,
  MISSING_REPORT_STATUSES,
  problemAgeBucketSql,
  type ProblemAgeBucket,
} from './drilldown-sql';
import { rowsOf, whereAll } from './sql-util';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export interface MilestoneCounts {
  due: number;
  dueProjects: number;
  overdue: number;
  overdueProjects: number;
}

export async function milestoneCounts(db: Executor, actor: Actor, day: string, year: number): Promise<MilestoneCounts> {
  const due = milestoneDueSql(day);
  const overdue = milestoneOverdueSql(day);
  // Per project first (a hash aggregate), then the totals: cheaper than count(DISTINCT …), which sorts.
  const [row] = await rowsOf<{ due: number; due_projects: number; overdue: number; overdue_projects: number }>(
    db,
    sql`SELECT coalesce(sum(d), 0)::int AS due, count(*) FILTER (WHERE d > 0)::int AS due_projects,
        coalesce(sum(o), 0)::int AS overdue, count(*) FILTER (WHERE o > 0)::int AS overdue_projects
      FROM (
        SELECT ${milestones.projectId}, count(*) FILTER (WHERE ${due}) AS d, count(*) FILTER (WHERE ${overdue}) AS o
        FROM ${milestones} JOIN ${projects} ON ${projects.id} = ${milestones.projectId}
        ${whereAll(yearScope(actor, year), sql`${milestones.actualDate} IS NULL`)}
        GROUP BY ${milestones.projectId}
      ) per_project`,
  );
  return {
    due: Number(row?.due ?? 0),
    dueProjects: Number(row?.due_projects ?? 0),
    overdue: Number(row?.overdue ?? 0),
    overdueProjects: Number(row?.overdue_projects ?? 0),
  };
}

export interface ProblemGroup {
  type: ProblemType;
  bucket: ProblemAgeBucket;
  n: number;
  overdue: number;
}

/** Active problems (open, in progress) grouped by type and age bucket, with how many are overdue. */
export async function activeProblemGroups(db: Executor, actor: Actor, day: string, year: number): Promise<ProblemGroup[]> {
  const rows = await rowsOf<{ type: ProblemType; bucket: ProblemAgeBucket; n: number; overdue: number }>(
    db,
    sql`SELECT ${problems.type} AS type, ${problemAgeBucketSql(day)} AS bucket, count(*)::int AS n,
        count(*) FILTER (WHERE ${problems.deadline} < ${day}::date)::int AS overdue
      FROM ${problems} JOIN ${projects} ON ${projects.id} = ${problems.projectId}
      ${whereAll(yearScope(actor, year), sql`${problems.status} IN (${list(ACTIVE_STATUSES)})`)}
      GROUP BY 1, 2`,
  );
  return rows.map((r) => ({ type: r.type, bucket: r.bucket, n: Number(r.n), overdue: Number(r.overdue) }));
}

export interface MissingReports {
  period: { id: number; start: string; end: string } | null;
  missing: number;
}

/** The current period and how many projects in scope have not submitted (draft or returned) for it. */
export async function missingReports(db: Executor, actor: Actor, day: string, year: number): Promise<MissingReports> {
  const [row] = await rowsOf<{ id: number; start: string; end: string; n: number }>(
    db,
    sql`SELECT cur.id, cur.start_date::text AS start, cur.end_date::text AS "end",
        (SELECT count(*)::int FROM ${reports} r JOIN ${projects} ON ${projects.id} = r.project_id
          ${whereAll(yearScope(actor, year), sql`r.period_id = cur.id`, sql`r.status IN (${list(MISSING_REPORT_STATUSES)})`)}) AS n
      FROM ${reportingPeriods} cur WHERE cur.id = ${currentPeriodIdSql(day)}`,
  );
  if (!row) return { period: null, missing: 0 };
  return { period: { id: Number(row.id), start: row.start, end: row.end }, missing: Number(row.n) };
}
