import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annualPlans, auditEvents, planYearProjects, planYears } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { listPlans } from '@/lib/plans/plan-queries';
import { savePlan } from '@/lib/plans/plans';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { buildLightWorld, type LightWorld } from '@/lib/lights/test-world';
import { rollOverYear } from './rollover';
import { writeYearList } from './year-list';

const getDb = useTestDb();
let w: LightWorld;
let third: { id: number; code: string };
let fresh: { id: number; code: string };

// 2026-01-05 in Asia/Shanghai: 2025 is past, 2026 the current year.
const TODAY = new Date('2026-01-05T04:00:00Z');
beforeAll(() => setClockForTests(TODAY));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(TODAY);
  w = await buildLightWorld();
  third = await makeProject({ code: 'KP-L3', countyId: w.countyA.id, categoryCode: w.category.code, stage: 'construction' });
  fresh = await makeProject({ code: 'KP-L4', countyId: w.countyA.id, categoryCode: w.category.code, stage: 'preliminary' });
  // The 2025 list: three projects, each with its 2025 plan and target.
  const db = getDb();
  await db.transaction((tx) =>
    writeYearList(tx, {
      year: 2025,
      fromYear: null,
      actorId: null,
      at: new Date('2025-01-01T00:00:00Z'),
      entries: [w.project, w.projectB, third].map((p) => ({ projectId: p.id, joinedAs: 'report' as const })),
    }),
  );
  await db
    .insert(annualPlans)
    .values(
      [w.project, w.projectB, third].map((p) => ({ projectId: p.id, year: 2025, plannedInvestment: '1000.00', targets: '建成投运' })),
    );
});

async function list2025() {
  const [row] = await getDb().select().from(planYears).where(eq(planYears.year, 2025));
  return row!;
}

function decisions(drop: number[] = []) {
  return [w.project, w.projectB, third].map((p) => ({ projectId: p.id, decision: drop.includes(p.id) ? 'drop' : 'continue' }));
}

async function rollOver(input: Record<string, unknown> = {}, actor = w.actors.dispatch, t = translator('en')) {
  const from = await list2025();
  return rollOverYear.execute(
    actor,
    { fromYear: 2025, version: from.version, decisions: decisions([third.id]), added: [fresh.id], ...input },
    t,
  );
}

async function members(year: number) {
  return getDb()
    .select({ projectId: planYearProjects.projectId, joinedAs: planYearProjects.joinedAs })
    .from(planYearProjects)
    .where(eq(planYearProjects.year, year))
    .orderBy(asc(planYearProjects.projectId));
}

