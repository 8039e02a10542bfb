import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, problemComments, problems } from '@/db/schema';
import type { ProblemStatus } from '@/db/schema/enums';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import {
  closeProblem,
  commentOnProblem,
  createProblem,
  reopenProblem,
  resolveProblem,
  startProblem,
  updateProblem,
} from './actions';
import {
  buildProblemWorld,
  makeProblem,
  notificationsOf,
  PROBLEM_ROLES,
  type ProblemRoleKey,
  problemRow,
  type ProblemWorld,
  writeCounts,
} from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
/** A field error as the user reads it (the wrapper translates catalogue keys; an absent key stays a key). */
const msg = (key: string) => (zh.has(key) ? zh(key) : key);
let w: ProblemWorld;

beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z'))); // 2025-06-15 in Asia/Shanghai
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildProblemWorld();
});

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

/** Who may take each step (the rows of the issue: every transition × every role). */
const MATRIX: Record<'create' | 'update' | 'start' | 'resolve' | 'close' | 'reopen' | 'comment', Record<ProblemRoleKey, Outcome>> = {
  create: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'ok',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  update: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  start: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'ok',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  resolve: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'ok',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  close: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  reopen: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  comment: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'ok',
    projectLead: 'ok',
    leadUnit: 'ok',
    leadOther: 'ok',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
};

const rows = (step: keyof typeof MATRIX) => PROBLEM_ROLES.map((r) => [r, MATRIX[step][r]] as const);

/** Runs a step as a role and checks: allowed → it happened (row + one audit event); refused → nothing changed. */
async function expectStep(
  role: ProblemRoleKey,
  expected: Outcome,
  setup: { status: ProblemStatus },
  run: (id: number, version: number) => ReturnType<typeof startProblem.execute>,
  after: Partial<typeof problems.$inferSelect>,
  action: string,
) {
  const db = getDb();
  const p = await makeProblem(w, { status: setup.status });
  const before = await problemRow(db, p.id);
  const counts = await writeCounts(db);
  const res = await run(p.id, p.version);
  const now = await problemRow(db, p.id);
  if (expected === 'ok') {
    expect(res).toMatchObject({ ok: true, data: { id: p.id, version: 2 } });
    expect(now).toMatchObject({ ...after, version: 2 });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'problem'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action, entityId: String(p.id), projectId: w.project.id, actorId: w.actors[role].id });
  } else {
    expect(res).toMatchObject({ ok: false, code: expected });
    expect(now).toEqual(before);
    expect(await writeCounts(db)).toEqual(counts);
  }
}

