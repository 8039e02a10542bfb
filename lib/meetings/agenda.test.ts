import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications, problems } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { closeProblem, resolveProblem } from '@/lib/problems/actions';
import { useTestDb } from '@/test/db';
import { addAgendaItem, proposeAgenda, recordDecision, removeAgendaItem, reorderAgenda } from './agenda-actions';
import { getMeeting } from './get-meeting';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes } from './meeting-actions';
import { agendaItemTitle, agendaReasonLines } from './reasons';
import { buildMeetingWorld, type MeetingWorld, TODAY } from './test-world';

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

async function newMeeting(date = '2026-06-15', extra: Record<string, unknown> = {}) {
  return ok(
    await createMeeting.execute(w.actors.dispatch, { title: `调度会 ${date}`, meetingDate: date, chairId: w.users.leader.id, ...extra }),
  );
}

async function propose(id: number) {
  const m = (await getMeeting(w.actors.dispatch, id))!;
  ok(await proposeAgenda.execute(w.actors.dispatch, { id, version: m.version }));
  return (await getMeeting(w.actors.dispatch, id))!;
}

/** The agenda as "kind:code[:problem or milestone id]" strings, in order. */
function shape(m: NonNullable<Awaited<ReturnType<typeof getMeeting>>>) {
  return m.agenda.map((i) => [i.kind, i.project?.code, i.problem?.id ?? i.milestone?.id].filter((x) => x !== undefined).join(':'));
}

describe('the proposed agenda', () => {
  it('red then yellow projects, overdue problems, slipping milestones, each with its reason', async () => {
    const m = await propose((await newMeeting()).id);
    expect(shape(m)).toEqual([
      'light:KP-A1',
      'light:KP-B1',
      `overdue_problem:KP-A2:${w.problems.overdue.id}`,
      `milestone_slip:KP-A1:${w.milestones.slipping.id}`,
      `milestone_slip:KP-A2:${w.milestones.passed.id}`,
    ]);
    const zh = translator('zh-CN');
    const en = translator('en');
    const [red, yellow, overdue, slip, passed] = m.agenda;
    expect(agendaItemTitle(zh, red!, 'zh-CN')).toBe('S317 裕民—托里公路：红灯');
    expect(agendaItemTitle(en, red!, 'en')).toBe('S317 Yumin–Toli highway: red');
    // The rule that set the light, with its numbers, and the rule set.
    expect(agendaReasonLines(zh, red!.reason, 'zh-CN')).toEqual([
      '完成率 30.0%，序时进度 70.0%，落后 40.0 个百分点 (>30) → 红灯',
      '依据规则：默认规则（第 1 版）',
    ]);
    // An override decides the light and says why.
    expect(agendaReasonLines(zh, yellow!.reason, 'zh-CN')[0]).toBe('人工调整为黄灯：征地协调未完成');
    expect(agendaReasonLines(zh, overdue!.reason, 'zh-CN')).toEqual(['逾期 40 天（期限 2026-05-01），已升级至包抓领导']);
    expect(agendaReasonLines(en, slip!.reason, 'en')).toEqual(['Expected 2026-08-01, 92 days after the baseline 2026-05-01']);
    expect(agendaReasonLines(zh, passed!.reason, 'zh-CN')).toEqual(['基线 2026-06-01 已过 9 天，尚未完成']);
  });

  it('keeps to the meeting scope (county A only: no KP-B1)', async () => {
    const m = await propose((await newMeeting('2026-06-15', { scopeCountyId: w.countyA.id })).id);
    expect(shape(m).every((s) => !s.includes('KP-B1'))).toBe(true);
    expect(shape(m)).toContain('light:KP-A1');
  });

  it('keeps to a category scope (water: the overdue problem and the passed milestone only)', async () => {
    const m = await propose((await newMeeting('2026-06-15', { scopeCategoryCode: 'water' })).id);
    expect(shape(m)).toEqual([`overdue_problem:KP-A2:${w.problems.overdue.id}`, `milestone_slip:KP-A2:${w.milestones.passed.id}`]);
  });

  it('proposing again adds nothing already on the agenda; removed items come back only when proposed again', async () => {
    const created = await newMeeting();
    const m = await propose(created.id);
    const again = await propose(created.id);
    expect(again.agenda).toHaveLength(m.agenda.length);
    const first = again.agenda[0]!;
    ok(await removeAgendaItem.execute(w.actors.dispatch, { id: first.id, version: first.version }));
    const after = (await getMeeting(w.actors.dispatch, created.id))!;
    expect(after.agenda).toHaveLength(m.agenda.length - 1);
  });
});

