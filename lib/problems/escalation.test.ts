import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { onPostgres, useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { escalateOverdueProblems, ESCALATE_TO_OFFICE_DAYS } from './escalation';
import { buildProblemWorld, makeProblem, notificationsOf, problemRow, type ProblemWorld, writeCounts } from './test-world';

const getDb = useTestDb();
let w: ProblemWorld;

/** Sets "today" (Asia/Shanghai) to the given date, at noon there. */
const setToday = (day: string) => setClockForTests(new Date(`${day}T04:00:00Z`));

afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setToday('2025-06-15');
  w = await buildProblemWorld();
});

describe('escalateOverdueProblems on a fixed clock', () => {
  it('the office threshold is 7 days', () => {
    expect(ESCALATE_TO_OFFICE_DAYS).toBe(7);
  });

  it('not overdue (deadline today or later) → level 0, nothing written', async () => {
    const db = getDb();
    const today = await makeProblem(w, { deadline: '2025-06-15' });
    const later = await makeProblem(w, { deadline: '2025-07-01' });
    const counts = await writeCounts(db);
    expect(await escalateOverdueProblems(db)).toEqual([]);
    expect(await problemRow(db, today.id)).toEqual(today);
    expect(await problemRow(db, later.id)).toEqual(later);
    expect(await writeCounts(db)).toEqual(counts);
  });

  it('1 day overdue → level 1: the leader is told it is escalated to them, the unit that it is overdue', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-14', status: 'in_progress' });
    const changes = await escalateOverdueProblems(db);
    expect(changes).toEqual([{ id: p.id, projectId: w.project.id, from: 0, to: 1, daysOverdue: 1 }]);
    expect(await problemRow(db, p.id)).toMatchObject({
      escalationLevel: 1,
      escalatedAt: new Date('2025-06-15T04:00:00Z'),
      // Escalation is not a user edit: the version stays, so nobody's pending step conflicts.
      version: 1,
    });
    expect(await notificationsOf(db, w.users.leader.id)).toMatchObject([
      { kind: 'problem_escalated', entityType: 'problem', entityId: p.id, href: `/problems/${p.id}`, params: { level: 1, days: 1 } },
    ]);
    expect(await notificationsOf(db, w.users.leadUnit.id)).toMatchObject([{ kind: 'problem_overdue', params: { days: 1 } }]);
    expect(await notificationsOf(db, w.users.dispatch.id)).toHaveLength(0);
    const events = await db.select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: null,
      actorName: 'system',
      action: 'problem.escalate',
      entityType: 'problem',
      entityId: String(p.id),
      projectId: w.project.id,
      before: { escalationLevel: 0 },
      after: { escalationLevel: 1, daysOverdue: 1 },
    });
  });

  it('7 days overdue is still level 1', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-08' });
    await escalateOverdueProblems(db);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 1 });
  });

  it('8 days overdue → level 2: the dispatch office is told (only offices whose scope covers the project)', async () => {
    const db = getDb();
    const countyAOffice = await makeUser({ role: 'dispatch', countyId: w.countyA.id });
    const disabledOffice = await makeUser({ role: 'dispatch', disabled: true });
    const p = await makeProblem(w, { deadline: '2025-06-07' });
    const changes = await escalateOverdueProblems(db);
    expect(changes).toEqual([{ id: p.id, projectId: w.project.id, from: 0, to: 2, daysOverdue: 8 }]);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 2 });
    expect(await notificationsOf(db, w.users.dispatch.id)).toMatchObject([{ kind: 'problem_escalated', params: { level: 2, days: 8 } }]);
    expect(await notificationsOf(db, countyAOffice.id)).toMatchObject([{ kind: 'problem_escalated', params: { level: 2 } }]);
    expect(await notificationsOf(db, w.users.countyB.id)).toHaveLength(0);
    expect(await notificationsOf(db, disabledOffice.id)).toHaveLength(0);
    // Straight from 0 to 2: the leader and the unit are told as well; one audit event.
    expect(await notificationsOf(db, w.users.leader.id)).toMatchObject([{ kind: 'problem_escalated', params: { level: 1 } }]);
    expect(await notificationsOf(db, w.users.leadUnit.id)).toMatchObject([{ kind: 'problem_overdue' }]);
    expect(await db.select().from(auditEvents)).toMatchObject([
      { before: { escalationLevel: 0 }, after: { escalationLevel: 2, daysOverdue: 8 } },
    ]);
  });

  it('level 1 → 2 as the days pass: only the office is told the second time', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-14' });
    await escalateOverdueProblems(db);
    const leaderBefore = (await notificationsOf(db, w.users.leader.id)).length;
    setToday('2025-06-22'); // 8 days overdue
    const changes = await escalateOverdueProblems(db);
    expect(changes).toEqual([{ id: p.id, projectId: w.project.id, from: 1, to: 2, daysOverdue: 8 }]);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 2, escalatedAt: new Date('2025-06-22T04:00:00Z') });
    expect(await notificationsOf(db, w.users.leader.id)).toHaveLength(leaderBefore);
    expect(await notificationsOf(db, w.users.dispatch.id)).toMatchObject([{ kind: 'problem_escalated', params: { level: 2 } }]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'problem.escalate'))).toHaveLength(2);
  });

  it('running twice changes nothing more (same day, and later at the same level)', async () => {
    const db = getDb();
    await makeProblem(w, { deadline: '2025-06-14' });
    await makeProblem(w, { deadline: '2025-06-01' });
    expect(await escalateOverdueProblems(db)).toHaveLength(2);
    const counts = await writeCounts(db);
    const rows = await db.select().from(notifications);
    expect(await escalateOverdueProblems(db)).toEqual([]);
    expect(await writeCounts(db)).toEqual(counts);
    setToday('2025-06-18'); // the first is 4 days overdue: still level 1
    expect(await escalateOverdueProblems(db)).toEqual([]);
    expect(await db.select().from(notifications)).toEqual(rows);
  });

  it('a resolved or closed problem does not escalate', async () => {
    const db = getDb();
    const resolved = await makeProblem(w, { deadline: '2025-05-01', status: 'resolved' });
    const closed = await makeProblem(w, { deadline: '2025-05-01', status: 'closed' });
    const counts = await writeCounts(db);
    expect(await escalateOverdueProblems(db)).toEqual([]);
    expect(await problemRow(db, resolved.id)).toEqual(resolved);
    expect(await problemRow(db, closed.id)).toEqual(closed);
    expect(await writeCounts(db)).toEqual(counts);
  });

  it('a problem without a leader or unit still escalates (nobody to tell at level 1)', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-10', responsibleLeaderId: null, responsibleUnitId: null });
    await escalateOverdueProblems(db);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 1 });
    expect((await writeCounts(db)).notifications).toBe(0);
  });

  it.runIf(onPostgres)('two runs at the same moment (two servers) raise each problem once', async () => {
    const db = getDb();
    await makeProblem(w, { deadline: '2025-06-01' });
    const [a, b] = await Promise.all([escalateOverdueProblems(db), escalateOverdueProblems(db)]);
    expect(a.length + b.length).toBe(1);
    expect(await db.select().from(auditEvents)).toHaveLength(1);
    expect(await notificationsOf(db, w.users.dispatch.id)).toHaveLength(1);
  });
});
