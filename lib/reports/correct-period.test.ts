import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, projectLights, reportingPeriods, reportPhotos, reports } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { onPostgres, useTestDb } from '@/test/db';
import { cancelPeriod, cancelPeriodAs, correctPeriod } from './correct-period';
import { saveReport, submitReport } from './edit-report';
import { openPeriod } from './open-period';
import { getPeriodControls } from './period-queries';
import { newStorageKey, writePhotoFiles } from './photos';
import { ALL_ROLES, buildReportWorld, expectUnchanged, filled, openJune, reportRow, type ReportWorld, snapshot } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
let w: ReportWorld;
let photoDir: string;

beforeAll(async () => {
  setClockForTests(new Date('2025-06-20T04:00:00Z'));
  photoDir = await mkdtemp(path.join(tmpdir(), 'kpd-period-photos-'));
  process.env.PHOTO_DIR = photoDir;
});
afterAll(async () => {
  setClockForTests(null);
  delete process.env.PHOTO_DIR;
  await rm(photoDir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await buildReportWorld();
});

const JUNE_DATES = { startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05' };

async function periodRow(id: number) {
  const [row] = await getDb().select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  return row;
}

async function submitA(reportId: number) {
  const r = await reportRow(getDb(), reportId);
  const res = await submitReport.execute(w.actors.leadOwn, { id: r.id, version: r.version, ...filled });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
}

describe('who may correct or cancel a period', () => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const { periodId } = await openJune(db, w);
    const before = await snapshot(db);
    const correct = await correctPeriod.execute(w.actors[role], { id: periodId, version: 1, ...JUNE_DATES, dueDate: '2025-07-08' });
    const cancel = await cancelPeriod.execute(w.actors[role], { id: periodId, version: 1 });
    if (role === 'dispatch') {
      expect(correct).toMatchObject({ ok: true, data: { version: 2, changed: true } });
      expect(cancel).toMatchObject({ ok: false, code: 'CONFLICT' }); // the version moved on
      return;
    }
    expect(correct).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(cancel).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The county dispatch office holds the permission: it is told the period is the prefecture's.
    if (role === 'countyBDispatch') expect(cancel).toMatchObject({ message: zh('errors.PREFECTURE_ONLY') });
    await expectUnchanged(db, before);
  });
});

