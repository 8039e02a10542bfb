import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annualPlans, lightOverrides } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { computeLights } from './compute';
import { clearOverride, overrideLight } from './overrides';
import { freezeBaseline, savePlan } from '@/lib/plans/plans';
import { getProjectLight } from './queries';
import { editRuleSet, ensureDefaultRuleSet } from './rule-sets';
import {
  ALL_ROLES,
  buildLightWorld,
  expectUnchanged,
  type LightRole,
  type LightWorld,
  makeMonth,
  makeReport,
  snapshot,
} from './test-world';

const getDb = useTestDb();
let w: LightWorld;

const TODAY = new Date('2026-10-08T04:00:00Z');
beforeAll(() => setClockForTests(TODAY));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(TODAY);
  w = await buildLightWorld();
});

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

/** Who may do what, on county A's project (the lead and viewer never; county B's dispatch cannot see it). */
const MATRIX: Record<string, Record<LightRole, Outcome>> = {
  editRuleSet: {
    admin: 'ok',
    dispatch: 'FORBIDDEN',
    leaderOwn: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'FORBIDDEN',
  },
  overrideLight: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leaderOwn: 'ok',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'NOT_FOUND',
  },
  clearOverride: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leaderOwn: 'ok',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'NOT_FOUND',
  },
  computeLights: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leaderOwn: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'ok',
  },
  freezeBaseline: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leaderOwn: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'FORBIDDEN', // the baseline is prefecture-wide
  },
  savePlan: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leaderOwn: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'NOT_FOUND',
  },
};

/** Prepares what the action needs and returns how to call it. */
const CALLS: Record<string, () => Promise<(role: LightRole) => Promise<{ ok: boolean; code?: string }>>> = {
  editRuleSet: async () => {
    const set = await ensureDefaultRuleSet(getDb());
    return (role) =>
      editRuleSet.execute(w.actors[role], {
        ruleSetId: set.id,
        name: set.name,
        rules: set.rules.map((r) => ({ ...r, threshold: r.threshold + 1 })),
      });
  },
  overrideLight: async () => (role) =>
    overrideLight.execute(w.actors[role], { projectId: w.project.id, light: 'green', reason: '已协调解决资金', endsOn: '2026-10-31' }),
  clearOverride: async () => {
    const res = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'red',
      reason: '现场停工',
      endsOn: '2026-10-31',
    });
    if (!res.ok) throw new Error(res.code);
    return (role) => clearOverride.execute(w.actors[role], { overrideId: res.data.id, version: res.data.version });
  },
  computeLights: async () => {
    const sep = await makeMonth(9);
    await makeReport(sep.id, w.project.id, 'approved', '100.00');
    return (role) => computeLights.execute(w.actors[role], { periodId: sep.id });
  },
  freezeBaseline: async () => (role) => freezeBaseline.execute(w.actors[role], { year: 2026 }),
  savePlan: async () => (role) =>
    savePlan.execute(w.actors[role], { projectId: w.project.id, year: 2026, plannedInvestment: '1200', targets: '年内下闸蓄水' }),
};

describe.each(Object.keys(MATRIX))('%s: who may', (action) => {
  it.each(ALL_ROLES)('%s', async (role) => {
    const call = await CALLS[action]!();
    const before = await snapshot(getDb());
    const res = await call(role);
    const expected = MATRIX[action]![role];
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true });
      expect((await snapshot(getDb())).audit).toBe(before.audit + 1);
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      await expectUnchanged(getDb(), before);
    }
  });
});

describe('overrides', () => {
  it('the override and the computed light are both shown; an ended override no longer applies but stays in the history', async () => {
    const sep = await makeMonth(9);
    await makeReport(sep.id, w.project.id, 'approved', '0.00');
    expect((await computeLights.execute(w.actors.dispatch, { periodId: sep.id })).ok).toBe(true);
    const res = await overrideLight.execute(w.actors.leaderOwn, {
      projectId: w.project.id,
      light: 'yellow',
      reason: '资金已落实，10 月集中投入',
      endsOn: '2026-10-20',
    });
    expect(res.ok).toBe(true);

    const now = (await getProjectLight(w.actors.viewer, w.project.id))!;
    expect(now.current.computed).toMatchObject({ light: 'red', periodId: sep.id });
    expect(now.current.override).toMatchObject({ light: 'yellow', reason: '资金已落实，10 月集中投入', active: true });
    expect(now.current.effective).toBe('yellow');

    setClockForTests(new Date('2026-10-21T04:00:00Z'));
    const later = (await getProjectLight(w.actors.viewer, w.project.id))!;
    expect(later.current.override).toBeNull();
    expect(later.current.effective).toBe('red');
    expect(later.current.computed!.light).toBe('red');
    expect(later.overrides).toHaveLength(1);
    expect(later.overrides[0]).toMatchObject({ light: 'yellow', active: false });
  });

  it('a reason is required and the end date cannot be before today; refused calls change nothing', async () => {
    const before = await snapshot(getDb());
    const noReason = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'green',
      reason: '  ',
      endsOn: '2026-10-31',
    });
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID' });
    expect(noReason.ok ? null : noReason.fieldErrors?.reason?.[0]).toMatch(/\p{Script=Han}/u);
    const past = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'green',
      reason: '已解决',
      endsOn: '2026-10-07',
    });
    expect(past).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { endsOn: ['有效期不能早于今天'] } });
    await expectUnchanged(getDb(), before);
    const todayOk = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'green',
      reason: '已解决',
      endsOn: '2026-10-08',
    });
    expect(todayOk.ok).toBe(true);
  });

  it('a new override clears the open one; both are kept', async () => {
    await overrideLight.execute(w.actors.dispatch, { projectId: w.project.id, light: 'green', reason: '一', endsOn: '2026-10-31' });
    await overrideLight.execute(w.actors.leaderOwn, { projectId: w.project.id, light: 'red', reason: '二', endsOn: '2026-11-30' });
    const rows = await getDb().select().from(lightOverrides).where(eq(lightOverrides.projectId, w.project.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.clearedAt === null).map((r) => r.reason)).toEqual(['二']);
    const view = (await getProjectLight(w.actors.dispatch, w.project.id))!;
    expect(view.current.override).toMatchObject({ light: 'red', reason: '二' });
    expect(view.current.computed).toBeNull();
  });

  it('clearing twice is a conflict', async () => {
    const res = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'green',
      reason: '一',
      endsOn: '2026-10-31',
    });
    if (!res.ok) throw new Error(res.code);
    expect((await clearOverride.execute(w.actors.dispatch, { overrideId: res.data.id, version: res.data.version })).ok).toBe(true);
    expect(await clearOverride.execute(w.actors.dispatch, { overrideId: res.data.id, version: res.data.version })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});

describe('savePlan', () => {
  it('monthly targets must add up to the plan; a stale version is a conflict', async () => {
    const months = (v: string) => Array.from({ length: 12 }, () => v);
    const bad = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1200',
      monthlyTargets: months('99'),
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { monthlyTargets: ['12 个月的计划之和须等于年度计划投资'] } });
    const ok = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1200',
      monthlyTargets: months('100'),
    });
    expect(ok).toMatchObject({ ok: true, data: { version: 1 } });
    const [plan] = await getDb().select().from(annualPlans);
    expect(plan).toMatchObject({ plannedInvestment: '1200.00', monthlyTargets: months('100.00') });
    const updated = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1300',
      version: 1,
    });
    expect(updated).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2026, plannedInvestment: '1400', version: 1 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
