import 'server-only';
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { auditEvents, counties, problemComments, problems, projects, units, users } from '@/db/schema';
import { type Actor, ANY, grantOf, projectCountyIdsSql, projectScope } from '@/lib/authz';
import { projectRelationSql } from '@/lib/projects/resource';
import { today } from '@/lib/clock';
import { overdueProblemSql } from './list-problems';

// One problem with its thread and history, and the projects a user may raise problems on.

const leader = alias(users, 'leader');
const raisedBy = alias(users, 'raised_by');
const validId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647;

export interface ProblemComment {
  id: number;
  authorId: number;
  authorName: string;
  authorRole: (typeof users.role.enumValues)[number];
  body: string;
  createdAt: Date;
}

export interface ProblemHistoryEntry {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type ProblemDetail = typeof problems.$inferSelect & {
  overdue: boolean;
  daysOverdue: number;
  project: {
    id: number;
    code: string;
    name: string;
    nameEn: string | null;
    countyId: number | null;
    /** The counties the project touches. */
    countyIds: number[];
    countyZh: string | null;
    countyEn: string | null;
    projectLeadId: number | null;
    responsibleLeaderId: number | null;
  };
  unitZh: string | null;
  unitEn: string | null;
  leaderName: string | null;
  raisedByName: string | null;
  comments: ProblemComment[];
  history: ProblemHistoryEntry[];
};

/**
 * One problem with its thread and its history (audit events, newest first), or null when it
 * does not exist OR its project lies outside the actor's scope (both are a 404).
 */
export async function getProblem(actor: Actor, id: number): Promise<ProblemDetail | null> {
  if (!validId(id)) return null;
  const db = await getDb();
  const day = today();
  const [row] = await db
    .select({
      problem: problems,
      overdue: sql<boolean>`${overdueProblemSql(day)}`,
      daysOverdue: sql<number>`CASE WHEN ${overdueProblemSql(day)} THEN (${day}::date - ${problems.deadline}) ELSE 0 END`,
      project: {
        id: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        countyId: projects.countyId,
        countyIds: projectCountyIdsSql,
        countyZh: counties.nameZh,
        countyEn: counties.nameEn,
        projectLeadId: projects.projectLeadId,
        responsibleLeaderId: projects.responsibleLeaderId,
      },
      unitZh: units.nameZh,
      unitEn: units.nameEn,
      leaderName: leader.displayName,
      raisedByName: raisedBy.displayName,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(units, eq(units.id, problems.responsibleUnitId))
    .leftJoin(leader, eq(leader.id, problems.responsibleLeaderId))
    .leftJoin(raisedBy, eq(raisedBy.id, problems.raisedById))
    .where(and(eq(problems.id, id), projectScope(actor)))
    .limit(1);
  if (!row) return null;

  const [comments, history] = await Promise.all([
    db
      .select({
        id: problemComments.id,
        authorId: problemComments.authorId,
        authorName: users.displayName,
        authorRole: users.role,
        body: problemComments.body,
        createdAt: problemComments.createdAt,
      })
      .from(problemComments)
      .innerJoin(users, eq(users.id, problemComments.authorId))
      .where(eq(problemComments.problemId, id))
      .orderBy(asc(problemComments.createdAt), asc(problemComments.id)),
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorName: auditEvents.actorName,
        action: auditEvents.action,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'problem'), eq(auditEvents.entityId, String(id))))
      .orderBy(desc(auditEvents.id))
      .limit(200),
  ]);
  const { problem, ...rest } = row;
  return { ...problem, ...rest, comments, history };
}

export interface ProjectChoice {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/**
 * The projects on which the actor may raise a problem (for the project picker of the new-problem
 * page), read from the permission table: every visible one for an everywhere grant, else the
 * ones the actor has a granting relation to (lead or responsible leader).
 */
export async function projectsForNewProblem(actor: Actor): Promise<ProjectChoice[]> {
  const grant = grantOf(actor, 'problem.create');
  if (grant === undefined) return [];
  let own: SQL | undefined;
  if (grant !== ANY) {
    const parts = grant.map((r) => projectRelationSql(actor, r)).filter((x): x is SQL => x !== undefined);
    if (parts.length === 0) return [];
    own = or(...parts);
  }
  const db = await getDb();
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn })
    .from(projects)
    .where(and(projectScope(actor), own))
    .orderBy(asc(projects.code), asc(projects.id))
    .limit(1000);
}
