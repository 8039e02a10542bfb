import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AgendaReason, meetingAgendaItems, notifications, problems } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { closeProblem, resolveProblem } from '@/lib/problems/actions';
import { useTestDb } from '@/test/db';
import { addAgendaItem, proposeAgenda, recordDecision, removeAgendaItem, reorderAgenda } from './agenda-actions';
import { getMinutesDoc } from './export-reads';
import { getMeeting } from './get-meeting';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes } from './meeting-actions';
import { agendaItemSubject, agendaItemTitle, agendaReasonLines, agendaReasonTexts } from './reasons';
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

type Detail = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** A reason as "kind[:problem or milestone id]". */
function reasonShape(r: AgendaReason): string {
  if (r.kind === 'overdue_problem' || r.kind === 'carried_over') return `${r.kind}:${r.problemId}`;
  if (r.kind === 'milestone_slip') return `${r.kind}:${r.milestoneId}`;
  return r.kind;
}

/** The agenda as "code kind: reason, reason…" strings, in order. */
function shape(m: Detail) {
  return m.agenda.map((i) => `${i.project?.code ?? '-'} ${i.kind}: ${i.reasons.map(reasonShape).join(', ')}`);
}

/** The problem ids named by the agenda's reasons. */
const problemIds = (m: Detail) => m.agenda.flatMap((i) => i.problems.map((p) => p.id));

