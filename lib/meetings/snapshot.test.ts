import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annualPlans, lightOverrides, milestones, problems, projects, reports } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { addAgendaItem, recordDecision } from './agenda-actions';
import { getMeetingChanges } from './changes';
import { getMeetingHeading, getMinutesDoc, SNAPSHOT_READ_BATCH, snapshotRows } from './export-reads';
import { getMeeting } from './get-meeting';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes } from './meeting-actions';
import { completionRate, writeSnapshot } from './snapshot';
import { buildMeetingWorld, type MeetingWorld, TODAY } from './test-world';
import type { StatusRow } from './types';

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

async function all(actor: Actor, id: number): Promise<StatusRow[]> {
  const out: StatusRow[] = [];
  for await (const r of snapshotRows(actor, id)) out.push(r);
  return out;
}

async function frozenMeeting(date = '2026-06-15', extra: Record<string, unknown> = {}) {
  const m = ok(
    await createMeeting.execute(w.actors.dispatch, { title: `调度会 ${date}`, meetingDate: date, chairId: w.users.leader.id, ...extra }),
  );
  const f = ok(await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: m.version }));
  return { id: m.id, version: f.version, rows: f.rows };
}

describe('the frozen status table', () => {
  it('has one row per project in scope, in category order, from approved reports only', async () => {
    const m = await frozenMeeting();
    expect(m.rows).toBe(4);
    const rows = await all(w.actors.dispatch, m.id);
    // Transport (sort 1) before water (sort 2), then by code.
    expect(rows.map((r) => r.code)).toEqual(['KP-A1', 'KP-B1', 'KP-A2', 'KP-P1']);
    const a1 = rows[0]!;
    expect(a1).toEqual({
      projectId: w.projects.a1.id,
      code: 'KP-A1',
      name: 'S317 裕民—托里公路',
      nameEn: 'S317 Yumin–Toli highway',
      categoryCode: 'transport',
      categoryZh: '交通',
      categoryEn: 'Transport',
      categorySort: 1,
      countyZh: '额敏县',
      countyEn: 'Emin County',
      constructionContent: '二级公路 120 公里',
      totalInvestment: '50000.00',
      // The year's plan (1000) wins over the registry's annual figure (800).
      annualPlanned: '1000.00',
      completedThisYear: '300.00',
      completionRate: 0.3,
      physicalProgress: '路基完成 60%',
      problems: ['施工用电未接入'],
      leaderName: '王副专员',
      unitName: '交通运输局',
      unitNameEn: 'Transport Bureau',
      stage: 'construction',
      // Building since 2025 (the registry's start date): 续建 in the meeting's year, 2026.
      pipelineStage: 'continuing',
      status: 'on_track',
      light: 'red',
    });
    const b1 = rows[1]!;
    // Works planned to start in September 2026: 新开工 in 2026.
    expect(b1.pipelineStage).toBe('new_start');
    // A submitted (not approved) report counts for nothing; the override decides the light.
    expect(b1.completedThisYear).toBe('0.00');
    expect(b1.physicalProgress).toBeNull();
    expect(b1.light).toBe('yellow');
    expect(rows[3]!.light).toBeNull();
    expect(rows[3]!.completionRate).toBeNull();
  });

  it('is identical after the data changes (snapshot immutability)', async () => {
    const m = await frozenMeeting();
    const before = await all(w.actors.dispatch, m.id);
    expect(before.map((r) => r.pipelineStage)).toEqual(['continuing', 'new_start', 'continuing', 'continuing']);
    const heading = await getMeetingHeading(w.actors.dispatch, m.id);
    const db = getDb();
    // Everything a row is made of changes, its pipeline stage too (done; the start put off to 2027).
    await db
      .update(projects)
      .set({ name: '改名后的项目', totalInvestment: '1.00', status: 'delayed', stage: 'completed' })
      .where(eq(projects.id, w.projects.a1.id));
    await db.update(milestones).set({ plannedDate: '2027-03-01' }).where(eq(milestones.id, w.milestones.onTime.id));
    await db.update(annualPlans).set({ plannedInvestment: '5.00' }).where(eq(annualPlans.projectId, w.projects.a1.id));
    await db.update(reports).set({ status: 'approved', submittedAt: new Date() }).where(eq(reports.projectId, w.projects.b1.id));
    await db
      .update(problems)
      .set({ status: 'closed', resolution: '已解决', closedAt: new Date() })
      .where(eq(problems.id, w.problems.notDue.id));
    await db.update(lightOverrides).set({ clearedAt: new Date() }).where(eq(lightOverrides.projectId, w.projects.b1.id));
    await db.update(milestones).set({ actualDate: '2026-06-09', status: 'done' }).where(eq(milestones.id, w.milestones.slipping.id));
    await db.delete(reports).where(eq(reports.projectId, w.projects.a1.id));
    const after = await all(w.actors.dispatch, m.id);
    expect(after).toEqual(before);
    expect(await getMeetingHeading(w.actors.dispatch, m.id)).toEqual(heading);
    // A preview of an unfrozen meeting does show the new data (so the test above could fail).
    const open = ok(await createMeeting.execute(w.actors.dispatch, { title: '未冻结', meetingDate: '2026-06-20' }));
    const preview = await all(w.actors.dispatch, open.id);
    expect(preview.find((r) => r.code === 'KP-A1')).toMatchObject({
      name: '改名后的项目',
      completedThisYear: '0.00',
      problems: [],
      pipelineStage: 'completed',
    });
    expect(preview.find((r) => r.code === 'KP-B1')?.pipelineStage).toBe('continuing');
  });

  it('is read in batches by keyset, in order, beyond one batch', async () => {
    const db = getDb();
    const many = 2 * SNAPSHOT_READ_BATCH + 7;
    await db.insert(projects).values(
      Array.from({ length: many }, (_, i) => ({
        code: `KP-X${String(i).padStart(5, '0')}`,
        name: `批量项目${i}`,
        categoryCode: 'transport',
        countyId: i % 2 === 0 ? w.countyA.id : w.countyB.id,
        stage: 'construction' as const,
      })),
    );
    const m = await frozenMeeting();
    expect(m.rows).toBe(many + 4);
    const rows = await all(w.actors.dispatch, m.id);
    expect(rows).toHaveLength(many + 4);
    expect(new Set(rows.map((r) => r.projectId)).size).toBe(many + 4);
    const xs = rows.filter((r) => r.code.startsWith('KP-X')).map((r) => r.code);
    expect(xs).toEqual([...xs].sort());
    const forA = await all(w.actors.viewerA, m.id);
    expect(forA.filter((r) => r.code.startsWith('KP-X'))).toHaveLength(Math.ceil(many / 2));
  });

  it('a snapshot cannot be written twice for a meeting (one row per project)', async () => {
    const m = await frozenMeeting();
    await expect(
      writeSnapshot(
        getDb(),
        m.id,
        { scopeCategoryCode: null, scopeCountyId: null, scopeLeaderId: null, meetingDate: '2026-06-10' },
        2026,
        '2026-06-10',
      ),
    ).rejects.toThrow();
  });
});

