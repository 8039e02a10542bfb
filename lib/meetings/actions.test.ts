import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, categories, counties, meetingAgendaItems, meetings, meetingSnapshotRows, units } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { addAgendaItem, proposeAgenda, recordDecision, removeAgendaItem, reorderAgenda } from './agenda-actions';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes, updateMeeting } from './meeting-actions';
import { buildMeetingWorld, type MeetingRole, type MeetingWorld, ROLES, TODAY, writeCounts } from './test-world';

const getDb = useTestDb();
let w: MeetingWorld;

beforeAll(() => setClockForTests(TODAY));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(TODAY);
  w = await buildMeetingWorld();
});

function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

type State = 'planned' | 'frozen' | 'held' | 'published';

/** A meeting brought to a state by the prefecture dispatch office, with one custom item. */
async function meetingIn(state: State, scope: { scopeCountyId?: number } = {}, by: Actor = w.actors.dispatch) {
  const m = ok(
    await createMeeting.execute(by, {
      title: '六月调度会',
      meetingDate: '2026-06-15',
      chairId: w.users.leader.id,
      participantIds: [w.users.leader.id],
      unitIds: [w.unitA.id],
      ...scope,
    }),
  );
  const item = ok(await addAgendaItem.execute(by, { meetingId: m.id, version: m.version, title: '其他事项', projectId: w.projects.a1.id }));
  let version = item.version;
  if (state !== 'planned') version = ok(await freezeMeeting.execute(by, { id: m.id, version })).version;
  // The meeting is dated after TODAY: holding it is the confirmed early case.
  if (state === 'held' || state === 'published')
    version = ok(await holdMeeting.execute(by, { id: m.id, version, confirmEarly: true })).version;
  if (state === 'published') version = ok(await publishMinutes.execute(by, { id: m.id, version })).version;
  const [row] = await getDb().select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, item.id));
  return { id: m.id, version, itemId: item.id, itemVersion: row!.version };
}

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
const onlyPrefectureDispatch: Record<MeetingRole, Outcome> = {
  admin: 'FORBIDDEN',
  dispatch: 'ok',
  leader: 'FORBIDDEN',
  leader2: 'FORBIDDEN',
  lead: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
  viewerA: 'FORBIDDEN',
  // County offices see a prefecture meeting (their county's part) but do not run it.
  dispatchA: 'FORBIDDEN',
  dispatchB: 'FORBIDDEN',
};

type Step = { state: State; run: (a: Actor, m: Awaited<ReturnType<typeof meetingIn>>) => Promise<ActionResult<unknown>> };
const STEPS: Record<string, Step> = {
  updateMeeting: {
    state: 'planned',
    run: (a, m) =>
      updateMeeting.execute(a, { id: m.id, version: m.version, title: '改名', meetingDate: '2026-06-16', chairId: w.users.leader.id }),
  },
  proposeAgenda: { state: 'planned', run: (a, m) => proposeAgenda.execute(a, { id: m.id, version: m.version }) },
  addAgendaItem: { state: 'planned', run: (a, m) => addAgendaItem.execute(a, { meetingId: m.id, version: m.version, title: '新议题' }) },
  removeAgendaItem: { state: 'planned', run: (a, m) => removeAgendaItem.execute(a, { id: m.itemId, version: m.itemVersion }) },
  reorderAgenda: {
    state: 'planned',
    run: (a, m) => reorderAgenda.execute(a, { meetingId: m.id, version: m.version, itemIds: [m.itemId] }),
  },
  freezeMeeting: { state: 'planned', run: (a, m) => freezeMeeting.execute(a, { id: m.id, version: m.version }) },
  holdMeeting: { state: 'frozen', run: (a, m) => holdMeeting.execute(a, { id: m.id, version: m.version, confirmEarly: true }) },
  recordDecision: {
    state: 'held',
    run: (a, m) =>
      recordDecision.execute(a, {
        id: m.itemId,
        version: m.itemVersion,
        decision: '由交通运输局牵头协调',
        problem: { description: '协调施工用电', type: 'power', deadline: '2026-07-31' },
      }),
  },
  publishMinutes: { state: 'held', run: (a, m) => publishMinutes.execute(a, { id: m.id, version: m.version }) },
};

