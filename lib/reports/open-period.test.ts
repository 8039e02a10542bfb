import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, projects, reportingPeriods, reports, settings } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { notificationText } from '@/lib/inbox/notification-text';
import { listNotifications } from '@/lib/notifications/queries';
import { openPeriod } from './open-period';
import { getOpenPeriodPreview } from './period-queries';
import { addDays, periodShape, suggestNextPeriod, suggestPeriod } from './schemas';
import { ALL_ROLES, buildReportWorld, expectUnchanged, JUNE, type ReportRole, type ReportWorld, snapshot } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
let w: ReportWorld;

beforeAll(() => setClockForTests(new Date('2025-06-20T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildReportWorld();
});

describe('openPeriod: who may', () => {
  // Periods are prefecture-wide (定期调度 is the prefecture's dispatch office's): a county dispatch
  // user holds the permission but is refused, with a message saying why.
  const allowed: Partial<Record<ReportRole, string[]>> = {
    dispatch: ['KP-A1', 'KP-B1'],
  };
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await openPeriod.execute(w.actors[role], JUNE);
    const codes = allowed[role];
    if (!codes) {
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      if (role === 'countyBDispatch') expect(res).toMatchObject({ message: zh('errors.PREFECTURE_ONLY') });
      await expectUnchanged(db, before);
      return;
    }
    expect(res).toMatchObject({ ok: true, data: { kind: 'monthly', reportCount: codes.length } });
    const rows = await db.select().from(reports).orderBy(asc(reports.projectId));
    expect(rows.map((r) => r.projectId)).toEqual(codes.map((c) => (c === 'KP-A1' ? w.project.id : w.projectB.id)).sort((a, b) => a - b));
    expect(rows.every((r) => r.status === 'draft' && r.version === 1)).toBe(true);
  });
});

