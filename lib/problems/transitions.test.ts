import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, notifications, problemComments } from '@/db/schema';
import type { ProblemStatus } from '@/db/schema/enums';
import { closeProblem, commentOnProblem, reopenProblem, resolveProblem, startProblem } from './actions';
import { expectStep, rows, useProblemWorld, w, zh } from './actions-support';
import { makeProblem, notificationsOf, problemRow, writeCounts } from './test-world';

const getDb = useProblemWorld();

describe('startProblem: open → in progress', () => {
  it.each(rows('start'))('%s → %s', async (role, expected) => {
    await expectStep(
      role,
      expected,
      { status: 'open' },
      (id, version) => startProblem.execute(w.actors[role], { id, version }),
      { status: 'in_progress' },
      'problem.start',
    );
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
    await expectStep(
      role,
      expected,
      { status: 'resolved' },
      (id, version) => closeProblem.execute(w.actors[role], { id, version }),
      { status: 'closed', closedAt: new Date('2025-06-15T04:00:00Z') },
      'problem.close',
    );
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
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: zh('problems.error.wrongState'),
      fieldErrors: { status: [zh('problems.error.wrongState')] },
    });
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

describe('loaded and authorized by the wrapper, before run', () => {
  it('every problem action names the record it works on (none loads and checks by hand)', async () => {
    const mod = await import('./actions');
    const { isAction } = await import('@/lib/actions/wrapper');
    const { problemResource } = await import('./resource');
    const { projectResource } = await import('@/lib/projects/resource');
    const actions = Object.entries(mod).filter(([, v]) => isAction(v));
    expect(actions.map(([k]) => k).sort()).toEqual([
      'closeProblem',
      'commentOnProblem',
      'createProblem',
      'reopenProblem',
      'resolveProblem',
      'startProblem',
      'updateProblem',
    ]);
    for (const [name, action] of actions) {
      if (!isAction(action)) continue;
      expect(action.meta.load?.resource, name).toBe(name === 'createProblem' ? projectResource : problemResource);
    }
  });

  it('not visible comes before not permitted, and both before a stale version', async () => {
    const db = getDb();
    const p = await makeProblem(w, { status: 'resolved' });
    const counts = await writeCounts(db);
    // Version 7 is stale: still 404 for the other county and 403 for a leader not responsible.
    expect(await closeProblem.execute(w.actors.countyB, { id: p.id, version: 7 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await closeProblem.execute(w.actors.leaderOther, { id: p.id, version: 7 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The stale version comes before the status check: CONFLICT, not INVALID.
    expect(await startProblem.execute(w.actors.dispatch, { id: p.id, version: 7 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: p.id, version: 1, status: 'resolved' },
    });
    expect(await writeCounts(db)).toEqual(counts);
  });

  it('a stale close is a CONFLICT with who changed it', async () => {
    const p = await makeProblem(w, { status: 'resolved' });
    expect((await reopenProblem.execute(w.actors.dispatch, { id: p.id, version: 1, reason: '未通电' })).ok).toBe(true);
    expect(await closeProblem.execute(w.actors.leader, { id: p.id, version: 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: p.id, version: 2, status: 'in_progress', changedBy: w.users.dispatch.displayName },
    });
  });

  it('the relations are the problem’s own: a problem given to another unit is that unit’s to progress', async () => {
    const p = await makeProblem(w, { status: 'open', responsibleUnitId: w.unitB.id });
    // leadUnit belongs to the project's unit (A), not the problem's (B).
    expect(await startProblem.execute(w.actors.leadUnit, { id: p.id, version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await startProblem.execute(w.actors.leadOther, { id: p.id, version: 1 })).toMatchObject({
      ok: true,
      data: { status: 'in_progress' },
    });
  });

  it('a comment on a problem of another county is NOT_FOUND; on a missing one too', async () => {
    const p = await makeProblem(w);
    expect(await commentOnProblem.execute(w.actors.countyB, { problemId: p.id, body: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await commentOnProblem.execute(w.actors.dispatch, { problemId: 424242, body: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
