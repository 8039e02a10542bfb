import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingPeriods, reports } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { buildProblemWorld, makeProblem, type ProblemWorld } from '@/lib/problems/test-world';
import { activeTestDb, useTestDb } from '@/test/db';
import { makeMilestone, makeProject } from '@/test/factories';
import { leadMilestones, leadWork, projectCurrentReport } from './lead-work';

useTestDb({ reset: 'file' });
let w: ProblemWorld;
const id: Record<string, number> = {};

async function period(startDate: string, endDate: string, dueDate: string) {
  const [p] = await activeTestDb().insert(reportingPeriods).values({ kind: 'monthly', startDate, endDate, dueDate }).returning();
  return p!;
}

async function report(periodId: number, projectId: number, status: 'draft' | 'returned' | 'submitted' | 'approved' = 'draft') {
  const [r] = await activeTestDb()
    .insert(reports)
    .values({
      periodId,
      projectId,
      status,
      submittedAt: status === 'draft' ? null : new Date('2025-06-10T02:00:00Z'),
      reviewComment: status === 'returned' ? '投资数据与台账不符' : null,
    })
    .returning();
  return r!.id;
}

beforeAll(async () => {
  // Today is 2025-06-15 in the app's time zone.
  setClockForTests(new Date('2025-06-15T04:00:00Z'));
  w = await buildProblemWorld();
  // The lead's second project, and one of another lead (same county), and one outside their county.
  const own2 = await makeProject({ countyId: w.countyA.id, categoryCode: w.category.code, projectLeadId: w.users.projectLead.id });
  const others = await makeProject({ countyId: w.countyA.id, categoryCode: w.category.code, projectLeadId: w.users.leadOther.id });
  // Led by the lead but outside their county's scope: never shown.
  const outside = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code, projectLeadId: w.users.projectLead.id });
  id.own2 = own2.id;

  const may = await period('2025-05-01', '2025-05-31', '2025-06-05');
  const june = await period('2025-06-01', '2025-06-30', '2025-07-05');
  id.june = june.id;
  id.mayDraft = await report(may.id, w.project.id);
  id.juneReturned = await report(june.id, w.project.id, 'returned');
  id.juneApproved = await report(june.id, own2.id, 'approved');
  id.othersJune = await report(june.id, others.id);
  id.outsideJune = await report(june.id, outside.id);

  // Milestones: overdue (baseline passed), due in 30 days (forecast), due later, done, another lead's.
  id.overdue = (await makeMilestone({ projectId: w.project.id, plannedDate: '2025-06-01', baselineDate: '2025-06-10' })).id;
  id.dueSoon = (await makeMilestone({ projectId: own2.id, plannedDate: '2025-09-01', forecastDate: '2025-07-10' })).id;
  id.dueToday = (await makeMilestone({ projectId: w.project.id, plannedDate: '2025-06-15' })).id;
  await makeMilestone({ projectId: w.project.id, plannedDate: '2025-07-16' }); // 31 days ahead
  await makeMilestone({ projectId: w.project.id, plannedDate: '2025-06-01', actualDate: '2025-06-02', status: 'done' });
  await makeMilestone({ projectId: others.id, plannedDate: '2025-06-01' });
  await makeMilestone({ projectId: outside.id, plannedDate: '2025-06-01' });

  id.open = (await makeProblem(w, { deadline: '2025-07-01' })).id;
  id.inProgress = (await makeProblem(w, { deadline: '2025-06-10', status: 'in_progress' })).id;
  await makeProblem(w, { status: 'closed' });
  await makeProblem(w, { projectId: others.id });
});
afterAll(() => setClockForTests(null));

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('a project lead’s work (我的工作)', () => {
  it('lists this period’s reports of their projects that are not approved, with their state', async () => {
    const work = await leadWork(w.actors.projectLead);
    expect(work.period).toMatchObject({ id: id.june, startDate: '2025-06-01', dueDate: '2025-07-05' });
    expect(ids(work.currentReports)).toEqual([id.juneReturned]);
    expect(work.currentReports[0]).toMatchObject({ status: 'returned', periodId: id.june, href: `/reports/${id.juneReturned}` });
  });

  it('lists their milestones overdue or due within 30 days, overdue first, and nobody else’s', async () => {
    const rows = await leadMilestones(w.actors.projectLead);
    expect(ids(rows)).toEqual([id.overdue, id.dueToday, id.dueSoon]);
    expect(rows[0]).toMatchObject({ overdue: true, committedDate: '2025-06-10', expectedDate: '2025-06-01' });
    expect(rows[2]).toMatchObject({
      overdue: false,
      expectedDate: '2025-07-10',
      href: `/projects/${id.own2}/milestones/${id.dueSoon}/edit`,
    });
  });

  it('lists the active problems of their projects', async () => {
    const work = await leadWork(w.actors.projectLead);
    expect(ids(work.problems).sort((a, b) => a - b)).toEqual([id.open!, id.inProgress!].sort((a, b) => a - b));
  });

  it('is empty for a lead whose projects have nothing due, and for a user who leads nothing', async () => {
    const leadOther = await leadWork(w.actors.leadUnit);
    expect(leadOther.currentReports).toEqual([]);
    expect(leadOther.milestones).toEqual([]);
    expect(leadOther.problems).toEqual([]);
  });

  it('finds a project’s report of the current period, and none outside the actor’s scope', async () => {
    const { period, report } = await projectCurrentReport(w.actors.projectLead, w.project.id);
    expect(period?.id).toBe(id.june);
    expect(report).toMatchObject({ id: id.juneReturned, status: 'returned' });
    expect((await projectCurrentReport(w.actors.projectLead, id.own2!)).report).toMatchObject({ status: 'approved' });
    // County B's dispatch user does not see county A's project.
    expect((await projectCurrentReport(w.actors.countyB, w.project.id)).report).toBeNull();
    expect((await projectCurrentReport(w.actors.projectLead, 0)).report).toBeNull();
  });
});
