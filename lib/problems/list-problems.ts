import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { counties, problemComments, problems, projects, units, users } from '@/db/schema';
import type { ProblemStatus } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { today } from '@/lib/clock';
import { problemAgeFilterSql } from '@/lib/dashboard/drilldown-sql';
import { inYearList } from '@/lib/plan-years/in-year';
import { ACTIVE_STATUSES } from './rules';
import type { ProblemListParams, ProblemSortKey } from './search-params';

// The problem list: its WHERE clause, one page of rows, the counts. Every function takes the
// actor; the project's county scope is part of the WHERE clause.

const leader = alias(users, 'leader');

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MAX_ID = 2_147_483_647;
const validId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID;

/** Active and past its deadline (SQL). */
export function overdueProblemSql(day: string): SQL {
  return sql`(${problems.status} IN ('open', 'in_progress') AND ${problems.deadline} < ${day}::date)`;
}

/** The WHERE clause of the problem list: the actor's scope AND the filters. Shared by list and count. */
export function problemWhere(actor: Actor, p: ProblemListParams, day = today()): SQL | undefined {
  const parts: (SQL | undefined)[] = [projectScope(actor)];
  if (p.q) {
    const pattern = likePattern(p.q);
    parts.push(
      or(
        ilike(problems.description, pattern),
        ilike(projects.name, pattern),
        ilike(projects.nameEn, pattern),
        ilike(projects.code, pattern),
        /^\d{1,9}$/.test(p.q) ? eq(problems.id, Number(p.q)) : undefined,
      ),
    );
  }
  if (p.status.length) parts.push(inArray(problems.status, p.status));
  if (p.type.length) parts.push(inArray(problems.type, p.type));
  if (p.unit.length) parts.push(inArray(problems.responsibleUnitId, p.unit));
  if (p.leader.length) parts.push(inArray(problems.responsibleLeaderId, p.leader));
  if (p.county.length) parts.push(inArray(projects.countyId, p.county));
  if (p.project.length) parts.push(inArray(problems.projectId, p.project));
  if (p.overdue) parts.push(overdueProblemSql(day));
  if (p.age.length) parts.push(problemAgeFilterSql(day, p.age));
  // The dashboard's links name its plan year: the problems of that year's projects.
  if (p.year !== null) parts.push(inYearList(p.year));
  return and(...parts);
}

const SORT_COLUMNS: Record<Exclude<ProblemSortKey, 'urgency'>, SQL | AnyPgColumn> = {
  deadline: problems.deadline,
  createdAt: problems.createdAt,
  updatedAt: problems.updatedAt,
  status: sql`array_position(ARRAY['open','in_progress','resolved','closed']::text[], ${problems.status})`,
  type: sql`array_position(ARRAY['land','funding','approvals','power','water','other']::text[], ${problems.type})`,
  escalation: problems.escalationLevel,
  project: projects.code,
};

/** The ORDER BY for a sort key; `urgency` is active first, most escalated, earliest deadline (reversed with desc). */
function orderBy(p: ProblemListParams): SQL[] {
  const dir = (e: SQL | AnyPgColumn, reverse = false) =>
    (p.dir === 'desc') !== reverse ? sql`${e} DESC NULLS LAST` : sql`${e} ASC NULLS LAST`;
  if (p.sort === 'urgency') {
    return [
      dir(sql`CASE WHEN ${problems.status} IN ('open', 'in_progress') THEN 0 WHEN ${problems.status} = 'resolved' THEN 1 ELSE 2 END`),
      dir(problems.escalationLevel, true),
      dir(problems.deadline),
    ];
  }
  return [dir(SORT_COLUMNS[p.sort])];
}

export interface ProblemListRow {
  id: number;
  description: string;
  type: (typeof problems.type.enumValues)[number];
  status: ProblemStatus;
  deadline: string;
  escalationLevel: number;
  escalatedAt: Date | null;
  overdue: boolean;
  daysOverdue: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  projectNameEn: string | null;
  countyZh: string | null;
  countyEn: string | null;
  unitZh: string | null;
  unitEn: string | null;
  leaderName: string | null;
  commentCount: number;
  createdAt: Date;
  updatedAt: Date;
}