describe('who may run each step of a prefecture meeting', () => {
  for (const [name, step] of Object.entries(STEPS)) {
    it.each(ROLES)(`${name} × %s`, async (role) => {
      const m = await meetingIn(step.state);
      const before = await writeCounts(getDb());
      const r = await step.run(w.actors[role], m);
      const expected = onlyPrefectureDispatch[role];
      if (expected === 'ok') {
        expect(r.ok, JSON.stringify(r)).toBe(true);
      } else {
        expect(r.ok ? 'ok' : r.code).toBe(expected);
        expect(await writeCounts(getDb())).toEqual(before);
      }
    });
  }

  it.each(ROLES)('createMeeting × %s', async (role) => {
    const r = await createMeeting.execute(w.actors[role], { title: '调度会', meetingDate: '2026-06-20' });
    const allowed = role === 'dispatch' || role === 'dispatchA' || role === 'dispatchB';
    expect(r.ok ? 'ok' : r.code).toBe(allowed ? 'ok' : 'FORBIDDEN');
    if (r.ok) {
      const [row] = await getDb().select().from(meetings).where(eq(meetings.id, r.data.id));
      // A county office's meeting is of its county.
      expect(row!.scopeCountyId).toBe(w.actors[role].countyId);
    }
  });
});

describe('a county meeting', () => {
  it('is run by its county office and the prefecture office; another county does not see it', async () => {
    const a = await meetingIn('planned', { scopeCountyId: w.countyA.id }, w.actors.dispatchA);
    expect(ok(await proposeAgenda.execute(w.actors.dispatchA, { id: a.id, version: a.version })).added).toBeGreaterThan(0);
    const current = (await getDb().select().from(meetings).where(eq(meetings.id, a.id)))[0]!;
    const r = await freezeMeeting.execute(w.actors.dispatchB, { id: a.id, version: current.version });
    expect(r.ok ? 'ok' : r.code).toBe('NOT_FOUND');
    expect((await freezeMeeting.execute(w.actors.dispatch, { id: a.id, version: current.version })).ok).toBe(true);
  });

  it('a county office may not create a meeting of another county', async () => {
    const r = await createMeeting.execute(w.actors.dispatchA, { title: '调度会', meetingDate: '2026-06-20', scopeCountyId: w.countyB.id });
    expect(r.ok ? 'ok' : r.code).toBe('INVALID');
    expect(r.ok ? [] : (r.fieldErrors?.scopeCountyId ?? [])).not.toHaveLength(0);
  });
});

