/**
 * Test fixture for the reporting-cycle tests (lib/reports/*.test.ts). Test-only: nothing in the
 * app imports this file. Call inside a test or hook of a file that uses useTestDb().
 *
 * Two counties; one user per role and relation to the project in county A:
 * the project lead (leadOwn) and another lead, its responsible leader (leaderOwn) and another
 * leader, the dispatch office, an administrator, a viewer, and county B's dispatch user and
 * project lead (outside the scope of county A's project).
 */
import { asc, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, notifications, reportPhotos, reportingPeriods, reports } from '@/db/schema';
import { actorOf, makeCategory, makeCounty, makeProject, makeUnit, makeUser } from '@/test/factories';
import { openPeriod } from './open-period';

export const JUNE = { kind: 'monthly', startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05' } as const;

export async function buildReportWorld() {
  const countyA = await makeCounty();
  const countyB = await makeCounty();
  const category = await makeCategory();
  const unit = await makeUnit({ kind: 'responsible' });
  const users = {
    admin: await makeUser({ role: 'admin' }),
    dispatch: await makeUser({ role: 'dispatch' }),
    leaderOwn: await makeUser({ role: 'leader' }),
    leaderOther: await makeUser({ role: 'leader' }),
    leadOwn: await makeUser({ role: 'lead', countyId: countyA.id, unitId: unit.id }),
    leadOther: await makeUser({ role: 'lead', countyId: countyA.id }),
    viewer: await makeUser({ role: 'viewer' }),
    countyBDispatch: await makeUser({ role: 'dispatch', countyId: countyB.id }),
    countyBLead: await makeUser({ role: 'lead', countyId: countyB.id }),
  };
  const project = await makeProject({
    code: 'KP-A1',
    name: '柳树沟水库',
    countyId: countyA.id,
    categoryCode: category.code,
    projectLeadId: users.leadOwn.id,
    responsibleLeaderId: users.leaderOwn.id,
    responsibleUnitId: unit.id,
    annualPlannedInvestment: '2000.00',
    stage: 'construction',
  });
  const projectB = await makeProject({
    code: 'KP-B1',
    name: '切格尔水库',
    countyId: countyB.id,
    categoryCode: category.code,
    projectLeadId: users.countyBLead.id,
    responsibleLeaderId: users.leaderOther.id,
    annualPlannedInvestment: '500.00',
    stage: 'preliminary',
  });
  /** In operation (投运): gets no report. */
  const operating = await makeProject({
    code: 'KP-A9',
    countyId: countyA.id,
    categoryCode: category.code,
    projectLeadId: users.leadOwn.id,
    stage: 'operating',
  });
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as {
    [K in keyof typeof users]: ReturnType<typeof actorOf>;
  };
  return { countyA, countyB, category, unit, users, actors, project, projectB, operating };
}

export type ReportWorld = Awaited<ReturnType<typeof buildReportWorld>>;
export type ReportRole = keyof ReportWorld['actors'];
export const ALL_ROLES: ReportRole[] = [
  'admin',
  'dispatch',
  'leaderOwn',
  'leaderOther',
  'leadOwn',
  'leadOther',
  'viewer',
  'countyBDispatch',
  'countyBLead',
];

/** Opens the June period as the (prefecture) dispatch office and returns county A's report. */
export async function openJune(db: Db, w: ReportWorld) {
  const res = await openPeriod.execute(w.actors.dispatch, JUNE);
  if (!res.ok) throw new Error(`openPeriod failed: ${res.code} ${res.message}`);
  const [report] = await db.select().from(reports).where(eq(reports.projectId, w.project.id));
  const [reportB] = await db.select().from(reports).where(eq(reports.projectId, w.projectB.id));
  return { periodId: res.data.id, report: report!, reportB: reportB! };
}

export async function reportRow(db: Db, id: number) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row!;
}

/** Everything a report action could write. */
export async function snapshot(db: Db) {
  return {
    periods: await db.select().from(reportingPeriods).orderBy(asc(reportingPeriods.id)),
    reports: await db.select().from(reports).orderBy(asc(reports.id)),
    photos: await db.select().from(reportPhotos).orderBy(asc(reportPhotos.id)),
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
    notifications: (await db.select({ n: count() }).from(notifications))[0]!.n,
  };
}

/** A refused action changed nothing at all. */
export async function expectUnchanged(db: Db, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(db)).toEqual(before);
}

export const filled = {
  investmentThisPeriod: '350.5',
  physicalProgress: '大坝填筑至 1250 米高程',
  percentComplete: 42,
  nextSteps: '完成溢洪道开挖',
  coordinationNeeds: '协调林草手续',
};