function rowColumns(day: string) {
  return {
    id: problems.id,
    description: problems.description,
    type: problems.type,
    status: problems.status,
    deadline: problems.deadline,
    escalationLevel: problems.escalationLevel,
    escalatedAt: problems.escalatedAt,
    overdue: sql<boolean>`${overdueProblemSql(day)}`,
    daysOverdue: sql<number>`CASE WHEN ${overdueProblemSql(day)} THEN (${day}::date - ${problems.deadline}) ELSE 0 END`,
    projectId: problems.projectId,
    projectCode: projects.code,
    projectName: projects.name,
    projectNameEn: projects.nameEn,
    countyZh: counties.nameZh,
    countyEn: counties.nameEn,
    unitZh: units.nameZh,
    unitEn: units.nameEn,
    leaderName: leader.displayName,
    commentCount: sql<number>`(SELECT count(*)::int FROM ${problemComments} WHERE ${problemComments.problemId} = ${problems.id})`,
    createdAt: problems.createdAt,
    updatedAt: problems.updatedAt,
  };
}

/** One page of the problem list for this actor and the total under the same WHERE clause. */
export async function listProblems(actor: Actor, p: ProblemListParams): Promise<{ rows: ProblemListRow[]; total: number }> {
  const db = await getDb();
  const day = today();
  const where = problemWhere(actor, p, day);
  const order = orderBy(p);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(rowColumns(day))
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .leftJoin(counties, eq(counties.id, projects.countyId))
      .leftJoin(units, eq(units.id, problems.responsibleUnitId))
      .leftJoin(leader, eq(leader.id, problems.responsibleLeaderId))
      .where(where)
      .orderBy(...order, p.dir === 'desc' ? desc(problems.id) : asc(problems.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(problems).innerJoin(projects, eq(projects.id, problems.projectId)).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export interface ProblemCounts {
  open: number;
  in_progress: number;
  resolved: number;
  closed: number;
  overdue: number;
  /** Active problems at escalation level 1 or 2. */
  escalated: number;
  total: number;
}

/** Counts over everything the actor may see (the summary above the list). */
export async function problemCounts(actor: Actor): Promise<ProblemCounts> {
  const db = await getDb();
  const day = today();
  const [row] = await db
    .select({
      open: sql<number>`count(*) FILTER (WHERE ${problems.status} = 'open')::int`,
      in_progress: sql<number>`count(*) FILTER (WHERE ${problems.status} = 'in_progress')::int`,
      resolved: sql<number>`count(*) FILTER (WHERE ${problems.status} = 'resolved')::int`,
      closed: sql<number>`count(*) FILTER (WHERE ${problems.status} = 'closed')::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${overdueProblemSql(day)})::int`,
      escalated: sql<number>`count(*) FILTER (WHERE ${problems.status} IN ('open', 'in_progress') AND ${problems.escalationLevel} > 0)::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(projectScope(actor));
  return row ?? { open: 0, in_progress: 0, resolved: 0, closed: 0, overdue: 0, escalated: 0, total: 0 };
}

/** Active problems of one project (the project page could show them; also used by the inbox). */
export async function activeProblemsOfProject(actor: Actor, projectId: number) {
  if (!validId(projectId)) return [];
  const db = await getDb();
  const day = today();
  return db
    .select(rowColumns(day))
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(units, eq(units.id, problems.responsibleUnitId))
    .leftJoin(leader, eq(leader.id, problems.responsibleLeaderId))
    .where(and(eq(problems.projectId, projectId), inArray(problems.status, [...ACTIVE_STATUSES]), projectScope(actor)))
    .orderBy(asc(problems.deadline), asc(problems.id));
}

/**
 * Problem rows for the inbox under an extra condition (scoped like everything else), most
 * urgent first. Exported for lib/inbox.
 */
export async function problemRowsWhere(actor: Actor, condition: SQL | undefined, limit = 50): Promise<ProblemListRow[]> {
  const db = await getDb();
  const day = today();
  return db
    .select(rowColumns(day))
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(units, eq(units.id, problems.responsibleUnitId))
    .leftJoin(leader, eq(leader.id, problems.responsibleLeaderId))
    .where(and(condition, projectScope(actor)))
    .orderBy(desc(problems.escalationLevel), asc(problems.deadline), asc(problems.id))
    .limit(limit);
}
