import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { problems, projects, reportPhotos, settings } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { saveReport, submitReport } from './edit-report';
import { openPeriod } from './open-period';
import {
  getOpenPeriodDefaults,
  getPeriod,
  getPhotoForServing,
  getReport,
  getReportHistory,
  listPeriods,
  listReportProblems,
  listReports,
} from './queries';
import { reviewReport } from './review-report';
import { buildReportWorld, filled, openJune, type ReportWorld } from './test-world';

const getDb = useTestDb();
let w: ReportWorld;

afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(new Date('2025-06-20T04:00:00Z'));
  w = await buildReportWorld();
});

async function period(startDate: string, endDate: string, dueDate: string) {
  const res = await openPeriod.execute(w.actors.dispatch, { kind: 'monthly', startDate, endDate, dueDate });
  if (!res.ok) throw new Error(res.code);
  const rows = await listReports(w.actors.dispatch, { periodId: res.data.id });
  return { periodId: res.data.id, reportA: rows.find((r) => r.projectCode === 'KP-A1')!.id };
}

async function submit(id: number, investmentThisPeriod: string) {
  const r = await getReport(w.actors.leadOwn, id);
  const res = await submitReport.execute(w.actors.leadOwn, { id, version: r!.report.version, ...filled, investmentThisPeriod });
  if (!res.ok) throw new Error(res.code);
  return res.data.version;
}

describe('periods and their completion', () => {
  it('counts by status in the actor scope; overdue = not submitted past the due date; late = submitted late', async () => {
    const { periodId, report } = await openJune(getDb(), w);
    setClockForTests(new Date('2025-07-10T04:00:00Z')); // after the due date
    await submitReport.execute(w.actors.leadOwn, { id: report.id, version: 1, ...filled });

    const all = await getPeriod(w.actors.dispatch, periodId);
    expect(all).toMatchObject({ kind: 'monthly', dueDate: '2025-07-05', openedByName: w.users.dispatch.displayName });
    expect(all?.stats).toEqual({ total: 2, draft: 1, submitted: 1, returned: 0, approved: 0, missing: 1, overdue: 1, late: 1 });

    // County B's user sees only county B's report in the counts.
    const countyB = await getPeriod(w.actors.countyBDispatch, periodId);
    expect(countyB?.stats).toEqual({ total: 1, draft: 1, submitted: 0, returned: 0, approved: 0, missing: 1, overdue: 1, late: 0 });

    const list = await listPeriods(w.actors.countyBDispatch);
    expect(list.map((p) => p.id)).toEqual([periodId]);
    expect(list[0]?.stats.total).toBe(1);
  });

  it('with mine, the counts are of the actor own projects (leader: as responsible leader)', async () => {
    const { periodId } = await openJune(getDb(), w);
    expect((await getPeriod(w.actors.leaderOther, periodId))?.stats.total).toBe(2);
    expect((await getPeriod(w.actors.leaderOther, periodId, { mine: true }))?.stats.total).toBe(1);
    expect((await listPeriods(w.actors.leaderOwn, { mine: true }))[0]?.stats.total).toBe(1);
  });

  it('lists periods newest first, a period without reports in scope has zero counts', async () => {
    await period('2025-05-01', '2025-05-31', '2025-06-05');
    const june = await period('2025-06-01', '2025-06-30', '2025-07-05');
    const list = await listPeriods(w.actors.viewer);
    expect(list.map((p) => p.startDate)).toEqual(['2025-06-01', '2025-05-01']);
    expect(list[0]?.id).toBe(june.periodId);
    expect(await getPeriod(w.actors.viewer, 999)).toBeNull();
  });

  it('the open-period form defaults: cadence setting and the active projects in scope', async () => {
    expect(await getOpenPeriodDefaults(w.actors.dispatch)).toEqual({ cadence: 'monthly', activeProjects: 2 });
    expect(await getOpenPeriodDefaults(w.actors.countyBDispatch)).toEqual({ cadence: 'monthly', activeProjects: 1 });
    await getDb().insert(settings).values({ key: 'report_cadence', value: 'dekad' });
    expect((await getOpenPeriodDefaults(w.actors.dispatch)).cadence).toBe('dekad');
  });
});

describe('listReports', () => {
  it('is scoped to the actor; filters by status, lateness and "mine"', async () => {
    const { periodId, report } = await openJune(getDb(), w);
    expect((await listReports(w.actors.dispatch, { periodId })).map((r) => r.projectCode)).toEqual(['KP-A1', 'KP-B1']);
    expect((await listReports(w.actors.countyBDispatch, { periodId })).map((r) => r.projectCode)).toEqual(['KP-B1']);

    await submitReport.execute(w.actors.leadOwn, { id: report.id, version: 1, ...filled });
    expect((await listReports(w.actors.viewer, { periodId, status: ['submitted'] })).map((r) => r.projectCode)).toEqual(['KP-A1']);
    expect((await listReports(w.actors.viewer, { periodId, status: ['draft', 'returned'] })).map((r) => r.projectCode)).toEqual(['KP-B1']);

    // Before the due date nothing is late; after it the missing one is overdue.
    expect(await listReports(w.actors.viewer, { periodId, late: true })).toEqual([]);
    setClockForTests(new Date('2025-07-06T04:00:00Z'));
    const late = await listReports(w.actors.viewer, { periodId, late: true });
    expect(late.map((r) => [r.projectCode, r.overdue])).toEqual([['KP-B1', true]]);

    expect((await listReports(w.actors.leadOwn, { periodId, mine: true })).map((r) => r.projectCode)).toEqual(['KP-A1']);
    expect((await listReports(w.actors.leaderOther, { periodId, mine: true })).map((r) => r.projectCode)).toEqual(['KP-B1']);
    // "mine" means nothing for the dispatch office: all in scope.
    expect(await listReports(w.actors.dispatch, { periodId, mine: true })).toHaveLength(2);

    const [row] = await listReports(w.actors.viewer, { periodId, status: ['submitted'] });
    expect(row).toMatchObject({
      leadName: w.users.leadOwn.displayName,
      leaderName: w.users.leaderOwn.displayName,
      late: false,
      investmentThisPeriod: '350.50',
    });
  });
});

