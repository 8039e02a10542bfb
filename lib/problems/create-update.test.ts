import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, units } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { createProblem, updateProblem } from './actions';
import { expectStep, msg, rows, useProblemWorld, w } from './actions-support';
import { makeProblem, notificationsOf, problemRow, writeCounts } from './test-world';

const getDb = useProblemWorld();

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
      expect(events[0]).toMatchObject({
        action: 'problem.create',
        entityType: 'problem',
        entityId: String(row!.id),
        actorId: w.actors[role].id,
      });
      // The unit's members are told (leadUnit is the only member of unit A).
      const told = await notificationsOf(db, w.users.leadUnit.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        kind: 'problem_assigned',
        entityType: 'problem',
        entityId: row!.id,
        href: `/problems/${row!.id}`,
        projectId: w.project.id,
      });
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
    const res = await createProblem.execute(w.actors.dispatch, {
      projectId: w.project.id,
      description: '  ',
      type: 'weather',
      deadline: 'soon',
    });
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
      expect(await problemRow(getDb(), res.data.id)).toMatchObject({
        responsibleLeaderId: w.users.leaderOther.id,
        responsibleUnitId: w.unitA.id,
      });
    }
  });

  it('refuses a retired unit the user chose, and keeps the project’s own unit even when it was retired', async () => {
    const db = getDb();
    await db.update(units).set({ active: false }).where(eq(units.id, w.unitB.id));
    const chosen = await createProblem.execute(w.actors.dispatch, { ...input(), responsibleUnitId: w.unitB.id });
    expect(chosen).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { responsibleUnitId: [msg('validation.invalidChoice')] } });
    expect(await writeCounts(db)).toMatchObject({ problems: 0, audit: 0, notifications: 0 });

    const p = await makeProblem(w);
    const moved = await updateProblem.execute(w.actors.dispatch, { id: p.id, version: p.version, responsibleUnitId: w.unitB.id });
    expect(moved).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { responsibleUnitId: [msg('validation.invalidChoice')] } });
    expect(await problemRow(db, p.id)).toMatchObject({ responsibleUnitId: w.unitA.id, version: p.version });

    await db.update(units).set({ active: false }).where(eq(units.id, w.unitA.id));
    const inherited = await createProblem.execute(w.actors.dispatch, input());
    expect(inherited).toMatchObject({ ok: true });
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
    expect(second).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: p.id, version: 2, description: '第一次修改', changedBy: w.users.dispatch.displayName },
    });
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
    const res = await updateProblem.execute(w.actors.dispatch, {
      id: p.id,
      version: 1,
      deadline: '2025-07-31',
      responsibleUnitId: w.unitB.id,
    });
    expect(res.ok).toBe(true);
    expect(await problemRow(db, p.id)).toMatchObject({ escalationLevel: 0, escalatedAt: null, deadline: '2025-07-31' });
    const [ev] = await db.select().from(auditEvents);
    expect(ev).toMatchObject({
      before: { escalationLevel: 2, deadline: '2025-06-01' },
      after: { escalationLevel: 0, deadline: '2025-07-31' },
    });
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

describe('createProblem: the project is loaded and authorized before run', () => {
  it('a project the actor cannot see is NOT_FOUND on the project field; a missing one too', async () => {
    const db = getDb();
    const counts = await writeCounts(db);
    const input = { description: '临时用电线路未接入', type: 'power', responsibleUnitId: w.unitA.id, deadline: '2025-07-15' };
    for (const [actor, projectId] of [
      [w.actors.countyB, w.project.id],
      [w.actors.dispatch, 424242],
    ] as const) {
      const res = await createProblem.execute(actor, { ...input, projectId });
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND', fieldErrors: { projectId: [msg('validation.invalidChoice')] } });
    }
    expect(await writeCounts(db)).toEqual(counts);
  });
});