describe('retired reference entries', () => {
  it('are refused when chosen, and kept by an edit of a meeting that already holds them', async () => {
    const db = getDb();
    const m = ok(
      await createMeeting.execute(w.actors.dispatch, {
        title: '调度会',
        meetingDate: '2026-06-20',
        scopeCountyId: w.countyA.id,
        scopeCategoryCode: 'transport',
        unitIds: [w.unitA.id],
      }),
    );
    await db.update(counties).set({ active: false }).where(eq(counties.id, w.countyA.id));
    await db.update(categories).set({ active: false }).where(eq(categories.code, 'transport'));
    await db.update(units).set({ active: false }).where(eq(units.id, w.unitA.id));

    const fresh = await createMeeting.execute(w.actors.dispatch, {
      title: '调度会',
      meetingDate: '2026-06-21',
      scopeCountyId: w.countyA.id,
      scopeCategoryCode: 'transport',
      unitIds: [w.unitA.id],
    });
    expect(fresh.ok).toBe(false);
    if (!fresh.ok) expect(Object.keys(fresh.fieldErrors ?? {})).toEqual(['scopeCountyId']);
    const byCategory = await createMeeting.execute(w.actors.dispatch, {
      title: '调度会',
      meetingDate: '2026-06-21',
      scopeCategoryCode: 'transport',
    });
    expect(byCategory.ok ? [] : Object.keys(byCategory.fieldErrors ?? {})).toEqual(['scopeCategoryCode']);
    const byUnit = await createMeeting.execute(w.actors.dispatch, { title: '调度会', meetingDate: '2026-06-21', unitIds: [w.unitA.id] });
    expect(byUnit.ok ? [] : Object.keys(byUnit.fieldErrors ?? {})).toEqual(['unitIds']);

    const edited = await updateMeeting.execute(w.actors.dispatch, {
      id: m.id,
      version: m.version,
      title: '调度会（改期）',
      meetingDate: '2026-06-22',
      scopeCountyId: w.countyA.id,
      scopeCategoryCode: 'transport',
      unitIds: [w.unitA.id],
    });
    expect(ok(edited).version).toBe(m.version + 1);
    const addUnit = await updateMeeting.execute(w.actors.dispatch, {
      id: m.id,
      version: m.version + 1,
      title: '调度会（改期）',
      meetingDate: '2026-06-22',
      scopeCountyId: w.countyA.id,
      scopeCategoryCode: 'transport',
      unitIds: [w.unitA.id, w.unitB.id],
    });
    expect(addUnit.ok).toBe(true);
  });
});

