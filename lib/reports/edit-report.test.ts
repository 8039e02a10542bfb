import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, projects, reports } from '@/db/schema';
import type { ReportStatus } from '@/db/schema/enums';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { actorOf, makeUser } from '@/test/factories';
import { saveReport, submitReport } from './edit-report';
import { reopenReport, reviewReport } from './review-report';
import {
  ALL_ROLES,
  buildReportWorld,
  expectUnchanged,
  filled,
  openJune,
  type ReportRole,
  type ReportWorld,
  reportRow,
  snapshot,
} from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
let w: ReportWorld;
let reportId: number;

const JUNE_20 = new Date('2025-06-20T04:00:00Z');
const JULY_6 = new Date('2025-07-06T04:00:00Z'); // the day after the due date (2025-07-05), Asia/Shanghai

afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(JUNE_20);
  w = await buildReportWorld();
  reportId = (await openJune(getDb(), w)).report.id;
});

/** Puts the report into a state the way users would get it there. */
async function bringTo(status: ReportStatus): Promise<number> {
  if (status === 'draft') return 1;
  const sub = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
  if (!sub.ok) throw new Error(sub.code);
  if (status === 'submitted') return sub.data.version;
  const rev = await reviewReport.execute(w.actors.leaderOwn, {
    id: reportId,
    version: sub.data.version,
    decision: status === 'returned' ? 'return' : 'approve',
    comment: status === 'returned' ? '投资数据与台账不符' : undefined,
  });
  if (!rev.ok) throw new Error(rev.code);
  return rev.data.version;
}

const EDITORS: Record<ReportRole, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'> = {
  admin: 'FORBIDDEN',
  dispatch: 'FORBIDDEN',
  leaderOwn: 'FORBIDDEN',
  leaderOther: 'FORBIDDEN',
  leadOwn: 'ok',
  leadOther: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
  countyBDispatch: 'NOT_FOUND', // another county's report is not found, whatever the role
  countyBLead: 'NOT_FOUND',
};

describe('saveReport: who may', () => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await saveReport.execute(w.actors[role], { id: reportId, version: 1, ...filled });
    if (EDITORS[role] !== 'ok') {
      expect(res).toMatchObject({ ok: false, code: EDITORS[role] });
      await expectUnchanged(db, before);
      return;
    }
    expect(res).toEqual({ ok: true, data: { id: reportId, version: 2, status: 'draft' } });
    expect(await reportRow(db, reportId)).toMatchObject({
      status: 'draft',
      investmentThisPeriod: '350.50',
      physicalProgress: filled.physicalProgress,
      percentComplete: 42,
      nextSteps: filled.nextSteps,
      coordinationNeeds: filled.coordinationNeeds,
      version: 2,
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.save'));
    expect(event).toMatchObject({
      entityType: 'report',
      entityId: String(reportId),
      projectId: w.project.id,
      actorId: w.users.leadOwn.id,
      before: { investmentThisPeriod: null, percentComplete: null },
      after: { investmentThisPeriod: '350.50', percentComplete: 42 },
    });
  });
});