describe('rollOverYear', () => {
  it('makes the next year’s list: continued and new projects in it, the dropped one not; the old list closed; one audit event says who dropped what', async () => {
    const res = await rollOver();
    expect(res).toMatchObject({ ok: true, data: { year: 2026, continued: 2, dropped: 1, added: 1 } });
    expect(await members(2026)).toEqual(
      [
        { projectId: w.project.id, joinedAs: 'continued' },
        { projectId: w.projectB.id, joinedAs: 'continued' },
        { projectId: fresh.id, joinedAs: 'new' },
      ].sort((a, b) => a.projectId - b.projectId),
    );
    const [made] = await getDb().select().from(planYears).where(eq(planYears.year, 2026));
    expect(made).toMatchObject({ state: 'open', createdFromYear: 2025, createdById: w.users.dispatch.id });
    expect(await list2025()).toMatchObject({ state: 'closed', version: 2 });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'plan_year'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'planYear.rollover', actorId: w.users.dispatch.id });
    expect(events[0]!.after).toMatchObject({ year: 2026, fromYear: 2025, dropped: [{ code: 'KP-L3' }], added: [fresh.id] });
  });

  it('a continuing project keeps its history (the 2025 plan and target stay 2025’s, nothing is copied into 2026)', async () => {
    expect((await rollOver()).ok).toBe(true);
    const plans = await getDb().select().from(annualPlans).where(eq(annualPlans.projectId, w.project.id));
    expect(plans.map((p) => [p.year, p.targets])).toEqual([[2025, '建成投运']]);
    expect((await members(2025)).map((m) => m.projectId)).toContain(third.id);
  });

  it('a dropped project leaves the year’s figures; the past year keeps it', async () => {
    expect((await rollOver()).ok).toBe(true);
    const y2026 = await listPlans(w.actors.dispatch, { year: 2026 });
    expect(y2026.rows.map((r) => r.code).sort()).toEqual(['KP-L1', 'KP-L2', 'KP-L4']);
    expect(y2026.counts.projects).toBe(3);
    const y2025 = await listPlans(w.actors.dispatch, { year: 2025 });
    expect(y2025.rows.map((r) => r.code).sort()).toEqual(['KP-L1', 'KP-L2', 'KP-L3']);
    expect(y2025.counts).toMatchObject({ projects: 3, withPlan: 3 });
  });

  it('refuses a year that already exists, a stale version, an undecided project; nothing is written', async () => {
    const t = translator('en');
    const undecided = await rollOverYear.execute(
      w.actors.dispatch,
      { fromYear: 2025, version: 1, decisions: decisions().slice(1), added: [] },
      t,
    );
    expect(undecided).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!undecided.ok && undecided.fieldErrors?.decisions?.[0]).toMatch(/Every project/);
    const inList = await rollOverYear.execute(
      w.actors.dispatch,
      { fromYear: 2025, version: 1, decisions: decisions(), added: [third.id] },
      t,
    );
    expect(inList).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { added: [expect.stringMatching(/already in the list/)] } });
    const missing = await rollOverYear.execute(w.actors.dispatch, { fromYear: 2024, version: 1, decisions: [], added: [] }, t);
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await getDb().select().from(planYears)).toHaveLength(1);

    expect((await rollOver()).ok).toBe(true);
    const stale = await rollOverYear.execute(w.actors.dispatch, { fromYear: 2025, version: 1, decisions: decisions(), added: [] }, t);
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const again = await rollOver({}, w.actors.dispatch);
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!again.ok && again.message).toMatch(/2026 list already exists/);
    expect(await members(2026)).toHaveLength(3);
  });

  it('a retry with the same idempotency key gets the first answer and makes nothing twice', async () => {
    const from = await list2025();
    const input = { fromYear: 2025, version: from.version, decisions: decisions(), added: [], idempotencyKey: 'rollover-2025-a' };
    const first = await rollOverYear.execute(w.actors.dispatch, input);
    const second = await rollOverYear.execute(w.actors.dispatch, input);
    expect(first).toMatchObject({ ok: true, data: { year: 2026, continued: 3 } });
    expect(second).toEqual(first);
    expect(await getDb().select().from(planYears)).toHaveLength(2);
  });

  it('only the prefecture dispatch office rolls a year over', async () => {
    for (const actor of [w.actors.countyBDispatch, w.actors.leaderOwn, w.actors.viewer, w.actors.admin]) {
      const res = await rollOver({}, actor);
      expect(res).toMatchObject({ ok: false });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(!res.ok && res.code);
    }
    expect(await getDb().select().from(planYears)).toHaveLength(1);
  });
});

describe('a past year is read-only', () => {
  it('a past year’s plan is refused at the year field with a clear message; the current year’s list takes only its projects', async () => {
    const t = translator('zh-CN');
    const past = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2025, version: 1, plannedInvestment: '5' }, t);
    expect(past).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { year: ['该年度已过去，年度计划只读'] } });
    const [plan] = await getDb()
      .select()
      .from(annualPlans)
      .where(and(eq(annualPlans.projectId, w.project.id), eq(annualPlans.year, 2025)));
    expect(plan!.plannedInvestment).toBe('1000.00');

    expect((await rollOver()).ok).toBe(true);
    const dropped = await savePlan.execute(w.actors.dispatch, { projectId: third.id, year: 2026, plannedInvestment: '5' }, t);
    expect(dropped).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { year: ['该项目不在本年度重点项目清单中'] } });
    const kept = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2026, plannedInvestment: '5' }, t);
    expect(kept.ok).toBe(true);
  });
});