describe('createProblem: who may raise a problem', () => {
  const input = () => ({
    projectId: w.project.id,
    description: '临时用电线路未接入',
    type: 'power',
    responsibleUnitId: w.unitA.id,
    deadline: '2025-07-15',
  });
  it.each(rows('create'))('%s → %s', async (role, expected) => {
    const db = getDb();
    const counts = await writeCounts(db);
    const res = await createProblem.execute(w.actors[role], input());
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { status: 'open', version: 1 } });
      if (!res.ok) return;
      const row = await problemRow(db, res.data.id);
      expect(row).toMatchObject({
        projectId: w.project.id,
        description: '临时用电线路未接入',
        type: 'power',
        responsibleUnitId: w.unitA.id,
        // Not given: the project's responsible leader.
        responsibleLeaderId: w.users.leader.id,
        deadline: '2025-07-15',
        status: 'open',
        escalationLevel: 0,
        raisedById: w.actors[role].id,
      });
      const events = await db.select().from(auditEvents);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'problem.create', entityType: 'problem', entityId: String(row!.id), actorId: w.actors[role].id });
      // The unit's members are told (leadUnit is the only member of unit A).
      const told = await notificationsOf(db, w.users.leadUnit.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ kind: 'problem_assigned', entityType: 'problem', entityId: row!.id, href: `/problems/${row!.id}`, projectId: w.project.id });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      expect(await writeCounts(db)).toEqual(counts);
    }
  });

  it('refuses a signed-out caller', async () => {
    const res = await createProblem.execute(null, input());
    expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await writeCounts(getDb())).problems).toBe(0);
  });

  it('refuses a deadline before today, per field, and writes nothing', async () => {
    const res = await createProblem.execute(w.actors.dispatch, { ...input(), deadline: '2025-06-14' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {})).toEqual(['deadline']);
    expect(await writeCounts(getDb())).toMatchObject({ problems: 0, audit: 0, notifications: 0 });
  });

  it('accepts today as the deadline', async () => {
    const res = await createProblem.execute(w.actors.dispatch, { ...input(), deadline: '2025-06-15' });
    expect(res.ok).toBe(true);
  });

  it('reports every bad field at once, one message each', async () => {
    const res = await createProblem.execute(w.actors.dispatch, { projectId: w.project.id, description: '  ', type: 'weather', deadline: 'soon' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['deadline', 'description', 'type']);
      expect(res.fieldErrors?.deadline).toHaveLength(1);
    }
  });

  it('refuses an unknown unit, a leader who is not a leader, and a report of another project', async () => {
    const db = getDb();
    const unit = await createProblem.execute(w.actors.dispatch, { ...input(), responsibleUnitId: 99_999 });
    expect(unit).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { responsibleUnitId: [msg('validation.invalidChoice')] } });
    const leader = await createProblem.execute(w.actors.dispatch, { ...input(), responsibleLeaderId: w.users.leadUnit.id });
    expect(leader).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { responsibleLeaderId: [msg('validation.invalidChoice')] } });
    const report = await createProblem.execute(w.actors.dispatch, { ...input(), reportId: 12345 });
    expect(report).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { reportId: [msg('validation.invalidChoice')] } });
    expect(await writeCounts(db)).toMatchObject({ problems: 0, audit: 0, notifications: 0 });
  });

  it('takes another responsible leader when given, and defaults the unit to the project’s', async () => {
    const res = await createProblem.execute(w.actors.dispatch, {
      projectId: w.project.id,
      description: '资金缺口',
      type: 'funding',
      responsibleLeaderId: w.users.leaderOther.id,
      deadline: '2025-08-01',
    });
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(await problemRow(getDb(), res.data.id)).toMatchObject({ responsibleLeaderId: w.users.leaderOther.id, responsibleUnitId: w.unitA.id });
    }
  });

  it('does not notify the person who raised it when they belong to the unit', async () => {
    const db = getDb();
    const dispatchInUnit = await makeUser({ role: 'dispatch', unitId: w.unitA.id });
    const res = await createProblem.execute({ ...w.actors.dispatch, id: dispatchInUnit.id, unitId: w.unitA.id }, input());
    expect(res.ok).toBe(true);
    expect(await notificationsOf(db, dispatchInUnit.id)).toHaveLength(0);
    expect(await notificationsOf(db, w.users.leadUnit.id)).toHaveLength(1);
  });
});

describe('updateProblem (dispatch office)', () => {
  it.each(rows('update'))('%s → %s', async (role, expected) => {
    await expectStep(
      role,
      expected,
      { status: 'open' },
      (id, version) => updateProblem.execute(w.actors[role], { id, version, deadline: '2025-09-30', responsibleUnitId: w.unitB.id }),
      { deadline: '2025-09-30', responsibleUnitId: w.unitB.id, status: 'open' },
      'problem.update',
    );
  });

  it('a stale version is a CONFLICT with the current values; the first edit survives', async () => {
    const db = getDb();
    const p = await makeProblem(w);
    const first = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, description: '第一次修改' });
    const second = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, description: '第二次修改' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT', current: { id: p.id, version: 2, description: '第一次修改', changedBy: w.users.dispatch.displayName } });
    expect(await problemRow(db, p.id)).toMatchObject({ version: 2, description: '第一次修改' });
  });

  it('a new deadline in the past is refused; an unchanged past deadline is fine', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-01' });
    const past = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, deadline: '2025-06-10' });
    expect(past).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { deadline: [msg('validation.deadlineInPast')] } });
    const same = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, deadline: '2025-06-01', type: 'water' });
    expect(same).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await problemRow(db, p.id)).toMatchObject({ deadline: '2025-06-01', type: 'water' });
  });

  it('a new deadline ends the escalation (recorded in the history) and tells the new unit', async () => {
    const db = getDb();
    const p = await makeProblem(w, { deadline: '2025-06-01', escalationLevel: 2, escalatedAt: new Date('2025-06-10T00:00:00Z') });
    const res = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, deadline: '2025-07-31', responsibleUnitId: w.unitB.id });
    expect(res.ok).toBe(true);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 0, escalatedAt: null, deadline: '2025-07-31' });
    const [ev] = await db.select().from(auditEvents);
    expect(ev).toMatchObject({ before: { escalationLevel: 2, deadline: '2025-06-01' }, after: { escalationLevel: 0, deadline: '2025-07-31' } });
    // Unit B: projectLead and leadOther.
    expect(await notificationsOf(db, w.users.leadOther.id)).toMatchObject([{ kind: 'problem_assigned' }]);
    expect(await notificationsOf(db, w.users.projectLead.id)).toMatchObject([{ kind: 'problem_assigned' }]);
    expect(await notificationsOf(db, w.users.leadUnit.id)).toHaveLength(0);
  });

  it('a change to nothing writes nothing; a closed problem is not edited', async () => {
    const db = getDb();
    const p = await makeProblem(w);
    const same = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: 1, type: 'land' });
    expect(same).toMatchObject({ ok: true, data: { version: 1 } });
    expect((await writeCounts(db)).audit).toBe(0);
    const closed = await makeProblem(w, { status: 'closed' });
    const res = await updateProblem.execute(w.actors.dispatch, { id: closed.id, version: 1, type: 'water' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await problemRow(db, closed.id)).toMatchObject({ type: 'land', version: 1 });
  });
});

