import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingPeriods, reports } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { buildProblemWorld, makeProblem, type ProblemWorld } from '@/lib/problems/test-world';
import { activeTestDb, useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { getInbox } from './queries';

useTestDb({ reset: 'file' });
let w: ProblemWorld;
const id: Record<string, number> = {};

async function period(startDate: string, endDate: string, dueDate: string) {
  const [p] = await activeTestDb().insert(reportingPeriods).values({ kind: 'monthly', startDate, endDate, dueDate }).returning();
  return p!;
}

async function report(periodId: number, projectId: number, over: Partial<typeof reports.$inferInsert> = {}) {
  const status = over.status ?? 'draft';
  const [r] = await activeTestDb()
    .insert(reports)
    .values({ periodId, projectId, submittedAt: status === 'draft' ? null : new Date('2025-06-10T02:00:00Z'), ...over, status })
    .returning();
  return r!.id;
}

beforeAll(async () => {
  setClockForTests(new Date('2025-06-15T04:00:00Z'));
  w = await buildProblemWorld();
  const project2 = await makeProject({
    countyId: w.countyA.id,
    categoryCode: w.category.code,
    projectLeadId: w.users.projectLead.id,
    responsibleLeaderId: w.users.leaderOther.id,
  });
  const project3 = await makeProject({
    countyId: w.countyA.id,
    categoryCode: w.category.code,
    projectLeadId: w.users.leadOther.id,
    responsibleLeaderId: w.users.leader.id,
  });
  const projectB = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code });
  const may = await period('2025-05-01', '2025-05-31', '2025-06-05');
  const june = await period('2025-06-01', '2025-06-30', '2025-07-05');
  const july = await period('2025-07-01', '2025-07-31', '2025-08-05');
  id.june = june.id;
  id.r1 = await report(may.id, w.project.id); // draft, past due → overdue
  id.r2 = await report(june.id, w.project.id, { status: 'returned', reviewComment: '投资数据与台账不符' });
  id.r3 = await report(june.id, project2.id); // draft, due later
  id.r4 = await report(june.id, project3.id, { status: 'submitted' });
  id.r6 = await report(may.id, project3.id, { status: 'approved' });
  id.r7 = await report(june.id, projectB.id);
  id.r8 = await report(may.id, project2.id, { status: 'submitted', late: true });
  id.r9 = await report(july.id, project3.id);
  id.pa = (await makeProblem(w, { deadline: '2025-07-01' })).id;
  id.pb = (await makeProblem(w, { deadline: '2025-06-10', status: 'in_progress', escalationLevel: 1 })).id;
  id.pc = (await makeProblem(w, { status: 'resolved' })).id;
  id.pd = (await makeProblem(w, { status: 'closed' })).id;
});
afterAll(() => setClockForTests(null));

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('getInbox per role', () => {
  it('project lead: returned (with the comment), overdue and due reports of their projects', async () => {
    const inbox = await getInbox(w.actors.projectLead);
    expect(inbox.leader).toBeNull();
    expect(inbox.dispatch).toBeNull();
    expect(ids(inbox.lead!.returned)).toEqual([id.r2]);
    expect(inbox.lead!.returned[0]).toMatchObject({
      reviewComment: '投资数据与台账不符',
      href: `/reports/${id.r2}`,
      dueDate: '2025-07-05',
      overdue: false,
    });
    expect(ids(inbox.lead!.overdue)).toEqual([id.r1]);
    expect(inbox.lead!.overdue[0]).toMatchObject({ overdue: true, dueDate: '2025-06-05' });
    expect(ids(inbox.lead!.due)).toEqual([id.r3]);
    // Their unit (B) has no problems.
    expect(inbox.lead!.unitProblems).toEqual([]);
  });

  it('lead of the responsible unit: the active problems assigned to the unit, escalated first', async () => {
    const inbox = await getInbox(w.actors.leadUnit);
    expect(ids(inbox.lead!.unitProblems)).toEqual([id.pb, id.pa]);
    expect(inbox.lead!.returned).toEqual([]);
  });

  it('another lead sees their own project’s reports only', async () => {
    const inbox = await getInbox(w.actors.leadOther);
    expect(ids(inbox.lead!.due)).toEqual([id.r9]);
    expect(inbox.lead!.overdue).toEqual([]);
  });

  it('responsible leader: reports awaiting their review, problems escalated to them, resolved ones to verify', async () => {
    const inbox = await getInbox(w.actors.leader);
    expect(inbox.lead).toBeNull();
    expect(ids(inbox.leader!.toReview)).toEqual([id.r4]);
    expect(ids(inbox.leader!.escalated)).toEqual([id.pb]);
    expect(ids(inbox.leader!.toVerify)).toEqual([id.pc]);
    const other = await getInbox(w.actors.leaderOther);
    expect(ids(other.leader!.toReview)).toEqual([id.r8]);
    expect(other.leader!.toReview[0]).toMatchObject({ late: true });
    expect(other.leader!.escalated).toEqual([]);
  });

  it('dispatch office: the current period’s completion, who has not submitted, overdue problems, ones to close', async () => {
    const inbox = await getInbox(w.actors.dispatch);
    const d = inbox.dispatch!;
    expect(d.period).toMatchObject({
      id: id.june,
      dueDate: '2025-07-05',
      total: 4,
      draft: 2,
      submitted: 1,
      returned: 1,
      approved: 0,
      late: 0,
    });
    expect(ids(d.outstanding).sort()).toEqual([id.r2, id.r3, id.r7].sort());
    expect(d.lateSubmitted).toEqual([]);
    expect(ids(d.overdueProblems)).toEqual([id.pb]);
    expect(ids(d.toClose)).toEqual([id.pc]);
  });

  it('a county dispatch user sees only their county', async () => {
    const d = (await getInbox(w.actors.countyB)).dispatch!;
    expect(d.period).toMatchObject({ total: 1, draft: 1 });
    expect(ids(d.outstanding)).toEqual([id.r7]);
    expect(d.overdueProblems).toEqual([]);
    expect(d.toClose).toEqual([]);
  });

  it('admin and viewer have no work sections (notifications only)', async () => {
    expect(await getInbox(w.actors.admin)).toEqual({ lead: null, leader: null, dispatch: null });
    expect(await getInbox(w.actors.viewer)).toEqual({ lead: null, leader: null, dispatch: null });
  });

  it('late is counted once the due date has passed', async () => {
    setClockForTests(new Date('2025-07-06T04:00:00Z'));
    try {
      // A dekad (旬) period that started with July's and was due on the 3rd: the newest started period.
      const dekad = await activeTestDb()
        .insert(reportingPeriods)
        .values({ kind: 'dekad', startDate: '2025-07-01', endDate: '2025-07-10', dueDate: '2025-07-03' })
        .returning();
      const late = await report(dekad[0]!.id, w.project.id);
      const d = (await getInbox(w.actors.dispatch)).dispatch!;
      expect(d.period).toMatchObject({ id: dekad[0]!.id, kind: 'dekad', total: 1, late: 1 });
      expect(d.outstanding[0]).toMatchObject({ id: late, overdue: true });
      const lead = (await getInbox(w.actors.projectLead)).lead!;
      expect(lead.returned[0]).toMatchObject({ id: id.r2, overdue: true });
      // Ordered by due date: May's, the dekad's, and June's (due 07-05, now past).
      expect(ids(lead.overdue)).toEqual([id.r1, late, id.r3]);
    } finally {
      setClockForTests(new Date('2025-06-15T04:00:00Z'));
    }
  });
});