describe('openPeriod: what it creates', () => {
  it('one draft per active project in scope (not those in operation), a notification to each lead, audit events', async () => {
    const db = getDb();
    const res = await openPeriod.execute(w.actors.dispatch, JUNE);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const [period] = await db.select().from(reportingPeriods);
    expect(period).toMatchObject({
      kind: 'monthly',
      startDate: '2025-06-01',
      endDate: '2025-06-30',
      dueDate: '2025-07-05',
      openedById: w.users.dispatch.id,
    });

    const rows = await db.select().from(reports).orderBy(asc(reports.id));
    expect(rows.map((r) => r.projectId).sort()).toEqual([w.project.id, w.projectB.id].sort());
    expect(rows.some((r) => r.projectId === w.operating.id)).toBe(false);

    // One summary per lead for the period (not one per project), linking to the period's reports.
    const notes = await db.select().from(notifications).orderBy(asc(notifications.userId));
    expect(notes).toHaveLength(2);
    expect(res.data.notificationCount).toBe(2);
    expect(notes.find((n) => n.userId === w.users.leadOwn.id)).toMatchObject({
      kind: 'period_opened',
      projectId: null,
      entityType: 'reporting_period',
      entityId: period!.id,
      href: `/reports?period=${period!.id}`,
      params: { periodKind: 'monthly', periodStart: '2025-06-01', periodEnd: '2025-06-30', dueDate: '2025-07-05', projects: 1 },
    });
    expect(notes.find((n) => n.userId === w.users.countyBLead.id)?.params).toMatchObject({ projects: 1 });

    const events = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(events.filter((e) => e.action === 'report.create')).toHaveLength(2);
    const open = events.find((e) => e.action === 'period.open');
    expect(open).toMatchObject({
      entityType: 'reporting_period',
      entityId: String(period!.id),
      actorId: w.users.dispatch.id,
      after: { kind: 'monthly', reports: 2 },
    });
    // One request, one transaction: every event carries the same request id.
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
  });

  it('takes the kind from the report_cadence setting when none is given', async () => {
    const db = getDb();
    await db.insert(settings).values({ key: 'report_cadence', value: 'dekad' });
    const res = await openPeriod.execute(w.actors.dispatch, { startDate: '2025-06-11', endDate: '2025-06-20', dueDate: '2025-06-23' });
    expect(res).toMatchObject({ ok: true, data: { kind: 'dekad' } });
  });

  it('is monthly by default (no setting), and a given kind wins over the setting', async () => {
    const db = getDb();
    const res = await openPeriod.execute(w.actors.dispatch, { ...JUNE, kind: '' });
    expect(res).toMatchObject({ ok: true, data: { kind: 'monthly' } });
    await db.insert(settings).values({ key: 'report_cadence', value: 'monthly' });
    const res2 = await openPeriod.execute(w.actors.dispatch, {
      kind: 'dekad',
      startDate: '2025-07-01',
      endDate: '2025-07-10',
      dueDate: '2025-07-13',
    });
    expect(res2).toMatchObject({ ok: true, data: { kind: 'dekad' } });
  });

  it('refuses the same period twice with CONFLICT and a field message; nothing changes', async () => {
    const db = getDb();
    expect((await openPeriod.execute(w.actors.dispatch, JUNE)).ok).toBe(true);
    const before = await snapshot(db);
    const res = await openPeriod.execute(w.actors.dispatch, JUNE);
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { startDate: [zh('reports.errors.periodExists')] } });
    await expectUnchanged(db, before);
    // A county user may not open it for their county either: the period is one for all.
    const res2 = await openPeriod.execute(w.actors.countyBDispatch, JUNE);
    expect(res2).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expectUnchanged(db, before);
  });

  it('refuses a period that overlaps an open one (of any kind)', async () => {
    const db = getDb();
    expect((await openPeriod.execute(w.actors.dispatch, JUNE)).ok).toBe(true);
    const before = await snapshot(db);
    const res = await openPeriod.execute(w.actors.dispatch, {
      kind: 'dekad',
      startDate: '2025-06-21',
      endDate: '2025-06-30',
      dueDate: '2025-07-03',
    });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { startDate: [zh('reports.errors.periodOverlaps')] } });
    await expectUnchanged(db, before);
    // The next month is fine.
    const july = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2025-07-01',
      endDate: '2025-07-31',
      dueDate: '2025-08-05',
    });
    expect(july.ok).toBe(true);
  });

  it('refuses dates out of order with per-field messages', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2025-06-30',
      endDate: '2025-06-01',
      dueDate: '2025-05-31',
    });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { endDate: [zh('reports.errors.endBeforeStart')], dueDate: [zh('reports.errors.dueBeforeStart')] },
    });
    const res2 = await openPeriod.execute(w.actors.dispatch, {
      kind: 'weekly',
      startDate: '2025-02-30',
      endDate: '',
      dueDate: '2025-07-05',
    });
    expect(res2).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res2.ok) expect(Object.keys(res2.fieldErrors ?? {}).sort()).toEqual(['endDate', 'kind', 'startDate']);
    await expectUnchanged(db, before);
  });

  it('a lead of several projects gets one summary naming how many, readable in the inbox', async () => {
    const db = getDb();
    await db.update(projects).set({ projectLeadId: w.users.leadOwn.id }).where(eq(projects.id, w.projectB.id));
    const res = await openPeriod.execute(w.actors.dispatch, JUNE);
    expect(res).toMatchObject({ ok: true, data: { reportCount: 2, notificationCount: 1 } });
    const notes = await db.select().from(notifications);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: w.users.leadOwn.id, projectId: null, params: { projects: 2 } });
    const row = { kind: notes[0]!.kind, params: notes[0]!.params, projectName: null, projectNameEn: null };
    expect(notificationText(zh, row, 'zh-CN').title).toBe('2025年6月报告已开启：您负责的 2 个项目待填报');
    expect(notificationText(translator('en'), row, 'en').title).toBe('June 2025 reports are open: 2 of your projects to report');
    // The lead's inbox lists it (the summary names no project, so the lead's scope does not hide it).
    const inbox = await listNotifications(w.actors.leadOwn);
    expect(inbox.rows.map((r) => r.href)).toEqual([`/reports?period=${res.ok ? res.data.id : 0}`]);
  });

  it('the form’s confirmation counts exactly what opening creates; only for who may open', async () => {
    const db = getDb();
    await db.update(projects).set({ projectLeadId: w.users.leadOwn.id }).where(eq(projects.id, w.projectB.id));
    expect(await getOpenPeriodPreview(w.actors.dispatch)).toEqual({ drafts: 2, notifications: 1 });
    expect(await getOpenPeriodPreview(w.actors.countyBDispatch)).toBeNull();
    expect(await getOpenPeriodPreview(w.actors.leadOwn)).toBeNull();
    const res = await openPeriod.execute(w.actors.dispatch, JUNE);
    expect(res).toMatchObject({ ok: true, data: { reportCount: 2, notificationCount: 1 } });
    expect(await db.select().from(reports)).toHaveLength(2);
    expect(await db.select().from(notifications)).toHaveLength(1);
    // The actor is not told of their own opening, and is not counted.
    await db.update(projects).set({ projectLeadId: w.users.dispatch.id }).where(eq(projects.id, w.project.id));
    expect(await getOpenPeriodPreview(w.actors.dispatch)).toEqual({ drafts: 2, notifications: 1 });
  });

  it('a project without a lead still gets its report (nobody is notified)', async () => {
    const db = getDb();
    await db.update(projects).set({ projectLeadId: null }).where(eq(projects.id, w.project.id));
    const res = await openPeriod.execute(w.actors.dispatch, JUNE);
    expect(res).toMatchObject({ ok: true, data: { reportCount: 2 } });
    expect(await db.select().from(notifications)).toHaveLength(1);
  });
});

