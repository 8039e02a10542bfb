/**
 * Test fixture for lib/meetings/*.test.ts (test-only). Call inside a test or hook of a file that
 * uses useTestDb(). Two counties and a prefecture-wide project, two categories, one user per
 * role of interest, approved and unapproved reports, computed lights, problems and milestones:
 *
 *   KP-A1  county A, transport  red light, approved report 300 万元 (plan 1000), milestone slipping
 *   KP-A2  county A, water      green, an overdue problem
 *   KP-B1  county B, transport  yellow by override, a draft report only
 *   KP-P1  prefecture-wide, water  no light
 */
import { count } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  annualPlans,
  auditEvents,
  lightOverrides,
  meetingAgendaItems,
  meetingParticipants,
  meetings,
  meetingSnapshotRows,
  notifications,
  problems,
  projectLights,
  reportingPeriods,
  reports,
  ruleSets,
} from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { activeTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeMilestone, makeProject, makeUnit, makeUser } from '@/test/factories';

/** Today in the tests (Asia/Shanghai): 2026-06-10. */
export const TODAY = new Date('2026-06-10T04:00:00Z');
export const TODAY_DAY = '2026-06-10';

export async function buildMeetingWorld(db: Db = activeTestDb()) {
  const countyA = await makeCounty({ nameZh: '额敏县', nameEn: 'Emin County' });
  const countyB = await makeCounty({ nameZh: '托里县', nameEn: 'Toli County' });
  const transport = await makeCategory({ code: 'transport', nameZh: '交通', nameEn: 'Transport', sort: 1 });
  const water = await makeCategory({ code: 'water', nameZh: '水利', nameEn: 'Water', sort: 2 });
  const unitA = await makeUnit({ nameZh: '交通运输局', nameEn: 'Transport Bureau' });
  const unitB = await makeUnit({ nameZh: '水利局', nameEn: 'Water Bureau' });
  const users = {
    admin: await makeUser({ role: 'admin' }),
    dispatch: await makeUser({ role: 'dispatch' }),
    /** Chairs the meetings; responsible leader of every project. */
    leader: await makeUser({ role: 'leader', displayName: '王副专员' }),
    leader2: await makeUser({ role: 'leader' }),
    lead: await makeUser({ role: 'lead', countyId: countyA.id, unitId: unitA.id }),
    viewer: await makeUser({ role: 'viewer' }),
    viewerA: await makeUser({ role: 'viewer', countyId: countyA.id }),
    dispatchA: await makeUser({ role: 'dispatch', countyId: countyA.id }),
    dispatchB: await makeUser({ role: 'dispatch', countyId: countyB.id }),
  };
  const common = { responsibleLeaderId: users.leader.id, responsibleUnitId: unitA.id, stage: 'construction' as const };
  const a1 = await makeProject({
    ...common,
    code: 'KP-A1',
    name: 'S317 裕民—托里公路',
    nameEn: 'S317 Yumin–Toli highway',
    countyId: countyA.id,
    categoryCode: transport.code,
    projectLeadId: users.lead.id,
    totalInvestment: '50000.00',
    annualPlannedInvestment: '800.00',
    constructionContent: '二级公路 120 公里',
  });
  const a2 = await makeProject({ ...common, code: 'KP-A2', name: '柳树沟水库', countyId: countyA.id, categoryCode: water.code });
  const b1 = await makeProject({
    ...common,
    code: 'KP-B1',
    name: '托里风电',
    countyId: countyB.id,
    categoryCode: transport.code,
    responsibleUnitId: unitB.id,
  });
  const p1 = await makeProject({ ...common, code: 'KP-P1', name: '塔额 750千伏 输变电', countyId: null, categoryCode: water.code });

  await db.insert(annualPlans).values({ projectId: a1.id, year: 2026, plannedInvestment: '1000.00' });
  const [jan] = await db
    .insert(reportingPeriods)
    .values({ kind: 'monthly', startDate: '2026-01-01', endDate: '2026-01-31', dueDate: '2026-02-05' })
    .returning();
  const [feb] = await db
    .insert(reportingPeriods)
    .values({ kind: 'monthly', startDate: '2026-02-01', endDate: '2026-02-28', dueDate: '2026-03-05' })
    .returning();
  const submitted = { submittedAt: new Date('2026-02-01T00:00:00Z') };
  await db.insert(reports).values([
    { periodId: jan!.id, projectId: a1.id, status: 'approved', investmentThisPeriod: '100.00', physicalProgress: '路基开挖', ...submitted },
    {
      periodId: feb!.id,
      projectId: a1.id,
      status: 'approved',
      investmentThisPeriod: '200.00',
      physicalProgress: '路基完成 60%',
      ...submitted,
    },
    { periodId: feb!.id, projectId: b1.id, status: 'submitted', investmentThisPeriod: '999.00', physicalProgress: '未审定', ...submitted },
  ]);
  const [rs] = await db.insert(ruleSets).values({ key: 'default', name: '默认规则', version: 1, active: true }).returning();
  const reason = {
    measure: 'investment_behind_time_elapsed_pp' as const,
    value: 40,
    threshold: 30,
    comparison: 'gt' as const,
    light: 'red' as const,
    ruleId: null,
    context: { completionPct: 30, timeElapsedPct: 70 },
  };
  await db.insert(projectLights).values([
    { projectId: a1.id, periodId: feb!.id, light: 'red', ruleSetId: rs!.id, ruleSetVersion: 1, reasons: [reason] },
    { projectId: a2.id, periodId: feb!.id, light: 'green', ruleSetId: rs!.id, ruleSetVersion: 1, reasons: [] },
    { projectId: b1.id, periodId: feb!.id, light: 'green', ruleSetId: rs!.id, ruleSetVersion: 1, reasons: [] },
  ]);
  await db.insert(lightOverrides).values({
    projectId: b1.id,
    light: 'yellow',
    reason: '征地协调未完成',
    startsOn: '2026-06-01',
    endsOn: '2026-12-31',
    createdById: users.dispatch.id,
  });
  const [overdue] = await db
    .insert(problems)
    .values({
      projectId: a2.id,
      description: '征地拆迁尚未完成',
      type: 'land',
      responsibleUnitId: unitB.id,
      responsibleLeaderId: users.leader.id,
      deadline: '2026-05-01',
      escalationLevel: 1,
    })
    .returning();
  const [notDue] = await db
    .insert(problems)
    .values({
      projectId: a1.id,
      description: '施工用电未接入',
      type: 'power',
      responsibleUnitId: unitA.id,
      responsibleLeaderId: users.leader.id,
      deadline: '2026-12-31',
    })
    .returning();
  const slipping = await makeMilestone({
    projectId: a1.id,
    kind: 'main_works',
    name: '路基完工',
    nameEn: 'Subgrade done',
    plannedDate: '2026-05-01',
    baselineDate: '2026-05-01',
    forecastDate: '2026-08-01',
    status: 'in_progress',
  });
  const onTime = await makeMilestone({
    projectId: b1.id,
    kind: 'start_works',
    name: '开工',
    plannedDate: '2026-09-01',
    baselineDate: '2026-09-01',
  });
  const passed = await makeMilestone({
    projectId: a2.id,
    kind: 'impoundment',
    name: '下闸蓄水',
    plannedDate: '2026-06-01',
    baselineDate: '2026-06-01',
    status: 'in_progress',
  });

  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as { [K in keyof typeof users]: Actor };
  return {
    countyA,
    countyB,
    transport,
    water,
    unitA,
    unitB,
    users,
    actors,
    projects: { a1, a2, b1, p1 },
    periods: { jan: jan!, feb: feb! },
    ruleSet: rs!,
    problems: { overdue: overdue!, notDue: notDue! },
    milestones: { slipping, onTime, passed },
  };
}

export type MeetingWorld = Awaited<ReturnType<typeof buildMeetingWorld>>;
export type MeetingRole = keyof MeetingWorld['actors'];
export const ROLES: MeetingRole[] = ['admin', 'dispatch', 'leader', 'leader2', 'lead', 'viewer', 'viewerA', 'dispatchA', 'dispatchB'];

/** Counts of everything a refused meeting action must leave untouched. */
export async function writeCounts(db: Db) {
  const tables = [meetings, meetingAgendaItems, meetingParticipants, meetingSnapshotRows, problems, auditEvents, notifications] as const;
  const counts = await Promise.all(tables.map((t) => db.select({ n: count() }).from(t)));
  return counts.map((c) => c[0]?.n ?? 0);
}
