/**
 * Test fixture shared by the projects and milestones tests: two counties, one user per role,
 * a project in county A led by `leadOwn`, with one milestone. Call inside a test or hook of a
 * file that uses useTestDb().
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents, milestones, projects } from '@/db/schema';
import { actorOf, makeCategory, makeCounty, makeMilestone, makeProject, makeUnit, makeUser } from '@/test/factories';

export async function buildWorld() {
  const countyA = await makeCounty();
  const countyB = await makeCounty();
  const category = await makeCategory();
  const responsibleUnit = await makeUnit({ kind: 'responsible' });
  const ownerUnit = await makeUnit({ kind: 'owner' });
  const users = {
    admin: await makeUser({ role: 'admin' }),
    dispatch: await makeUser({ role: 'dispatch' }),
    leader: await makeUser({ role: 'leader' }),
    leadOwn: await makeUser({ role: 'lead', countyId: countyA.id }),
    leadOther: await makeUser({ role: 'lead', countyId: countyA.id }),
    viewer: await makeUser({ role: 'viewer' }),
    /** A county-scoped dispatch user of county B: county A's project is outside their scope. */
    countyB: await makeUser({ role: 'dispatch', countyId: countyB.id }),
  };
  const project = await makeProject({
    countyId: countyA.id,
    categoryCode: category.code,
    projectLeadId: users.leadOwn.id,
    responsibleLeaderId: users.leader.id,
    responsibleUnitId: responsibleUnit.id,
    ownerUnitId: ownerUnit.id,
    annualPlannedInvestment: '2000.00',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: { kind: 'report', section: '二、关于2025年工作', quote: '测试原文' },
      annualTarget: { kind: 'report', section: '二、关于2025年工作', quote: '建成投运' },
      'annualTarget.2': { kind: 'report', section: '二、关于2025年工作', quote: '年内首台机组建成投运' },
      totalInvestment: { kind: 'demo' },
    },
  });
  const milestone = await makeMilestone({
    projectId: project.id,
    kind: 'start_works',
    plannedDate: '2025-05-31',
    baselineDate: '2025-05-31',
    status: 'in_progress',
  });
  const actors = {
    admin: actorOf(users.admin),
    dispatch: actorOf(users.dispatch),
    leader: actorOf(users.leader),
    leadOwn: actorOf(users.leadOwn),
    leadOther: actorOf(users.leadOther),
    viewer: actorOf(users.viewer),
    countyB: actorOf(users.countyB),
  };
  return { countyA, countyB, category, responsibleUnit, ownerUnit, users, actors, project, milestone };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type RoleKey = keyof World['actors'];

export async function auditCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

export async function projectRow(db: Db, id: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function milestoneRow(db: Db, id: number) {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
  return row;
}