describe('editing the agenda', () => {
  it('the office adds its own items, reorders and removes', async () => {
    const created = await newMeeting();
    let m = await propose(created.id);
    ok(await addAgendaItem.execute(w.actors.dispatch, { meetingId: m.id, version: m.version, title: '研究下半年资金计划' }));
    m = (await getMeeting(w.actors.dispatch, m.id))!;
    const ids = m.agenda.map((i) => i.id);
    const reversed = [...ids].reverse();
    ok(await reorderAgenda.execute(w.actors.dispatch, { meetingId: m.id, version: m.version, itemIds: reversed }));
    m = (await getMeeting(w.actors.dispatch, m.id))!;
    expect(m.agenda.map((i) => i.id)).toEqual(reversed);
    expect(m.agenda[0]!.title).toBe('研究下半年资金计划');
    // A list that is not exactly the agenda is refused.
    const t = translator('zh-CN');
    const r = await reorderAgenda.execute(w.actors.dispatch, { meetingId: m.id, version: m.version, itemIds: reversed.slice(1) }, t);
    expect(!r.ok && r.message).toBe(t('meetings.error.orderMismatch'));
  });

  it('an item with a project outside the meeting scope is refused', async () => {
    const created = await newMeeting('2026-06-15', { scopeCountyId: w.countyA.id });
    const r = await addAgendaItem.execute(w.actors.dispatch, {
      meetingId: created.id,
      version: created.version,
      title: 'x',
      projectId: w.projects.b1.id,
    });
    expect(r.ok ? 'ok' : r.code).toBe('INVALID');
  });
});

