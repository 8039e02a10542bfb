import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '@/db/schema';
import type { ReportStatus } from '@/db/schema/enums';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
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

beforeAll(() => setClockForTests(new Date('2025-06-25T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildReportWorld();
  reportId = (await openJune(getDb(), w)).report.id;
});

async function submitted(): Promise<number> {
  const res = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
  if (!res.ok) throw new Error(res.code);
  return res.data.version;
}

async function bringTo(status: ReportStatus): Promise<number> {
  if (status === 'draft') return 1;
  const version = await submitted();
  if (status === 'submitted') return version;
  const res = await reviewReport.execute(w.actors.leaderOwn, {
    id: reportId,
    version,
    decision: status === 'approved' ? 'approve' : 'return',
    comment: status === 'returned' ? '请补充现场照片' : undefined,
  });
  if (!res.ok) throw new Error(res.code);
  return res.data.version;
}

const REVIEWERS: Record<ReportRole, 'ok' | 'onBehalf' | 'FORBIDDEN' | 'NOT_FOUND'> = {
  admin: 'FORBIDDEN',
  dispatch: 'onBehalf',
  leaderOwn: 'ok',
  leaderOther: 'FORBIDDEN',
  leadOwn: 'FORBIDDEN',
  leadOther: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
  countyBDispatch: 'NOT_FOUND',
  countyBLead: 'NOT_FOUND', // another county's report is not found, whatever the role
};

describe.each(['approve', 'return'] as const)('reviewReport (%s): who may', (decision) => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const version = await submitted();
    const before = await snapshot(db);
    const comment = decision === 'return' ? '形象进度描述不清' : undefined;
    const res = await reviewReport.execute(w.actors[role], { id: reportId, version, decision, comment });
    const expected = REVIEWERS[role];
    if (expected === 'FORBIDDEN' || expected === 'NOT_FOUND') {
      expect(res).toMatchObject({ ok: false, code: expected });
      await expectUnchanged(db, before);
      return;
    }
    const onBehalf = expected === 'onBehalf';
    const status = decision === 'approve' ? 'approved' : 'returned';
    expect(res).toEqual({ ok: true, data: { id: reportId, version: version + 1, status, reviewedOnBehalf: onBehalf } });
    expect(await reportRow(db, reportId)).toMatchObject({
      status,
      reviewedById: w.actors[role].id,
      reviewedOnBehalf: onBehalf,
      reviewComment: comment ?? null,
      // The content is what the reviewer saw.
      investmentThisPeriod: '350.50',
      physicalProgress: filled.physicalProgress,
    });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `report.${decision}`));
    expect(event).toMatchObject({
      entityType: 'report',
      entityId: String(reportId),
      actorId: w.actors[role].id,
      before: { status: 'submitted' },
      after: { status, onBehalf, ...(comment ? { comment } : {}) },
    });
    const [note] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, decision === 'approve' ? 'report_approved' : 'report_returned'));
    expect(note).toMatchObject({ userId: w.users.leadOwn.id, entityId: reportId, href: `/reports/${reportId}` });
    if (comment) expect(note?.params).toMatchObject({ comment });
  });
});

