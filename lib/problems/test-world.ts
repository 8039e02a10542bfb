/**
 * Test fixture for the problem list, the inbox and notifications: two counties, one user per
 * role of interest, a project in county A, and helpers to insert problems in any state and to
 * count what a refusal must not have written. Call inside a test or hook of a file that uses
 * useTestDb().
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents, notifications, problemComments, problems } from '@/db/schema';
import { activeTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUnit, makeUser } from '@/test/factories';

export async function buildProblemWorld() {
  const countyA = await makeCounty();
  const countyB = await makeCounty();
  const category = await makeCategory();
  const unitA = await makeUnit({ kind: 'responsible' });
  const unitB = await makeUnit({ kind: 'responsible' });
  const users = {
    admin: await makeUser({ role: 'admin' }),
    dispatch: await makeUser({ role: 'dispatch' }),
    /** The project's and the problem's responsible leader (包抓领导). */
    leader: await makeUser({ role: 'leader' }),
    leaderOther: await makeUser({ role: 'leader' }),
    /** The project lead (项目负责人), not in the problem's unit. */
    projectLead: await makeUser({ role: 'lead', countyId: countyA.id, unitId: unitB.id }),
    /** A lead who belongs to the problem's responsible unit. */
    leadUnit: await makeUser({ role: 'lead', countyId: countyA.id, unitId: unitA.id }),
    /** A lead of another unit. */
    leadOther: await makeUser({ role: 'lead', countyId: countyA.id, unitId: unitB.id }),
    viewer: await makeUser({ role: 'viewer' }),
    /** A county-scoped dispatch user of county B: county A's project is outside their scope. */
    countyB: await makeUser({ role: 'dispatch', countyId: countyB.id }),
  };
  const project = await makeProject({
    countyId: countyA.id,
    categoryCode: category.code,
    projectLeadId: users.projectLead.id,
    responsibleLeaderId: users.leader.id,
    responsibleUnitId: unitA.id,
  });
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as {
    [K in keyof typeof users]: ReturnType<typeof actorOf>;
  };
  return { countyA, countyB, category, unitA, unitB, users, actors, project };
}

export type ProblemWorld = Awaited<ReturnType<typeof buildProblemWorld>>;
export type ProblemRoleKey = keyof ProblemWorld['actors'];
export const PROBLEM_ROLES: ProblemRoleKey[] = [
  'admin',
  'dispatch',
  'leader',
  'leaderOther',
  'projectLead',
  'leadUnit',
  'leadOther',
  'viewer',
  'countyB',
];

/** Inserts a problem on the world's project (unit A, the world's leader) in any state. */
export async function makeProblem(w: ProblemWorld, overrides: Partial<typeof problems.$inferInsert> = {}, db: Db = activeTestDb()) {
  const status = overrides.status ?? 'open';
  const [row] = await db
    .insert(problems)
    .values({
      projectId: w.project.id,
      description: '征地拆迁尚未完成，影响主体施工',
      type: 'land',
      responsibleUnitId: w.unitA.id,
      responsibleLeaderId: w.users.leader.id,
      deadline: '2025-07-31',
      raisedById: w.users.projectLead.id,
      resolution: status === 'resolved' || status === 'closed' ? '已完成征地补偿' : null,
      ...overrides,
      status,
    })
    .returning();
  if (!row) throw new Error('makeProblem: no row');
  return row;
}

export async function problemRow(db: Db, id: number) {
  const [row] = await db.select().from(problems).where(eq(problems.id, id));
  return row;
}

/** Rows that a refusal must leave untouched: audit events, notifications, problems, comments. */
export async function writeCounts(db: Db) {
  const [[a], [n], [p], [c]] = await Promise.all([
    db.select({ n: count() }).from(auditEvents),
    db.select({ n: count() }).from(notifications),
    db.select({ n: count() }).from(problems),
    db.select({ n: count() }).from(problemComments),
  ]);
  return { audit: a?.n ?? 0, notifications: n?.n ?? 0, problems: p?.n ?? 0, comments: c?.n ?? 0 };
}

export async function notificationsOf(db: Db, userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}