describe('correctPeriod', () => {
  it("moves a period opened in the wrong month: dates, version, the leads' notifications, one audit event", async () => {
    const db = getDb();
    const { periodId, report } = await openJune(db, w);
    await saveReport.execute(w.actors.leadOwn, { id: report.id, version: report.version, physicalProgress: '基础开挖' });
    const res = await correctPeriod.execute(w.actors.dispatch, {
      id: periodId,
      version: 1,
      startDate: '2025-05-01',
      endDate: '2025-05-31',
      dueDate: '2025-06-25',
    });
    expect(res).toEqual({ ok: true, data: { id: periodId, version: 2, changed: true } });
    expect(await periodRow(periodId)).toMatchObject({ startDate: '2025-05-01', endDate: '2025-05-31', dueDate: '2025-06-25', version: 2 });
    // The drafts stay, with what the leads wrote.
    expect((await reportRow(db, report.id)).physicalProgress).toBe('基础开挖');
    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'period_opened'));
    expect(notes).toHaveLength(2);
    for (const n of notes) expect(n.params).toMatchObject({ periodStart: '2025-05-01', periodEnd: '2025-05-31', dueDate: '2025-06-25' });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'period.correct'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: 'reporting_period',
      entityId: String(periodId),
      actorId: w.users.dispatch.id,
      before: { startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05' },
      after: { startDate: '2025-05-01', endDate: '2025-05-31', dueDate: '2025-06-25' },
    });
  });

  it('drops the lights computed for the old dates, and says so in the audit event', async () => {
    const db = getDb();
    const { periodId } = await openJune(db, w);
    const set = await ensureDefaultRuleSet(db);
    await db
      .insert(projectLights)
      .values({ projectId: w.project.id, periodId, light: 'green', ruleSetId: set.id, ruleSetVersion: set.version });
    const res = await correctPeriod.execute(w.actors.dispatch, {
      id: periodId,
      version: 1,
      startDate: '2025-07-01',
      endDate: '2025-07-31',
      dueDate: '2025-08-05',
    });
    expect(res.ok).toBe(true);
    expect(await db.select().from(projectLights)).toEqual([]);
    const [ev] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'period.correct'));
    expect(ev!.after).toMatchObject({ lightsRemoved: 1 });
  });

  it('the new dates follow the opening rules (cadence, horizon, overlap); nothing written', async () => {
    const db = getDb();
    const { periodId } = await openJune(db, w);
    const july = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2025-07-01',
      endDate: '2025-07-31',
      dueDate: '2025-08-05',
    });
    expect(july.ok).toBe(true);
    const before = await snapshot(db);
    const base = { id: periodId, version: 1 };
    expect(
      await correctPeriod.execute(w.actors.dispatch, { ...base, startDate: '2025-06-01', endDate: '2025-07-15', dueDate: '2025-07-20' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { endDate: [zh('reports.errors.cadenceEnd.monthly', { date: '2025-06-30' })] },
    });
    expect(
      await correctPeriod.execute(w.actors.dispatch, { ...base, startDate: '2027-04-01', endDate: '2027-04-30', dueDate: '2027-05-05' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { startDate: [zh('reports.errors.tooFarAhead', { date: '2026-12-31' })] },
    });
    expect(
      await correctPeriod.execute(w.actors.dispatch, { ...base, startDate: '2025-07-01', endDate: '2025-07-31', dueDate: '2025-08-05' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fieldErrors: { startDate: [zh('reports.errors.periodExists')] },
    });
    expect(await correctPeriod.execute(w.actors.dispatch, { ...base, ...JUNE_DATES, dueDate: '2025-05-31' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { dueDate: [zh('reports.errors.dueBeforeStart')] },
    });
    await expectUnchanged(db, before);
  });

  it('once a report was submitted: the due date still moves, the start and end dates do not (409)', async () => {
    const db = getDb();
    const { periodId, report } = await openJune(db, w);
    await submitA(report.id);
    const before = await snapshot(db);
    const moved = await correctPeriod.execute(w.actors.dispatch, {
      id: periodId,
      version: 1,
      startDate: '2025-05-01',
      endDate: '2025-05-31',
      dueDate: '2025-06-05',
    });
    expect(moved).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.periodDatesLocked', { count: 1 }) });
    await expectUnchanged(db, before);
    const due = await correctPeriod.execute(w.actors.dispatch, { id: periodId, version: 1, ...JUNE_DATES, dueDate: '2025-07-10' });
    expect(due).toMatchObject({ ok: true, data: { version: 2, changed: true } });
    expect(await periodRow(periodId)).toMatchObject({ ...JUNE_DATES, dueDate: '2025-07-10' });
    // The submitted report is as it was (its late mark was decided when it was submitted).
    const after = await reportRow(db, report.id);
    expect(after).toMatchObject({ status: 'submitted', late: false, version: report.version + 1 });
    const [ev] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'period.correct'));
    expect(ev).toMatchObject({ before: { dueDate: '2025-07-05' }, after: { dueDate: '2025-07-10' } });
  });

  it('a stale version is CONFLICT with the period as it is now; the same dates again change nothing', async () => {
    const db = getDb();
    const { periodId } = await openJune(db, w);
    expect((await correctPeriod.execute(w.actors.dispatch, { id: periodId, version: 1, ...JUNE_DATES, dueDate: '2025-07-08' })).ok).toBe(
      true,
    );
    const before = await snapshot(db);
    const stale = await correctPeriod.execute(w.actors.dispatch, { id: periodId, version: 1, ...JUNE_DATES, dueDate: '2025-07-09' });
    expect(stale).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: zh('reports.errors.periodChanged'),
      current: { id: periodId, dueDate: '2025-07-08', version: 2, changedBy: w.users.dispatch.displayName },
    });
    const same = await correctPeriod.execute(w.actors.dispatch, { id: periodId, version: 2, ...JUNE_DATES, dueDate: '2025-07-08' });
    expect(same).toEqual({ ok: true, data: { id: periodId, version: 2, changed: false } });
    await expectUnchanged(db, before);
    expect(await correctPeriod.execute(w.actors.dispatch, { id: 999999, version: 1, ...JUNE_DATES })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('cancelPeriod', () => {
  it('removes the drafts, their photos and notifications, the lights and the period; the audit trail keeps it all', async () => {
    const db = getDb();
    const { periodId, report } = await openJune(db, w);
    await saveReport.execute(w.actors.leadOwn, { id: report.id, version: report.version, physicalProgress: '基础开挖' });
    const key = newStorageKey();
    await writePhotoFiles(key, Buffer.from('original'), Buffer.from('thumb'));
    await db
      .insert(reportPhotos)
      .values({ reportId: report.id, projectId: w.project.id, storageKey: key, mimeType: 'image/jpeg', byteSize: 8 });
    const set = await ensureDefaultRuleSet(db);
    await db
      .insert(projectLights)
      .values({ projectId: w.project.id, periodId, light: 'green', ruleSetId: set.id, ruleSetVersion: set.version });

    const res = await cancelPeriodAs(w.actors.dispatch, { id: periodId, version: 1 });
    expect(res).toEqual({ ok: true, data: { id: periodId, reportsRemoved: 2 } });
    expect(await db.select().from(reportingPeriods)).toEqual([]);
    expect(await db.select().from(reports)).toEqual([]);
    expect(await db.select().from(reportPhotos)).toEqual([]);
    expect(await db.select().from(notifications)).toEqual([]);
    expect(await db.select().from(projectLights)).toEqual([]);
    await expect(stat(path.join(photoDir, key))).rejects.toThrow();

    const events = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const cancel = events.filter((e) => e.action === 'period.cancel');
    expect(cancel).toHaveLength(1);
    expect(cancel[0]).toMatchObject({
      entityType: 'reporting_period',
      entityId: String(periodId),
      actorId: w.users.dispatch.id,
      before: { kind: 'monthly', ...JUNE_DATES, openedById: w.users.dispatch.id, version: 1 },
      after: { reportsRemoved: 2, notificationsRemoved: 2, photosRemoved: 1 },
    });
    const deleted = events.filter((e) => e.action === 'report.delete');
    expect(deleted.map((e) => Number(e.entityId)).sort()).toEqual(
      events
        .filter((e) => e.action === 'report.create')
        .map((e) => Number(e.entityId))
        .sort(),
    );
    expect(deleted.find((e) => e.entityId === String(report.id))!.before).toMatchObject({
      periodId,
      status: 'draft',
      physicalProgress: '基础开挖',
    });
    expect(new Set([...cancel, ...deleted].map((e) => e.requestId)).size).toBe(1);

    // The month is free again.
    expect((await openPeriod.execute(w.actors.dispatch, { kind: 'monthly', ...JUNE_DATES })).ok).toBe(true);
  });

  it('is refused (409) once any report of the period was submitted, also after it was returned; nothing changes', async () => {
    const db = getDb();
    const { periodId, report } = await openJune(db, w);
    await submitA(report.id);
    const before = await snapshot(db);
    const res = await cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 1 });
    expect(res).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: zh('reports.errors.periodCancelLocked', { count: 1 }),
      current: { id: periodId, submitted: 1 },
    });
    await expectUnchanged(db, before);
    // Returned to the lead: it was submitted once, the period is still the record of that round.
    await db.update(reports).set({ status: 'returned', reviewComment: '请补充' }).where(eq(reports.id, report.id));
    expect(await cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a stale version is CONFLICT; a period that is gone is NOT_FOUND', async () => {
    const db = getDb();
    const { periodId } = await openJune(db, w);
    await correctPeriod.execute(w.actors.dispatch, { id: periodId, version: 1, ...JUNE_DATES, dueDate: '2025-07-08' });
    const before = await snapshot(db);
    expect(await cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: zh('reports.errors.periodChanged'),
    });
    await expectUnchanged(db, before);
    expect((await cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 2 })).ok).toBe(true);
    expect(await cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it.runIf(onPostgres)('a submission racing a cancel: either the report is submitted and the period stays, or both are gone', async () => {
    const db = getDb();
    for (let round = 0; round < 4; round++) {
      const { periodId, report } = await openJune(db, w);
      const [cancel, submit] = await Promise.all([
        cancelPeriod.execute(w.actors.dispatch, { id: periodId, version: 1 }),
        submitReport.execute(w.actors.leadOwn, { id: report.id, version: report.version, ...filled }),
      ]);
      expect(cancel.ok !== submit.ok).toBe(true);
      const periods = await db.select().from(reportingPeriods);
      if (cancel.ok) {
        expect(submit).toMatchObject({ ok: false, code: 'NOT_FOUND' });
        expect(periods).toEqual([]);
      } else {
        expect(cancel).toMatchObject({ code: 'CONFLICT', message: zh('reports.errors.periodCancelLocked', { count: 1 }) });
        expect(periods).toHaveLength(1);
        expect((await reportRow(db, report.id)).status).toBe('submitted');
        // Clear the round (children first; the audit trail stays).
        await db.delete(notifications);
        await db.delete(reports);
        await db.delete(reportingPeriods);
      }
    }
  });
});

describe('getPeriodControls (what the reports page offers)', () => {
  it('counts the drafts a cancellation removes and the submitted reports that forbid it; only for the prefecture office', async () => {
    const db = getDb();
    const { periodId, report } = await openJune(db, w);
    expect(await getPeriodControls(w.actors.dispatch, periodId)).toEqual({
      id: periodId,
      version: 1,
      kind: 'monthly',
      ...JUNE_DATES,
      drafts: 2,
      submitted: 0,
      photos: 0,
    });
    await submitA(report.id);
    expect(await getPeriodControls(w.actors.dispatch, periodId)).toMatchObject({ drafts: 1, submitted: 1 });
    for (const role of ['countyBDispatch', 'leaderOwn', 'leadOwn', 'viewer', 'admin'] as const) {
      expect(await getPeriodControls(w.actors[role], periodId)).toBeNull();
    }
    expect(await getPeriodControls(w.actors.dispatch, periodId + 1000)).toBeNull();
  });
});