describe('saveReport: drafts', () => {
  it('saves any number of times, a partial save keeps the other fields, an unchanged save writes nothing', async () => {
    const db = getDb();
    const first = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, physicalProgress: '开挖' });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const second = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 2, percentComplete: '15' });
    expect(second).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await reportRow(db, reportId)).toMatchObject({ physicalProgress: '开挖', percentComplete: 15, version: 3 });
    const auditBefore = await snapshot(db);
    const same = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 3, percentComplete: 15 });
    expect(same).toMatchObject({ ok: true, data: { version: 3 } });
    await expectUnchanged(db, auditBefore);
    // '' clears a field.
    await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 3, physicalProgress: '' });
    expect((await reportRow(db, reportId)).physicalProgress).toBeNull();
  });

  it('a stale version is a CONFLICT carrying the current values; nothing is overwritten', async () => {
    const db = getDb();
    await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, physicalProgress: '第一次' });
    const before = await snapshot(db);
    const res = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, physicalProgress: '第二次' });
    expect(res).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { physicalProgress: '第一次', version: 2, status: 'draft', changedBy: w.users.leadOwn.displayName },
    });
    await expectUnchanged(db, before);
  });

  it('rejects bad values with per-field messages in the user language', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await saveReport.execute(
      w.actors.leadOwn,
      { id: reportId, version: 1, investmentThisPeriod: '-5', percentComplete: '101' },
      translator('en'),
    );
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { investmentThisPeriod: ['Cannot be negative'], percentComplete: ['Must be at most 100'] },
    });
    const res2 = await saveReport.execute(w.actors.leadOwn, {
      id: reportId,
      version: 1,
      investmentThisPeriod: '1.234',
      percentComplete: '4.5',
    });
    expect(res2).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res2.ok) expect(Object.keys(res2.fieldErrors ?? {}).sort()).toEqual(['investmentThisPeriod', 'percentComplete']);
    await expectUnchanged(db, before);
  });

  it('takes the investment as people type it (thousands separators, a Chinese IME’s full-width digits)', async () => {
    const db = getDb();
    const res = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, investmentThisPeriod: '１，２３４．５' });
    expect(res).toMatchObject({ ok: true });
    const [row] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(row?.investmentThisPeriod).toBe('1234.50');
    const res2 = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 2, investmentThisPeriod: '2,000' });
    expect(res2).toMatchObject({ ok: true });
    const [row2] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(row2?.investmentThisPeriod).toBe('2000.00');
  });

  it.each(['submitted', 'approved'] as const)('refuses to save a %s report (CONFLICT, not editable)', async (status) => {
    const db = getDb();
    const version = await bringTo(status);
    const before = await snapshot(db);
    const res = await saveReport.execute(w.actors.leadOwn, { id: reportId, version, physicalProgress: '改动' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notEditable') });
    await expectUnchanged(db, before);
  });

  it('saves a returned report (and keeps it returned with the comment)', async () => {
    const db = getDb();
    const version = await bringTo('returned');
    const res = await saveReport.execute(w.actors.leadOwn, { id: reportId, version, investmentThisPeriod: '300' });
    expect(res).toMatchObject({ ok: true, data: { status: 'returned' } });
    expect(await reportRow(db, reportId)).toMatchObject({
      status: 'returned',
      investmentThisPeriod: '300.00',
      reviewComment: '投资数据与台账不符',
    });
  });

  it('the lead of the project changes: the old lead may no longer edit, the new one may', async () => {
    const db = getDb();
    const newLead = await makeUser({ role: 'lead', countyId: w.countyA.id });
    await db.update(projects).set({ projectLeadId: newLead.id }).where(eq(projects.id, w.project.id));
    const old = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, physicalProgress: 'x' });
    expect(old).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const now = await saveReport.execute(actorOf(newLead), { id: reportId, version: 1, physicalProgress: 'x' });
    expect(now.ok).toBe(true);
  });
});

describe('submitReport: who may', () => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await submitReport.execute(w.actors[role], { id: reportId, version: 1, ...filled });
    if (EDITORS[role] !== 'ok') {
      expect(res).toMatchObject({ ok: false, code: EDITORS[role] });
      await expectUnchanged(db, before);
      return;
    }
    expect(res).toEqual({ ok: true, data: { id: reportId, version: 2, status: 'submitted', late: false } });
    const row = await reportRow(db, reportId);
    expect(row).toMatchObject({ status: 'submitted', submittedById: w.users.leadOwn.id, late: false, investmentThisPeriod: '350.50' });
    expect(row.submittedAt?.toISOString()).toBe(JUNE_20.toISOString());
    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'report_awaiting_review'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: w.users.leaderOwn.id,
      entityId: reportId,
      href: `/reports/${reportId}`,
      params: { late: 0, resubmitted: 0 },
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.submit'));
    expect(event).toMatchObject({ before: { status: 'draft' }, after: { status: 'submitted', late: false, percentComplete: 42 } });
  });
});