describe('startProblem: open → in progress', () => {
  it.each(rows('start'))('%s → %s', async (role, expected) => {
    await expectStep(role, expected, { status: 'open' }, (id, version) => startProblem.execute(w.actors[role], { id, version }), { status: 'in_progress' }, 'problem.start');
  });
});

describe('resolveProblem: → resolved with the resolution', () => {
  it.each(rows('resolve'))('%s → %s', async (role, expected) => {
    await expectStep(
      role,
      expected,
      { status: 'in_progress' },
      (id, version) => resolveProblem.execute(w.actors[role], { id, version, resolution: '已完成线路接入' }),
      { status: 'resolved', resolution: '已完成线路接入' },
      'problem.resolve',
    );
  });

  it('can resolve straight from open; tells the dispatch office and the leader, not the actor', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'open' });
    const res = await resolveProblem.execute(w.actors.leadUnit, { id: p.id, version: 1, resolution: '已协调解决' });
    expect(res).toMatchObject({ ok: true, data: { status: 'resolved' } });
    expect(await problemRow(db, p.id)).toMatchObject({ resolvedAt: new Date('2025-06-15T04:00:00Z') });
    expect(await notificationsOf(db, w.users.dispatch.id)).toMatchObject([{ kind: 'problem_resolved', entityId: p.id }]);
    expect(await notificationsOf(db, w.users.leader.id)).toMatchObject([{ kind: 'problem_resolved' }]);
    expect(await notificationsOf(db, w.users.leadUnit.id)).toHaveLength(0);
    // The county-B dispatch user's scope does not cover the project: not told.
    expect(await notificationsOf(db, w.users.countyB.id)).toHaveLength(0);
  });

  it('requires the resolution text', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'in_progress' });
    const res = await resolveProblem.execute(w.actors.dispatch, { id: p.id, version: 1, resolution: '   ' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {})).toEqual(['resolution']);
    expect(await problemRow(db, p.id)).toMatchObject({ status: 'in_progress', version: 1 });
  });

  it('two resolves from the same version: the second is a CONFLICT, nothing doubled', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'in_progress' });
    const a = await resolveProblem.execute(w.actors.leadUnit, { id: p.id, version: 1, resolution: 'A' });
    const b = await resolveProblem.execute(w.actors.dispatch, { id: p.id, version: 1, resolution: 'B' });
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, code: 'CONFLICT', current: { status: 'resolved', resolution: 'A', version: 2 } });
    expect(await problemRow(db, p.id)).toMatchObject({ resolution: 'A', version: 2 });
    expect((await writeCounts(db)).audit).toBe(1);
  });
});

describe('closeProblem: resolved → closed (销号)', () => {
  it.each(rows('close'))('%s → %s', async (role, expected) => {
    await expectStep(role, expected, { status: 'resolved' }, (id, version) => closeProblem.execute(w.actors[role], { id, version }), { status: 'closed', closedAt: new Date('2025-06-15T04:00:00Z') }, 'problem.close');
  });

  it('the project’s leader who is not the problem’s leader may not close it', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'resolved', responsibleLeaderId: w.users.leaderOther.id });
    expect(await closeProblem.execute(w.actors.leader, { id: p.id, version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await closeProblem.execute(w.actors.leaderOther, { id: p.id, version: 1 })).toMatchObject({ ok: true });
    expect(await problemRow(db, p.id)).toMatchObject({ status: 'closed' });
  });
});