describe('getReport', () => {
  it('is null outside the actor scope (a county user and another county project)', async () => {
    const { report, reportB } = await openJune(getDb(), w);
    expect(await getReport(w.actors.countyBDispatch, report.id)).toBeNull();
    expect(await getReport(w.actors.countyBLead, report.id)).toBeNull();
    expect((await getReport(w.actors.countyBLead, reportB.id))?.project.code).toBe('KP-B1');
    expect((await getReport(w.actors.viewer, report.id))?.project).toMatchObject({ code: 'KP-A1', leadName: w.users.leadOwn.displayName });
    expect(await getReport(w.actors.viewer, 0)).toBeNull();
  });

  it('the year cumulative: earlier submitted/approved periods of the year plus this report; the rate against the annual plan', async () => {
    // Last year's report does not count.
    const dec = await period('2024-12-01', '2024-12-31', '2025-01-05');
    await submit(dec.reportA, '9999');
    const apr = await period('2025-04-01', '2025-04-30', '2025-05-05'); // stays a draft: not counted
    await saveReport.execute(w.actors.leadOwn, { id: apr.reportA, version: 1, investmentThisPeriod: '777' });
    const may = await period('2025-05-01', '2025-05-31', '2025-06-05');
    const mayVersion = await submit(may.reportA, '100.25');
    await reviewReport.execute(w.actors.leaderOwn, { id: may.reportA, version: mayVersion, decision: 'approve' });
    const mar = await period('2025-03-01', '2025-03-31', '2025-04-05');
    const marVersion = await submit(mar.reportA, '200');
    const june = await period('2025-06-01', '2025-06-30', '2025-07-05');
    await saveReport.execute(w.actors.leadOwn, { id: june.reportA, version: 1, investmentThisPeriod: '350.5' });
    // A later period does not count towards June's cumulative.
    const july = await period('2025-07-01', '2025-07-31', '2025-08-05');
    await submit(july.reportA, '5000');

    const r = await getReport(w.actors.leadOwn, june.reportA);
    expect(r?.cumulative).toEqual({ others: '300.25', total: '650.75', annualPlan: '2000.00', rate: 32.5 });

    // A returned report is not counted until it is submitted again.
    await reviewReport.execute(w.actors.leaderOwn, { id: mar.reportA, version: marVersion, decision: 'return', comment: '核实' });
    expect((await getReport(w.actors.leadOwn, june.reportA))?.cumulative).toMatchObject({ others: '100.25', total: '450.75', rate: 22.5 });
  });

  it('no annual plan: no rate', async () => {
    const { reportB } = await openJune(getDb(), w);
    await getDb().update(projects).set({ annualPlannedInvestment: null }).where(eq(projects.id, w.projectB.id));
    expect((await getReport(w.actors.dispatch, reportB.id))?.cumulative).toEqual({
      others: '0.00',
      total: '0.00',
      annualPlan: null,
      rate: null,
    });
  });

  it('history: the report events and its photos, newest first; empty outside the scope', async () => {
    const db = getDb();
    const { report } = await openJune(db, w);
    await saveReport.execute(w.actors.leadOwn, { id: report.id, version: 1, physicalProgress: '开挖' });
    await submitReport.execute(w.actors.leadOwn, { id: report.id, version: 2, ...filled });
    const history = await getReportHistory(w.actors.viewer, report.id);
    expect(history.map((h) => h.action)).toEqual(['report.submit', 'report.save', 'report.create']);
    expect(await getReportHistory(w.actors.countyBDispatch, report.id)).toEqual([]);
  });

  it('a photo is served only within the project scope', async () => {
    const db = getDb();
    const { report } = await openJune(db, w);
    const [photo] = await db
      .insert(reportPhotos)
      .values({ reportId: report.id, projectId: w.project.id, storageKey: 'a'.repeat(32), mimeType: 'image/jpeg', byteSize: 10 })
      .returning();
    expect(await getPhotoForServing(w.actors.viewer, photo!.id)).toMatchObject({ storageKey: 'a'.repeat(32) });
    expect(await getPhotoForServing(w.actors.countyBDispatch, photo!.id)).toBeNull();
    expect(await getPhotoForServing(w.actors.countyBLead, photo!.id)).toBeNull();
  });

  it('problems raised from the report, within the scope only', async () => {
    const db = getDb();
    const { report } = await openJune(db, w);
    await db.insert(problems).values([
      { projectId: w.project.id, reportId: report.id, description: '征地拆迁未完成', type: 'land', deadline: '2025-07-31' },
      { projectId: w.project.id, reportId: null, description: '与本填报无关', type: 'other', deadline: '2025-07-31' },
    ]);
    expect((await listReportProblems(w.actors.viewer, report.id)).map((p) => p.description)).toEqual(['征地拆迁未完成']);
    expect(await listReportProblems(w.actors.countyBDispatch, report.id)).toEqual([]);
  });

  it('a project created after the period opened has no report in it', async () => {
    const { periodId } = await openJune(getDb(), w);
    await makeProject({ countyId: w.countyA.id, categoryCode: w.category.code });
    expect(await listReports(w.actors.dispatch, { periodId })).toHaveLength(2);
  });
});