describe('the state machine', () => {
  const t = translator('zh-CN');

  it('holding needs the frozen status table, with a translated reason', async () => {
    const m = await meetingIn('planned');
    const r = await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('INVALID');
      expect(r.message).toBe(t('meetings.error.notFrozen'));
    }
  });

  it('holding before the meeting date needs confirmEarly: a 422 naming the date, nothing written', async () => {
    const m = await meetingIn('frozen'); // dated 2026-06-15, today is 2026-06-10
    const countsBefore = await writeCounts(getDb());
    for (const input of [{}, { confirmEarly: false }, { confirmEarly: 'false' }]) {
      const r = await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version, ...input }, t);
      expect(r).toMatchObject({ ok: false, code: 'INVALID' });
      if (!r.ok) {
        expect(r.message).toBe(t('meetings.error.heldEarly', { date: '2026-06-15' }));
        expect(r.message).toContain('2026-06-15');
        expect(r.fieldErrors).toEqual({ confirmEarly: [t('meetings.error.heldEarlyField')] });
      }
    }
    const en = await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }, translator('en'));
    expect(!en.ok && en.message).toMatch(/^The meeting is dated 2026-06-15/);
    expect(await writeCounts(getDb())).toEqual(countsBefore);
    const [row] = await getDb().select().from(meetings).where(eq(meetings.id, m.id));
    expect(row).toMatchObject({ status: 'planned', version: m.version, heldAt: null });

    const held = ok(await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version, confirmEarly: 'true' }, t));
    expect(held.status).toBe('held');
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'meeting.hold' and ${auditEvents.entityId} = ${String(m.id)}`);
    expect(event?.after).toMatchObject({ status: 'held', heldBeforeDate: '2026-06-15' });
  });

  it('holding on or after the meeting date needs no confirmation', async () => {
    const m = await meetingIn('frozen');
    setClockForTests(new Date('2026-06-15T01:00:00Z'));
    const held = ok(await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }, t));
    expect(held.status).toBe('held');
  });

  it('holding needs a chair', async () => {
    const m = ok(await createMeeting.execute(w.actors.dispatch, { title: '无主持', meetingDate: '2026-06-15' }));
    const f = ok(await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }));
    const r = await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: f.version }, t);
    expect(!r.ok && r.message).toBe(t('meetings.error.chairRequired'));
  });

  it('freezes only once', async () => {
    const m = await meetingIn('frozen');
    const r = await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }, t);
    expect(!r.ok && r.message).toBe(t('meetings.error.alreadyFrozen'));
  });

  it('decisions only while held; publish only from held', async () => {
    const planned = await meetingIn('frozen');
    const d = await recordDecision.execute(w.actors.dispatch, { id: planned.itemId, version: planned.itemVersion, decision: '决定' }, t);
    expect(!d.ok && d.code).toBe('INVALID');
    const p = await publishMinutes.execute(w.actors.dispatch, { id: planned.id, version: planned.version }, t);
    expect(!p.ok && p.code).toBe('INVALID');
  });

  it('after publishing, nothing changes: agenda, decisions, meeting fields', async () => {
    const m = await meetingIn('published');
    const d = await recordDecision.execute(w.actors.dispatch, { id: m.itemId, version: m.itemVersion, decision: '决定' }, t);
    expect(!d.ok && d.message).toBe(t('meetings.error.published'));
    const a = await addAgendaItem.execute(w.actors.dispatch, { meetingId: m.id, version: m.version, title: 'x' }, t);
    expect(!a.ok && a.message).toBe(t('meetings.error.published'));
    const u = await updateMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version, title: 'x', meetingDate: '2026-06-15' }, t);
    expect(!u.ok && u.code).toBe('INVALID');
  });

  it('a stale version is a conflict with the current values', async () => {
    const m = await meetingIn('planned');
    ok(await addAgendaItem.execute(w.actors.dispatch, { meetingId: m.id, version: m.version, title: '先到' }));
    const r = await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('CONFLICT');
      expect(r.current?.version).toBe(m.version + 1);
      expect(r.current?.changedBy).toBe(w.users.dispatch.displayName);
    }
  });

  it('the scope cannot change after freezing', async () => {
    const m = await meetingIn('frozen');
    const r = await updateMeeting.execute(
      w.actors.dispatch,
      {
        id: m.id,
        version: m.version,
        title: '六月调度会',
        meetingDate: '2026-06-15',
        chairId: w.users.leader.id,
        scopeCountyId: w.countyA.id,
      },
      t,
    );
    expect(!r.ok && r.message).toBe(t('meetings.error.scopeFrozen'));
  });

  it('an item with a decision cannot be removed', async () => {
    const m = await meetingIn('held');
    const d = ok(await recordDecision.execute(w.actors.dispatch, { id: m.itemId, version: m.itemVersion, decision: '按期推进' }));
    const r = await removeAgendaItem.execute(w.actors.dispatch, { id: m.itemId, version: d.version }, t);
    expect(!r.ok && r.message).toBe(t('meetings.error.hasDecision'));
  });

  it('every mutation writes an audit event', async () => {
    const m = await meetingIn('published');
    const events = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'meeting'))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action)).toEqual(['meeting.create', 'meeting.freeze', 'meeting.hold', 'meeting.publish']);
    const itemEvents = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'meeting_agenda_item'))
      .orderBy(asc(auditEvents.id));
    expect(itemEvents.map((e) => e.action)).toEqual(['meeting.agenda.add']);
    expect(m.id).toBeGreaterThan(0);
  });
});

describe('loaded and authorized by the wrapper, before run', () => {
  it('every meeting action but createMeeting names the record it works on (none loads and checks by hand)', async () => {
    const { isAction } = await import('@/lib/actions/wrapper');
    const { agendaItemResource, meetingResource } = await import('./resource');
    const mods = { ...(await import('./meeting-actions')), ...(await import('./agenda-actions')) };
    const loads = Object.fromEntries(Object.entries(mods).flatMap(([k, v]) => (isAction(v) ? [[k, v.meta.load?.resource ?? null]] : [])));
    expect(loads).toEqual({
      createMeeting: null,
      updateMeeting: meetingResource,
      freezeMeeting: meetingResource,
      holdMeeting: meetingResource,
      publishMinutes: meetingResource,
      proposeAgenda: meetingResource,
      addAgendaItem: meetingResource,
      reorderAgenda: meetingResource,
      removeAgendaItem: agendaItemResource,
      recordDecision: agendaItemResource,
    });
  });

  it('not visible, then not permitted, both before a stale version; nothing written', async () => {
    const a = await meetingIn('planned', { scopeCountyId: w.countyA.id }, w.actors.dispatchA);
    const p = await meetingIn('planned');
    const before = await writeCounts(getDb());
    const stale = 99;
    // Another county's meeting, its item: not found.
    expect(await freezeMeeting.execute(w.actors.dispatchB, { id: a.id, version: stale })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await removeAgendaItem.execute(w.actors.dispatchB, { id: a.itemId, version: stale })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    // The prefecture's meeting, seen by a county office: not theirs to run.
    expect(await freezeMeeting.execute(w.actors.dispatchA, { id: p.id, version: stale })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await removeAgendaItem.execute(w.actors.dispatchA, { id: p.itemId, version: stale })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // A missing meeting or item.
    expect(await addAgendaItem.execute(w.actors.dispatch, { meetingId: 424242, version: 1, title: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await removeAgendaItem.execute(w.actors.dispatch, { id: 424242, version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await writeCounts(getDb())).toEqual(before);
  });

  it('a stale agenda item is a conflict with the item as it is now, before the state check', async () => {
    const m = await meetingIn('held');
    ok(await recordDecision.execute(w.actors.dispatch, { id: m.itemId, version: m.itemVersion, decision: '先到的决定' }));
    ok(await publishMinutes.execute(w.actors.dispatch, { id: m.id, version: m.version }));
    // Published (a state that refuses the step) and stale: the stale version is answered first.
    const r = await recordDecision.execute(w.actors.dispatch, { id: m.itemId, version: m.itemVersion, decision: '后到的决定' });
    expect(r).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: m.itemId, version: m.itemVersion + 1, decision: '先到的决定', changedBy: w.users.dispatch.displayName },
    });
  });
});

describe('the database backs the rules', () => {
  it('refuses a status going back, skipping a step, or holding without a frozen table', async () => {
    const db = getDb();
    const m = await meetingIn('published');
    await expect(db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, m.id))).rejects.toThrow();
    const p = await meetingIn('planned');
    await expect(db.update(meetings).set({ status: 'held', heldAt: new Date() }).where(eq(meetings.id, p.id))).rejects.toThrow();
    const f = await meetingIn('frozen');
    await expect(
      db.update(meetings).set({ status: 'published', heldAt: new Date(), publishedAt: new Date() }).where(eq(meetings.id, f.id)),
    ).rejects.toThrow();
  });

  it('refuses changing the frozen time, or changing and deleting snapshot rows', async () => {
    const db = getDb();
    const m = await meetingIn('frozen');
    await expect(db.update(meetings).set({ frozenAt: new Date() }).where(eq(meetings.id, m.id))).rejects.toThrow();
    await expect(db.update(meetingSnapshotRows).set({ sort: 99 }).where(eq(meetingSnapshotRows.meetingId, m.id))).rejects.toThrow();
    await expect(db.delete(meetingSnapshotRows).where(eq(meetingSnapshotRows.meetingId, m.id))).rejects.toThrow();
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingSnapshotRows)
      .where(eq(meetingSnapshotRows.meetingId, m.id));
    expect(n!.n).toBe(4);
  });

  it('refuses agenda changes once the minutes are published', async () => {
    const db = getDb();
    const m = await meetingIn('published');
    await expect(db.update(meetingAgendaItems).set({ decision: '后补' }).where(eq(meetingAgendaItems.id, m.itemId))).rejects.toThrow();
    await expect(db.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, m.itemId))).rejects.toThrow();
  });
});