describe('a decision that assigns a problem (交办)', () => {
  async function heldMeetingWithDecision() {
    const created = await newMeeting('2026-06-15');
    let m = await propose(created.id);
    m = { ...m, version: ok(await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version })).version };
    ok(await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version, confirmEarly: true }));
    m = (await getMeeting(w.actors.dispatch, m.id))!;
    const red = m.agenda.find((i) => i.kind === 'light' && i.project?.code === 'KP-A1')!;
    const d = ok(
      await recordDecision.execute(w.actors.dispatch, {
        id: red.id,
        version: red.version,
        decision: '责成交通运输局 7 月底前完成路基施工组织调整',
        problem: {
          description: '路基施工组织调整',
          type: 'other',
          responsibleUnitId: w.unitA.id,
          responsibleLeaderId: w.users.leader2.id,
          deadline: '2026-07-31',
        },
      }),
    );
    return { meeting: (await getMeeting(w.actors.dispatch, m.id))!, problemId: d.problemId! };
  }

  it('creates the problem through the problem list, notifies the unit, and links it to the decision', async () => {
    const { meeting, problemId } = await heldMeetingWithDecision();
    const [p] = await getDb().select().from(problems).where(eq(problems.id, problemId));
    expect(p).toMatchObject({
      projectId: w.projects.a1.id,
      responsibleUnitId: w.unitA.id,
      responsibleLeaderId: w.users.leader2.id,
      deadline: '2026-07-31',
      status: 'open',
      raisedById: w.users.dispatch.id,
    });
    const item = meeting.agenda.find((i) => i.decisionProblem?.id === problemId)!;
    expect(item.decision).toBe('责成交通运输局 7 月底前完成路基施工组织调整');
    // The lead belongs to unit A: the problem list's own notification.
    const notes = await getDb().select().from(notifications).where(eq(notifications.userId, w.users.lead.id));
    expect(notes.map((n) => [n.kind, n.entityId])).toContainEqual(['problem_assigned', problemId]);
    // A second problem from the same decision is refused.
    const again = await recordDecision.execute(w.actors.dispatch, {
      id: item.id,
      version: item.version,
      decision: '再次交办',
      problem: { description: '重复', type: 'other', deadline: '2026-07-31' },
    });
    expect(again.ok ? 'ok' : again.code).toBe('INVALID');
  });

  it('a decision problem with a deadline in the past is refused, and nothing is written', async () => {
    const created = await newMeeting();
    const item = ok(
      await addAgendaItem.execute(w.actors.dispatch, {
        meetingId: created.id,
        version: created.version,
        title: '资金',
        projectId: w.projects.a1.id,
      }),
    );
    const f = ok(await freezeMeeting.execute(w.actors.dispatch, { id: created.id, version: item.version }));
    ok(await holdMeeting.execute(w.actors.dispatch, { id: created.id, version: f.version, confirmEarly: true }));
    const m = (await getMeeting(w.actors.dispatch, created.id))!;
    const it0 = m.agenda[0]!;
    const r = await recordDecision.execute(w.actors.dispatch, {
      id: it0.id,
      version: it0.version,
      decision: '决定',
      problem: { description: '过期', type: 'other', deadline: '2026-01-01' },
    });
    expect(r.ok ? 'ok' : r.code).toBe('INVALID');
    expect(r.ok ? [] : (r.fieldErrors?.['problem.deadline'] ?? [])).not.toHaveLength(0);
    const after = (await getMeeting(w.actors.dispatch, created.id))!;
    expect(after.agenda[0]!.decision).toBeNull();
  });

  it('comes back on the next meeting’s agenda until it is closed (销号)', async () => {
    const { meeting, problemId } = await heldMeetingWithDecision();
    ok(await publishMinutes.execute(w.actors.dispatch, { id: meeting.id, version: meeting.version }));

    const next = await propose((await newMeeting('2026-07-15')).id);
    const carried = next.agenda.filter((i) => i.kind === 'carried_over');
    // The decision's problem, and the overdue problem that was on the previous agenda.
    expect(carried.map((i) => i.problem?.id).sort()).toEqual([problemId, w.problems.overdue.id].sort());
    const fromDecision = carried.find((i) => i.problem?.id === problemId)!;
    expect(agendaReasonLines(translator('zh-CN'), fromDecision.reason, 'zh-CN')[0]).toBe(
      '“调度会 2026-06-15”（2026-06-15）交办，目前已交办，期限 2026-07-31',
    );
    // Not also proposed as an overdue problem.
    expect(next.agenda.filter((i) => i.problem?.id === w.problems.overdue.id)).toHaveLength(1);

    // Resolved is not closed: still carried over. Closed: not any more.
    const [p] = await getDb().select().from(problems).where(eq(problems.id, problemId));
    const resolved = ok(await resolveProblem.execute(w.actors.dispatch, { id: problemId, version: p!.version, resolution: '已调整' }));
    const third = await propose((await newMeeting('2026-08-15')).id);
    expect(third.agenda.some((i) => i.kind === 'carried_over' && i.problem?.id === problemId)).toBe(true);
    ok(await closeProblem.execute(w.actors.dispatch, { id: problemId, version: resolved.version }));
    const fourth = await propose((await newMeeting('2026-09-15')).id);
    expect(fourth.agenda.some((i) => i.problem?.id === problemId)).toBe(false);
  });

  it('is carried only into later meetings, and only within their scope', async () => {
    const { problemId } = await heldMeetingWithDecision();
    // An earlier-dated meeting does not carry it.
    const earlier = await propose((await newMeeting('2026-06-01')).id);
    expect(earlier.agenda.some((i) => i.problem?.id === problemId)).toBe(false);
    // A later water-only meeting does not include a transport project's problem.
    const water = await propose((await newMeeting('2026-07-15', { scopeCategoryCode: 'water' })).id);
    expect(water.agenda.some((i) => i.problem?.id === problemId)).toBe(false);
  });
});

describe('agenda items by reader scope', () => {
  it('a county user reading a prefecture meeting sees only their county’s items', async () => {
    const created = await newMeeting();
    await propose(created.id);
    const forA = (await getMeeting(w.actors.viewerA, created.id))!;
    expect(forA.agenda.map((i) => i.project?.code)).toEqual(['KP-A1', 'KP-A2', 'KP-A1', 'KP-A2']);
    const forB = (await getMeeting(w.actors.dispatchB, created.id))!;
    expect(forB.agenda.map((i) => i.project?.code)).toEqual(['KP-B1']);
    expect(forB.canManage).toBe(false);
  });

  it('a county meeting is not found for another county', async () => {
    const created = await newMeeting('2026-06-15', { scopeCountyId: w.countyA.id });
    expect(await getMeeting(w.actors.dispatchB, created.id)).toBeNull();
    expect(await getMeeting(w.actors.viewerA, created.id)).not.toBeNull();
  });
});