describe('submitReport: rules', () => {
  it('checks the required fields, each with its own message, and saves nothing', async () => {
    const db = getDb();
    await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, nextSteps: '下步' });
    const before = await snapshot(db);
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 2, physicalProgress: '  ' });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: {
        investmentThisPeriod: [zh('reports.errors.required.investmentThisPeriod')],
        physicalProgress: [zh('reports.errors.required.physicalProgress')],
        percentComplete: [zh('reports.errors.required.percentComplete')],
      },
    });
    await expectUnchanged(db, before);
    const en = translator('en');
    for (const key of ['investmentThisPeriod', 'physicalProgress', 'percentComplete']) {
      expect(zh.has(`reports.errors.required.${key}`)).toBe(true);
      expect(en.has(`reports.errors.required.${key}`)).toBe(true);
    }
  });

  it('uses the values already saved: a draft saved complete can be submitted with no fields', async () => {
    const db = getDb();
    await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 2 });
    expect(res).toMatchObject({ ok: true, data: { status: 'submitted', version: 3 } });
    expect((await reportRow(db, reportId)).physicalProgress).toBe(filled.physicalProgress);
  });

  it('0 is a valid investment (nothing invested this period)', async () => {
    const res = await submitReport.execute(w.actors.leadOwn, {
      id: reportId,
      version: 1,
      ...filled,
      investmentThisPeriod: '0',
      percentComplete: 0,
    });
    expect(res.ok).toBe(true);
  });

  it('after the due date: allowed and marked late', async () => {
    const db = getDb();
    setClockForTests(JULY_6);
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    expect(res).toMatchObject({ ok: true, data: { late: true } });
    expect(await reportRow(db, reportId)).toMatchObject({ status: 'submitted', late: true });
    const [note] = await db.select().from(notifications).where(eq(notifications.kind, 'report_awaiting_review'));
    expect(note?.params).toMatchObject({ late: 1 });
  });

  it('on the due date itself: not late', async () => {
    setClockForTests(new Date('2025-07-05T15:59:00Z')); // 23:59 on 5 July in Asia/Shanghai
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    expect(res).toMatchObject({ ok: true, data: { late: false } });
  });

  it('a resubmission after a return keeps the lateness of the first submission', async () => {
    const db = getDb();
    const version = await bringTo('returned'); // first submitted on 20 June: on time
    setClockForTests(JULY_6);
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version, investmentThisPeriod: '300' });
    expect(res).toMatchObject({ ok: true, data: { status: 'submitted', late: false } });
    const notes = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'report_awaiting_review'))
      .orderBy(asc(notifications.id));
    expect(notes.at(-1)?.params).toMatchObject({ resubmitted: 1 });
  });

  it.each(['submitted', 'approved'] as const)('refuses to submit a %s report', async (status) => {
    const db = getDb();
    const version = await bringTo(status);
    const before = await snapshot(db);
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version, ...filled });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notEditable') });
    await expectUnchanged(db, before);
  });

  it('a project without a responsible leader goes to the dispatch office for review', async () => {
    const db = getDb();
    await db.update(projects).set({ responsibleLeaderId: null }).where(eq(projects.id, w.project.id));
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    expect(res.ok).toBe(true);
    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'report_awaiting_review'));
    // The prefecture dispatch office covers county A; county B's office does not.
    expect(notes.map((n) => n.userId)).toEqual([w.users.dispatch.id]);
  });

  it('a stale version is a CONFLICT', async () => {
    const db = getDb();
    await saveReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    const before = await snapshot(db);
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled, percentComplete: 50 });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', current: { version: 2 } });
    await expectUnchanged(db, before);
    expect((await db.select().from(reports).where(eq(reports.id, reportId)))[0]?.status).toBe('draft');
  });

  it('reopened reports can be edited and submitted again', async () => {
    const db = getDb();
    const approvedVersion = await bringTo('approved');
    const reopened = await reopenReport.execute(w.actors.dispatch, {
      id: reportId,
      version: approvedVersion,
      reason: '审计发现投资额有误',
    });
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: reopened.data.version, investmentThisPeriod: '320' });
    expect(res).toMatchObject({ ok: true, data: { status: 'submitted' } });
    expect(await reportRow(db, reportId)).toMatchObject({ investmentThisPeriod: '320.00', status: 'submitted' });
  });
});