describe('reopenProblem: resolved | closed → in progress, with a reason', () => {
  it.each(rows('reopen'))('%s → %s', async (role, expected) => {
    await expectStep(
      role,
      expected,
      { status: 'closed' },
      (id, version) => reopenProblem.execute(w.actors[role], { id, version, reason: '现场核查仍未通电' }),
      { status: 'in_progress', resolution: null, closedAt: null, resolvedAt: null },
      'problem.reopen',
    );
  });

  it('keeps the reason and the old resolution in the history, and tells the unit', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'resolved' });
    const res = await reopenProblem.execute(w.actors.leader, { id: p.id, version: 1, reason: '现场核查仍未通电' });
    expect(res).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    const [ev] = await db.select().from(auditEvents);
    expect(ev).toMatchObject({
      action: 'problem.reopen',
      before: { status: 'resolved', resolution: '已完成征地补偿' },
      after: { status: 'in_progress', resolution: null, reason: '现场核查仍未通电' },
    });
    expect(await notificationsOf(db, w.users.leadUnit.id)).toMatchObject([{ kind: 'problem_assigned', params: { reopened: 1 } }]);
  });

  it('requires a reason', async () => {
    const p = await makeProblem(w, { status: 'closed' });
    const res = await reopenProblem.execute(w.actors.dispatch, { id: p.id, version: 1, reason: '' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await problemRow(getDb(), p.id)).toMatchObject({ status: 'closed' });
  });
});

describe('steps the status does not allow are refused and change nothing', () => {
  const cases: [string, ProblemStatus, (id: number) => ReturnType<typeof startProblem.execute>][] = [
    ['start an in-progress problem', 'in_progress', (id) => startProblem.execute(w.actors.dispatch, { id, version: 1 })],
    ['start a resolved problem', 'resolved', (id) => startProblem.execute(w.actors.dispatch, { id, version: 1 })],
    ['resolve a resolved problem', 'resolved', (id) => resolveProblem.execute(w.actors.dispatch, { id, version: 1, resolution: 'x' })],
    ['resolve a closed problem', 'closed', (id) => resolveProblem.execute(w.actors.dispatch, { id, version: 1, resolution: 'x' })],
    ['close an open problem', 'open', (id) => closeProblem.execute(w.actors.dispatch, { id, version: 1 })],
    ['close an in-progress problem', 'in_progress', (id) => closeProblem.execute(w.actors.leader, { id, version: 1 })],
    ['reopen an open problem', 'open', (id) => reopenProblem.execute(w.actors.dispatch, { id, version: 1, reason: 'x' })],
    ['reopen an in-progress problem', 'in_progress', (id) => reopenProblem.execute(w.actors.dispatch, { id, version: 1, reason: 'x' })],
  ];
  it.each(cases)('%s', async (_name, status, run) => {
    const db = getDb();
    const p = await makeProblem(w, { status });
    const counts = await writeCounts(db);
    const res = await run(p.id);
    expect(res).toMatchObject({ ok: false, code: 'INVALID', message: zh('problems.error.wrongState'), fieldErrors: { status: [zh('problems.error.wrongState')] } });
    expect(await problemRow(db, p.id)).toEqual(p);
    expect(await writeCounts(db)).toEqual(counts);
  });

  it('a missing problem is NOT_FOUND', async () => {
    expect(await startProblem.execute(w.actors.dispatch, { id: 424242, version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('commentOnProblem', () => {
  it.each(rows('comment'))('%s → %s', async (role, expected) => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'in_progress' });
    const counts = await writeCounts(db);
    const res = await commentOnProblem.execute(w.actors[role], { problemId: p.id, body: '请尽快协调' });
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { problemId: p.id } });
      const comments = await db.select().from(problemComments).where(eq(problemComments.problemId, p.id));
      expect(comments).toMatchObject([{ authorId: w.actors[role].id, body: '请尽快协调' }]);
      expect(await db.select().from(auditEvents)).toMatchObject([{ action: 'problem.comment', entityId: String(p.id) }]);
      // The problem itself does not change.
      expect(await problemRow(db, p.id)).toEqual(p);
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      expect(await writeCounts(db)).toEqual(counts);
    }
  });

  it('tells the other participants (raiser, leader, unit, earlier commenters), not the author', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'in_progress' });
    await commentOnProblem.execute(w.actors.leaderOther, { problemId: p.id, body: '第一条' });
    await db.delete(notifications);
    await commentOnProblem.execute(w.actors.dispatch, { problemId: p.id, body: '第二条' });
    const told = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, 'problem_comment'), eq(notifications.entityId, p.id)));
    expect(told.map((n) => n.userId).sort((a, b) => a - b)).toEqual(
      [w.users.projectLead.id, w.users.leader.id, w.users.leaderOther.id, w.users.leadUnit.id].sort((a, b) => a - b),
    );
  });

  it('refuses an empty comment', async () => {
    const p = await makeProblem(w);
    const res = await commentOnProblem.execute(w.actors.dispatch, { problemId: p.id, body: ' ' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    expect((await writeCounts(getDb())).comments).toBe(0);
  });
});
