/**
 * Test fixture for lib/lights/*.test.ts (test-only). Call inside a test or hook of a file that
 * uses useTestDb(). Two counties; one user per role and relation to the project in county A.
 * Periods and reports are inserted directly (the reporting module's own tests cover how they
 * get there); only their status matters here.
 */
import { asc, count } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import {
  annualPlans,
  auditEvents,
  baselineFreezes,
  lightOverrides,
  milestones,
  projectLights,
  reportingPeriods,
  reports,
  ruleSets,
  rules,
} from '@/db/schema';
import type { Light, ReportStatus } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import { ensureDefaultRuleSet } from './rule-set-store';
import { activeTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';

export async function buildLightWorld() {
  const countyA = await makeCounty();
  const countyB = await makeCounty();
  const category = await makeCategory();
  const users = {
    admin: await makeUser({ role: 'admin' }),
    dispatch: await makeUser({ role: 'dispatch' }),
    leaderOwn: await makeUser({ role: 'leader' }),
    leaderOther: await makeUser({ role: 'leader' }),
    leadOwn: await makeUser({ role: 'lead', countyId: countyA.id }),
    viewer: await makeUser({ role: 'viewer' }),
    countyBDispatch: await makeUser({ role: 'dispatch', countyId: countyB.id }),
  };
  const project = await makeProject({
    code: 'KP-L1',
    name: '柳树沟水库',
    countyId: countyA.id,
    categoryCode: category.code,
    projectLeadId: users.leadOwn.id,
    responsibleLeaderId: users.leaderOwn.id,
    annualPlannedInvestment: '1000.00',
    stage: 'construction',
    startDate: '2025-03-01',
  });
  const projectB = await makeProject({
    code: 'KP-L2',
    countyId: countyB.id,
    categoryCode: category.code,
    responsibleLeaderId: users.leaderOther.id,
    annualPlannedInvestment: '500.00',
    stage: 'construction',
  });
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as {
    [K in keyof typeof users]: ReturnType<typeof actorOf>;
  };
  return { countyA, countyB, category, users, actors, project, projectB };
}

export type LightWorld = Awaited<ReturnType<typeof buildLightWorld>>;
export type LightRole = keyof LightWorld['actors'];
export const ALL_ROLES: LightRole[] = ['admin', 'dispatch', 'leaderOwn', 'leaderOther', 'leadOwn', 'viewer', 'countyBDispatch'];

/** A monthly period of 2026 (month 1..12). */
export async function makeMonth(month: number, db: Db = activeTestDb()) {
  const mm = String(month).padStart(2, '0');
  const end = new Date(Date.UTC(2026, month, 0)).toISOString().slice(0, 10);
  const [p] = await db
    .insert(reportingPeriods)
    .values({ kind: 'monthly', startDate: `2026-${mm}-01`, endDate: end, dueDate: end })
    .returning();
  return p!;
}

export async function makeReport(periodId: number, projectId: number, status: ReportStatus, investment: string, db: Db = activeTestDb()) {
  const [r] = await db
    .insert(reports)
    .values({
      periodId,
      projectId,
      status,
      investmentThisPeriod: investment,
      submittedAt: status === 'draft' ? null : new Date('2026-01-01T00:00:00Z'),
      reviewComment: status === 'returned' ? '请补充' : null,
    })
    .returning();
  return r!;
}

/** Everything a lights action could write. */
export async function snapshot(db: Db) {
  return {
    plans: await db.select().from(annualPlans).orderBy(asc(annualPlans.id)),
    freezes: await db.select().from(baselineFreezes).orderBy(asc(baselineFreezes.id)),
    milestones: await db.select().from(milestones).orderBy(asc(milestones.id)),
    ruleSets: await db.select().from(ruleSets).orderBy(asc(ruleSets.id)),
    rules: await db.select().from(rules).orderBy(asc(rules.id)),
    lights: await db.select().from(projectLights).orderBy(asc(projectLights.id)),
    overrides: await db.select().from(lightOverrides).orderBy(asc(lightOverrides.id)),
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
  };
}

export async function expectUnchanged(db: Db, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(db)).toEqual(before);
}

/** Stores a computed light of a project for a period (under the default rule set), as computeLights would. */
export async function storeLight(projectId: number, periodId: number, light: Light, reasons: LightReason[] = [], db: Db = activeTestDb()) {
  const ruleSet = await ensureDefaultRuleSet(db);
  await db
    .insert(projectLights)
    .values({ projectId, periodId, light, reasons, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, measures: {} });
}