describe('the proposed agenda', () => {
  it('one item per project, its reasons most severe first; items by their most severe reason', async () => {
    const m = await propose((await newMeeting()).id);
    expect(shape(m)).toEqual([
      `KP-A1 light: light, milestone_slip:${w.milestones.slipping.id}`,
      `KP-A2 overdue_problem: overdue_problem:${w.problems.overdue.id}, milestone_slip:${w.milestones.passed.id}`,
      'KP-B1 light: light',
    ]);
    const zh = translator('zh-CN');
    const en = translator('en');
    const [a1, a2, b1] = m.agenda;
    // The project is named once, in the title; each reason says what it is about and why.
    expect(agendaItemTitle(zh, a1!, 'zh-CN')).toBe('S317 裕民—托里公路');
    expect(agendaItemTitle(en, a1!, 'en')).toBe('S317 Yumin–Toli highway');
    const [red, slip] = agendaReasonTexts(zh, a1!, 'zh-CN');
    expect(red!.heading).toBe('红灯');
    // The rule that set the light, with its numbers, and the rule set.
    expect(red!.lines).toEqual(['完成率 30.0%，序时进度 70.0%，落后 40.0 个百分点 (>30) → 红灯', '依据规则：默认规则（第 1 版）']);
    expect(slip!.heading).toMatch(/^节点“.+”滞后$/);
    expect(agendaReasonTexts(en, a1!, 'en')[1]!.lines).toEqual(['Expected 2026-08-01, 92 days after the baseline 2026-05-01']);
    // An override decides the light and says why.
    expect(agendaReasonLines(zh, b1!.reasons[0]!, 'zh-CN')[0]).toBe('人工调整为黄灯：征地协调未完成');
    const [overdue, passed] = agendaReasonTexts(zh, a2!, 'zh-CN');
    expect(overdue).toMatchObject({
      heading: '逾期问题：征地拆迁尚未完成',
      lines: ['逾期 40 天（期限 2026-05-01），已升级至包抓领导'],
      problemId: w.problems.overdue.id,
    });
    expect(passed!.lines).toEqual(['基线 2026-06-01 已过 9 天，尚未完成']);
    expect(agendaReasonTexts(en, a2!, 'en')[0]!.heading).toBe('Overdue problem: 征地拆迁尚未完成');
    // The minutes' 议题 column: what the reasons are about, the project being its own column.
    expect(agendaItemSubject(zh, a2!, 'zh-CN')).toMatch(/^逾期问题：征地拆迁尚未完成；节点“.+”滞后$/);
  });

  it('a red light, two overdue problems and a slip make one item of four reasons: red, the longer overdue, the shorter, the slip', async () => {
    const [longer, shorter] = await getDb()
      .insert(problems)
      .values([
        { projectId: w.projects.a1.id, description: '资金拨付滞后', type: 'funding', deadline: '2026-03-01' },
        { projectId: w.projects.a1.id, description: '用地手续未批', type: 'land', deadline: '2026-06-01' },
      ])
      .returning();
    const m = await propose((await newMeeting()).id);
    const a1 = m.agenda.filter((i) => i.project?.code === 'KP-A1');
    expect(a1).toHaveLength(1);
    expect(a1[0]!.reasons.map(reasonShape)).toEqual([
      'light',
      `overdue_problem:${longer!.id}`,
      `overdue_problem:${shorter!.id}`,
      `milestone_slip:${w.milestones.slipping.id}`,
    ]);
    expect(a1[0]!.problems.map((p) => p.description)).toEqual(['资金拨付滞后', '用地手续未批']);
    expect(agendaReasonTexts(translator('zh-CN'), a1[0]!, 'zh-CN').map((r) => r.lines[0])).toContain('逾期 101 天（期限 2026-03-01）');
  });

  it('a new reason of a project already on the agenda joins its item', async () => {
    const created = await newMeeting();
    const first = await propose(created.id);
    const before = first.agenda.find((i) => i.project?.code === 'KP-B1')!;
    const [late] = await getDb()
      .insert(problems)
      .values({ projectId: w.projects.b1.id, description: '施工许可未办', type: 'approvals', deadline: '2026-06-05' })
      .returning();
    const again = await propose(created.id);
    expect(again.agenda).toHaveLength(first.agenda.length);
    const after = again.agenda.find((i) => i.project?.code === 'KP-B1')!;
    expect(after.id).toBe(before.id);
    // Overdue outweighs yellow: the item's kind follows its most severe reason.
    expect(after.kind).toBe('overdue_problem');
    expect(after.reasons.map(reasonShape)).toEqual([`overdue_problem:${late!.id}`, 'light']);
    expect(after.version).toBe(before.version + 1);
  });

  it('a problem already named by a reason of the agenda is not named again, whatever item names it', async () => {
    const created = await newMeeting();
    // An item of another project naming the overdue problem (as if the problem had moved project since).
    await getDb()
      .insert(meetingAgendaItems)
      .values({
        meetingId: created.id,
        kind: 'overdue_problem',
        sort: 1,
        projectId: w.projects.p1.id,
        reasons: [
          { kind: 'overdue_problem', problemId: w.problems.overdue.id, deadline: '2026-05-01', daysOverdue: 30, escalationLevel: 1 },
        ],
      });
    const m = await propose(created.id);
    expect(problemIds(m).filter((id) => id === w.problems.overdue.id)).toHaveLength(1);
    expect(m.agenda.find((i) => i.project?.code === 'KP-A2')!.reasons.map(reasonShape)).toEqual([
      `milestone_slip:${w.milestones.passed.id}`,
    ]);
  });

  it('keeps to the meeting scope (county A only: no KP-B1)', async () => {
    const m = await propose((await newMeeting('2026-06-15', { scopeCountyId: w.countyA.id })).id);
    expect(shape(m).every((s) => !s.includes('KP-B1'))).toBe(true);
    expect(shape(m)[0]).toMatch(/^KP-A1 light: light/);
  });

  it('keeps to a category scope (water: the overdue problem and the passed milestone only)', async () => {
    const m = await propose((await newMeeting('2026-06-15', { scopeCategoryCode: 'water' })).id);
    expect(shape(m)).toEqual([`KP-A2 overdue_problem: overdue_problem:${w.problems.overdue.id}, milestone_slip:${w.milestones.passed.id}`]);
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

  it('the minutes name the project once and, in the item column, what the item’s reasons are about', async () => {
    const { meeting } = await heldMeetingWithDecision();
    const zh = (await getMinutesDoc(w.actors.dispatch, meeting.id, 'zh-CN'))!;
    expect(zh.decisions).toHaveLength(1);
    expect(zh.decisions[0]).toMatchObject({ projectName: 'S317 裕民—托里公路', decision: '责成交通运输局 7 月底前完成路基施工组织调整' });
    expect(zh.decisions[0]!.itemTitle).toMatch(/^红灯；节点“.+”滞后$/);
    const en = (await getMinutesDoc(w.actors.dispatch, meeting.id, 'en'))!;
    expect(en.decisions[0]!.projectName).toBe('S317 Yumin–Toli highway');
    expect(en.decisions[0]!.itemTitle).toMatch(/^Light: red; Milestone “.+” slipping$/);
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
    // The decision's problem joins KP-A1's item; the overdue problem that was on the previous agenda, KP-A2's.
    const a1 = next.agenda.find((i) => i.project?.code === 'KP-A1')!;
    const a2 = next.agenda.find((i) => i.project?.code === 'KP-A2')!;
    expect(next.agenda.filter((i) => i.project?.code === 'KP-A1')).toHaveLength(1);
    expect(a1.reasons.map(reasonShape)).toEqual(['light', `milestone_slip:${w.milestones.slipping.id}`, `carried_over:${problemId}`]);
    const zh = translator('zh-CN');
    const fromDecision = agendaReasonTexts(zh, a1, 'zh-CN')[2]!;
    expect(fromDecision.heading).toBe('上次遗留：路基施工组织调整');
    expect(fromDecision.lines[0]).toBe('“调度会 2026-06-15”（2026-06-15）交办，目前已交办，期限 2026-07-31');
    // Carried over and overdue: named once, as carried over, weighed by its days overdue (ahead of the slip).
    expect(a2.reasons.map(reasonShape)).toEqual([`carried_over:${w.problems.overdue.id}`, `milestone_slip:${w.milestones.passed.id}`]);
    expect(a2.kind).toBe('carried_over');
    expect(agendaReasonTexts(zh, a2, 'zh-CN')[0]!.lines[0]).toMatch(/，已逾期 \d+ 天$/);
    expect(problemIds(next).filter((id) => id === w.problems.overdue.id)).toHaveLength(1);

    // Resolved is not closed: still carried over. Closed: not any more.
    const [p] = await getDb().select().from(problems).where(eq(problems.id, problemId));
    const resolved = ok(await resolveProblem.execute(w.actors.dispatch, { id: problemId, version: p!.version, resolution: '已调整' }));
    const third = await propose((await newMeeting('2026-08-15')).id);
    expect(third.agenda.some((i) => i.reasons.some((r) => r.kind === 'carried_over' && r.problemId === problemId))).toBe(true);
    ok(await closeProblem.execute(w.actors.dispatch, { id: problemId, version: resolved.version }));
    const fourth = await propose((await newMeeting('2026-09-15')).id);
    expect(problemIds(fourth)).not.toContain(problemId);
  });

  it('is carried only into later meetings, and only within their scope', async () => {
    const { problemId } = await heldMeetingWithDecision();
    // An earlier-dated meeting does not carry it.
    const earlier = await propose((await newMeeting('2026-06-01')).id);
    expect(problemIds(earlier)).not.toContain(problemId);
    // A later water-only meeting does not include a transport project's problem.
    const water = await propose((await newMeeting('2026-07-15', { scopeCategoryCode: 'water' })).id);
    expect(problemIds(water)).not.toContain(problemId);
  });
});

describe('agenda items by reader scope', () => {
  it('a county user reading a prefecture meeting sees only their county’s items', async () => {
    const created = await newMeeting();
    await propose(created.id);
    const forA = (await getMeeting(w.actors.viewerA, created.id))!;
    expect(forA.agenda.map((i) => i.project?.code)).toEqual(['KP-A1', 'KP-A2']);
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