describe('the rows each reader gets', () => {
  it('per role and county, on a prefecture meeting', async () => {
    const m = await frozenMeeting();
    const codes = async (a: Actor) => (await all(a, m.id)).map((r) => r.code);
    for (const role of ['admin', 'dispatch', 'leader', 'leader2', 'viewer'] as const) {
      expect(await codes(w.actors[role]), role).toEqual(['KP-A1', 'KP-B1', 'KP-A2', 'KP-P1']);
    }
    // County users: their county only (not the prefecture-wide project).
    expect(await codes(w.actors.viewerA)).toEqual(['KP-A1', 'KP-A2']);
    expect(await codes(w.actors.lead)).toEqual(['KP-A1', 'KP-A2']);
    expect(await codes(w.actors.dispatchA)).toEqual(['KP-A1', 'KP-A2']);
    expect(await codes(w.actors.dispatchB)).toEqual(['KP-B1']);
  });

  it('a county meeting: its projects; invisible to another county', async () => {
    const m = await frozenMeeting('2026-06-15', { scopeCountyId: w.countyA.id });
    expect((await all(w.actors.dispatch, m.id)).map((r) => r.code)).toEqual(['KP-A1', 'KP-A2']);
    await expect(all(w.actors.dispatchB, m.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getMeetingHeading(w.actors.dispatchB, m.id)).toBeNull();
    expect(await getMinutesDoc(w.actors.dispatchB, m.id)).toBeNull();
  });

  it('the county as frozen decides, not the county now', async () => {
    const m = await frozenMeeting();
    await getDb().update(projects).set({ countyId: w.countyB.id }).where(eq(projects.id, w.projects.a1.id));
    expect((await all(w.actors.viewerA, m.id)).map((r) => r.code)).toEqual(['KP-A1', 'KP-A2']);
  });

  it('a leader-scoped meeting covers that leader’s projects', async () => {
    await getDb().update(projects).set({ responsibleLeaderId: w.users.leader2.id }).where(eq(projects.id, w.projects.a2.id));
    const m = await frozenMeeting('2026-06-15', { scopeLeaderId: w.users.leader2.id });
    expect((await all(w.actors.viewer, m.id)).map((r) => r.code)).toEqual(['KP-A2']);
  });
});

describe('the heading and the minutes', () => {
  it('minutes: participants, invited units, a decision per item with its problem, in the reader’s language', async () => {
    const m = ok(
      await createMeeting.execute(w.actors.dispatch, {
        title: '六月调度会',
        meetingDate: '2026-06-15',
        chairId: w.users.leader.id,
        participantIds: [w.users.leader.id, w.users.leader2.id],
        unitIds: [w.unitA.id, w.unitB.id],
      }),
    );
    const a = ok(
      await addAgendaItem.execute(w.actors.dispatch, {
        meetingId: m.id,
        version: m.version,
        title: '路基进度',
        projectId: w.projects.a1.id,
      }),
    );
    const b = ok(
      await addAgendaItem.execute(w.actors.dispatch, {
        meetingId: m.id,
        version: a.version,
        title: '托里风电征地',
        projectId: w.projects.b1.id,
      }),
    );
    ok(await addAgendaItem.execute(w.actors.dispatch, { meetingId: m.id, version: b.version, title: '无决定的议题' }));
    const detail0 = (await getMeeting(w.actors.dispatch, m.id))!;
    const f = ok(await freezeMeeting.execute(w.actors.dispatch, { id: m.id, version: detail0.version }));
    ok(await holdMeeting.execute(w.actors.dispatch, { id: m.id, version: f.version, confirmEarly: true }));
    const detail = (await getMeeting(w.actors.dispatch, m.id))!;
    const [i1, i2] = detail.agenda;
    const d1 = ok(
      await recordDecision.execute(w.actors.dispatch, {
        id: i1!.id,
        version: i1!.version,
        decision: '7月底前完成路基',
        problem: { description: '路基施工提速', type: 'other', deadline: '2026-07-31' },
      }),
    );
    ok(await recordDecision.execute(w.actors.dispatch, { id: i2!.id, version: i2!.version, decision: '县政府牵头协调征地' }));
    const published = (await getMeeting(w.actors.dispatch, m.id))!;
    ok(await publishMinutes.execute(w.actors.dispatch, { id: m.id, version: published.version }));

    const doc = (await getMinutesDoc(w.actors.dispatch, m.id, 'zh-CN'))!;
    expect(doc).toMatchObject({
      title: '六月调度会',
      date: '2026-06-15',
      chairName: '王副专员',
      participants: ['王副专员', w.users.leader2.displayName],
      invitedUnits: ['交通运输局', '水利局'],
    });
    expect(doc.frozenAt).toBeInstanceOf(Date);
    expect(doc.publishedAt).toBeInstanceOf(Date);
    expect(doc.decisions).toEqual([
      {
        itemTitle: '路基进度',
        projectName: 'S317 裕民—托里公路',
        decision: '7月底前完成路基',
        problem: { id: d1.problemId, title: '路基施工提速', unitName: '交通运输局', leaderName: '王副专员', deadline: '2026-07-31' },
      },
      { itemTitle: '托里风电征地', projectName: '托里风电', decision: '县政府牵头协调征地', problem: null },
    ]);
    const en = (await getMinutesDoc(w.actors.dispatch, m.id, 'en'))!;
    expect(en.decisions[0]!.projectName).toBe('S317 Yumin–Toli highway');
    expect(en.decisions[0]!.problem!.unitName).toBe('Transport Bureau');
    expect(en.invitedUnits).toEqual(['Transport Bureau', 'Water Bureau']);
    // A county B reader gets only county B's decision.
    const forB = (await getMinutesDoc(w.actors.dispatchB, m.id))!;
    expect(forB.decisions.map((d) => d.itemTitle)).toEqual(['托里风电征地']);
  });

  it('the heading says when (and whether) the table was frozen', async () => {
    const open = ok(await createMeeting.execute(w.actors.dispatch, { title: '未冻结', meetingDate: '2026-06-20' }));
    expect(await getMeetingHeading(w.actors.viewer, open.id)).toEqual({
      title: '未冻结',
      date: '2026-06-20',
      chairName: null,
      frozenAt: null,
    });
    const m = await frozenMeeting();
    expect((await getMeetingHeading(w.actors.viewer, m.id))!.frozenAt).toEqual(TODAY);
  });
});

describe('what changed since the previous meeting', () => {
  it('compares with the previous frozen meeting of the same scope: lights, investment, milestones, problems', async () => {
    const first = await frozenMeeting('2026-06-15');
    // Between the meetings: a new approved report, a light change, a milestone done and one
    // moved, a problem opened and one closed.
    setClockForTests(new Date('2026-07-10T04:00:00Z'));
    const db = getDb();
    await db.update(reports).set({ status: 'approved' }).where(eq(reports.projectId, w.projects.b1.id));
    await db
      .update(lightOverrides)
      .set({ clearedAt: new Date('2026-07-01T00:00:00Z') })
      .where(eq(lightOverrides.projectId, w.projects.b1.id));
    await db.update(milestones).set({ actualDate: '2026-07-05', status: 'done' }).where(eq(milestones.id, w.milestones.passed.id));
    await db.update(milestones).set({ forecastDate: '2026-09-15' }).where(eq(milestones.id, w.milestones.slipping.id));
    await db.insert(problems).values({
      projectId: w.projects.a1.id,
      description: '新问题',
      type: 'funding',
      deadline: '2026-08-31',
      createdAt: new Date('2026-07-02T00:00:00Z'),
    });
    await db
      .update(problems)
      .set({ status: 'closed', resolution: '已完成', closedAt: new Date('2026-07-03T00:00:00Z') })
      .where(eq(problems.id, w.problems.overdue.id));
    // A meeting of another scope in between is not "the previous meeting".
    await frozenMeeting('2026-07-01', { scopeCountyId: w.countyA.id });
    const second = await frozenMeeting('2026-07-15');

    const c = (await getMeetingChanges(w.actors.dispatch, second.id))!;
    expect(c.previous?.id).toBe(first.id);
    expect(c.lightsChanged).toBe(1);
    expect(c.investmentBefore).toBe('300.00');
    expect(c.investmentAfter).toBe('1299.00');
    expect(c.investmentDelta).toBe('999.00');
    expect(c.problemsOpened).toBe(1);
    expect(c.problemsClosed).toBe(1);
    expect(c.changedCount).toBe(3);
    const byCode = Object.fromEntries(c.projects.map((p) => [p.code, p]));
    expect(byCode['KP-B1']).toMatchObject({
      lightBefore: 'yellow',
      lightAfter: 'green',
      investmentBefore: '0.00',
      investmentAfter: '999.00',
      investmentDelta: '999.00',
    });
    expect(byCode['KP-A1']!.milestones).toEqual([
      {
        milestoneId: w.milestones.slipping.id,
        name: '路基完工',
        nameEn: 'Subgrade done',
        change: 'later',
        from: '2026-08-01',
        to: '2026-09-15',
      },
    ]);
    expect(byCode['KP-A2']!.milestones.map((x) => [x.change, x.to])).toEqual([['done', '2026-07-05']]);
    expect(c.milestonesChanged).toBe(2);

    // A county A reader compares county A's rows only.
    const forA = (await getMeetingChanges(w.actors.viewerA, second.id))!;
    expect(forA.projects.map((p) => p.code).sort()).toEqual(['KP-A1', 'KP-A2']);
    expect(forA.investmentDelta).toBe('0.00');
    expect(forA.problemsOpened).toBe(1);
  });

  it('nothing to compare: not frozen, or no earlier meeting', async () => {
    const m = await frozenMeeting();
    const c = (await getMeetingChanges(w.actors.dispatch, m.id))!;
    expect(c.previous).toBeNull();
    expect(c.projects).toEqual([]);
    const open = ok(await createMeeting.execute(w.actors.dispatch, { title: '未冻结', meetingDate: '2026-07-20' }));
    expect((await getMeetingChanges(w.actors.dispatch, open.id))!.frozenAt).toBeNull();
  });
});

describe('completion rate', () => {
  it('is the fraction of the one-decimal percentage (33.3% → 0.333); null without a positive plan', () => {
    expect(completionRate('300.00', '1000.00')).toBe(0.3);
    expect(completionRate('1.00', '3.00')).toBe(0.333);
    expect(completionRate('2.00', '3.00')).toBe(0.667);
    expect(completionRate('350.50', '1000.00')).toBe(0.351); // 35.05% → 35.1%, half away from zero
    expect(completionRate('5.00', '0.00')).toBeNull();
    expect(completionRate('5.00', null)).toBeNull();
  });
});