describe('reviewReport: rules', () => {
  it('a return needs a comment (per-field message); nothing changes', async () => {
    const db = getDb();
    const version = await submitted();
    const before = await snapshot(db);
    for (const comment of [undefined, '', '   ']) {
      const res = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version, decision: 'return', comment });
      expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { comment: ['必填'] } });
    }
    await expectUnchanged(db, before);
  });

  it('an approval may carry a comment', async () => {
    const db = getDb();
    const version = await submitted();
    const res = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version, decision: 'approve', comment: '同意' });
    expect(res.ok).toBe(true);
    expect((await reportRow(db, reportId)).reviewComment).toBe('同意');
  });

  it.each(['draft', 'returned', 'approved'] as const)('only a submitted report is reviewed: %s is refused', async (status) => {
    const db = getDb();
    const version = await bringTo(status);
    const before = await snapshot(db);
    for (const decision of ['approve', 'return'] as const) {
      const res = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version, decision, comment: '意见' });
      expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notSubmitted') });
      const res2 = await reviewReport.execute(w.actors.dispatch, { id: reportId, version, decision, comment: '意见' });
      expect(res2).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
    await expectUnchanged(db, before);
  });

  it('the approve/edit race: the leader approves the version they saw; a report changed since is refused and stays as edited', async () => {
    const db = getDb();
    // The leader opens the submitted report (version v) ...
    const seen = await submitted();
    const seenRow = await reportRow(db, reportId);
    // ... meanwhile the dispatch office returns it, the lead edits and resubmits it.
    const ret = await reviewReport.execute(w.actors.dispatch, { id: reportId, version: seen, decision: 'return', comment: '请更正投资' });
    expect(ret.ok).toBe(true);
    const edit = await saveReport.execute(w.actors.leadOwn, { id: reportId, version: seen + 1, investmentThisPeriod: '999' });
    expect(edit.ok).toBe(true);
    const resub = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: seen + 2 });
    expect(resub).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const before = await snapshot(db);

    // The leader now approves what they saw: refused.
    const res = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version: seenRow.version, decision: 'approve' });
    expect(res).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: zh('reports.errors.changedSinceViewed'),
      current: { status: 'submitted', investmentThisPeriod: '999.00', version: seen + 3 },
    });
    await expectUnchanged(db, before);
    const row = await reportRow(db, reportId);
    expect(row).toMatchObject({ status: 'submitted', investmentThisPeriod: '999.00' });
    expect(row.investmentThisPeriod).not.toBe(seenRow.investmentThisPeriod);

    // Having seen the new version, the leader can approve it.
    const again = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version: row.version, decision: 'approve' });
    expect(again).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect(await reportRow(db, reportId)).toMatchObject({ status: 'approved', investmentThisPeriod: '999.00' });
  });

  it('two reviewers at the same moment (leader approves, dispatch returns): exactly one decision wins', async () => {
    const db = getDb();
    const version = await submitted();
    // On PostgreSQL (TEST_DATABASE_URL) these run on two connections at once; the row lock and
    // the guarded UPDATE decide. On PGlite they queue on its one connection.
    const [a, b] = await Promise.all([
      reviewReport.execute(w.actors.leaderOwn, { id: reportId, version, decision: 'approve' }),
      reviewReport.execute(w.actors.dispatch, { id: reportId, version, decision: 'return', comment: '退回' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    const row = await reportRow(db, reportId);
    expect(row.version).toBe(version + 1);
    expect(row.status).toBe(a.ok ? 'approved' : 'returned');
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(reportId))))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action)).toEqual(['report.create', 'report.submit', a.ok ? 'report.approve' : 'report.return']);
  });

  it('an edit cannot slip in after an approval: the approved report refuses the lead', async () => {
    const db = getDb();
    const version = await submitted();
    const approved = await reviewReport.execute(w.actors.leaderOwn, { id: reportId, version, decision: 'approve' });
    expect(approved.ok).toBe(true);
    const before = await snapshot(db);
    for (const v of [version, version + 1]) {
      expect(await saveReport.execute(w.actors.leadOwn, { id: reportId, version: v, investmentThisPeriod: '1' })).toMatchObject({
        ok: false,
        code: 'CONFLICT',
      });
    }
    await expectUnchanged(db, before);
  });
});

const REOPENERS: Record<ReportRole, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'> = {
  admin: 'FORBIDDEN',
  dispatch: 'ok',
  leaderOwn: 'FORBIDDEN',
  leaderOther: 'FORBIDDEN',
  leadOwn: 'FORBIDDEN',
  leadOther: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
  countyBDispatch: 'NOT_FOUND',
  countyBLead: 'NOT_FOUND', // another county's report is not found, whatever the role
};

describe('reopenReport: who may', () => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const db = getDb();
    const version = await bringTo('approved');
    const before = await snapshot(db);
    const res = await reopenReport.execute(w.actors[role], { id: reportId, version, reason: '统计口径调整，需更正本期投资' });
    if (REOPENERS[role] !== 'ok') {
      expect(res).toMatchObject({ ok: false, code: REOPENERS[role] });
      await expectUnchanged(db, before);
      return;
    }
    expect(res).toEqual({ ok: true, data: { id: reportId, version: version + 1, status: 'returned' } });
    expect(await reportRow(db, reportId)).toMatchObject({
      status: 'returned',
      reviewComment: '统计口径调整，需更正本期投资',
      reviewedById: w.users.dispatch.id,
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.reopen'));
    expect(event).toMatchObject({
      actorId: w.users.dispatch.id,
      before: { status: 'approved', reviewedById: w.users.leaderOwn.id },
      after: { status: 'returned', reason: '统计口径调整，需更正本期投资' },
    });
    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'report_reopened')).orderBy(asc(notifications.userId));
    expect(notes.map((n) => n.userId).sort()).toEqual([w.users.leaderOwn.id, w.users.leadOwn.id].sort());
    expect(notes[0]?.params).toMatchObject({ reason: '统计口径调整，需更正本期投资' });
  });
});

describe('reopenReport: rules', () => {
  it('needs a written reason', async () => {
    const db = getDb();
    const version = await bringTo('approved');
    const before = await snapshot(db);
    const res = await reopenReport.execute(w.actors.dispatch, { id: reportId, version, reason: '  ' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { reason: ['必填'] } });
    await expectUnchanged(db, before);
  });

  it.each(['draft', 'submitted', 'returned'] as const)('only an approved report is reopened: %s is refused', async (status) => {
    const db = getDb();
    const version = await bringTo(status);
    const before = await snapshot(db);
    const res = await reopenReport.execute(w.actors.dispatch, { id: reportId, version, reason: '原因' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notApproved') });
    await expectUnchanged(db, before);
  });

  it('a stale version is refused', async () => {
    const db = getDb();
    const version = await bringTo('approved');
    const before = await snapshot(db);
    const res = await reopenReport.execute(w.actors.dispatch, { id: reportId, version: version - 1, reason: '原因' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', current: { status: 'approved', version } });
    await expectUnchanged(db, before);
  });
});