describe('period dates', () => {
  it('suggests the calendar month and the 旬 that contain today', () => {
    expect(suggestPeriod('monthly', '2025-02-14')).toEqual({ startDate: '2025-02-01', endDate: '2025-02-28', dueDate: '2025-03-05' });
    expect(suggestPeriod('dekad', '2025-02-14')).toEqual({ startDate: '2025-02-11', endDate: '2025-02-20', dueDate: '2025-02-23' });
    expect(suggestPeriod('dekad', '2024-02-29')).toEqual({ startDate: '2024-02-21', endDate: '2024-02-29', dueDate: '2024-03-03' });
    expect(suggestPeriod('dekad', '2025-12-05').startDate).toBe('2025-12-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('suggests the next free period when the current one is open', () => {
    const june = { startDate: '2025-06-01', endDate: '2025-06-30' };
    expect(suggestNextPeriod('monthly', '2025-06-14', [june])).toEqual({
      startDate: '2025-07-01',
      endDate: '2025-07-31',
      dueDate: '2025-08-05',
    });
    expect(suggestNextPeriod('dekad', '2025-06-14', [june]).startDate).toBe('2025-07-01');
    expect(suggestNextPeriod('monthly', '2025-06-14', []).startDate).toBe('2025-06-01');
  });

  it('reads a period as a month, a 旬, or just its dates', () => {
    expect(periodShape({ kind: 'monthly', startDate: '2025-06-01', endDate: '2025-06-30' })).toEqual({
      year: 2025,
      month: 6,
      part: null,
      calendar: true,
    });
    expect(periodShape({ kind: 'dekad', startDate: '2025-06-21', endDate: '2025-06-30' })).toMatchObject({ part: 3, calendar: true });
    expect(periodShape({ kind: 'dekad', startDate: '2025-06-05', endDate: '2025-06-14' })).toMatchObject({ part: null, calendar: false });
    expect(periodShape({ kind: 'monthly', startDate: '2025-06-15', endDate: '2025-07-14' })).toMatchObject({ calendar: false });
  });
});
