import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annualPlans, milestones, problems, projectLights } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { makeMilestone } from '@/test/factories';
import { computeLights } from './compute';
import { computeMeasures, monthsNotStarted } from './measures';
import { getCurrentLights, getProjectLight } from './queries';
import { renderReason } from './reasons';
import { editRuleSet, ensureDefaultRuleSet, loadActiveRuleSet, loadRuleSet } from './rule-sets';
import { buildLightWorld, type LightWorld, makeMonth, makeReport } from './test-world';

const getDb = useTestDb();
let w: LightWorld;

beforeAll(() => setClockForTests(new Date('2026-10-08T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
});

async function lightOf(projectId: number, periodId: number) {
  const [row] = await getDb()
    .select()
    .from(projectLights)
    .where(eq(projectLights.projectId, projectId))
    .then((rows) => rows.filter((r) => r.periodId === periodId));
  return row;
}

async function compute(periodId: number, recompute?: boolean) {
  const res = await computeLights.execute(w.actors.dispatch, { periodId, recompute });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data;
}

describe('measures come from approved reports only', () => {
  it('a submitted-but-not-approved report does not count towards completion', async () => {
    const aug = await makeMonth(8);
    const sep = await makeMonth(9);
    await makeReport(aug.id, w.project.id, 'approved', '420.00');
    await makeReport(sep.id, w.project.id, 'submitted', '300.00');
    const [m] = await computeMeasures(getDb(), sep, { actor: w.actors.dispatch, today: '2026-10-08', projectIds: [w.project.id] });
    expect(m!.snapshot).toMatchObject({ cumulativeInvestment: '420.00', completionPct: 42, timeElapsedPct: 75 });
    expect(m!.values.investment_behind_time_elapsed_pp).toBe(33);
    expect(m!.values.missing_report).toBe(1);
  });

  it('a returned or draft report does not count either; approving it does', async () => {
    const sep = await makeMonth(9);
    const r = await makeReport(sep.id, w.project.id, 'returned', '750.00');
    const measure = async () =>
      (await computeMeasures(getDb(), sep, { actor: w.actors.dispatch, today: '2026-10-08', projectIds: [w.project.id] }))[0]!;
    expect((await measure()).snapshot.completionPct).toBe(0);
    await getDb()
      .update((await import('@/db/schema')).reports)
      .set({ status: 'approved' })
      .where(eq((await import('@/db/schema')).reports.id, r.id));
    expect((await measure()).snapshot.completionPct).toBe(75);
    expect((await measure()).values.investment_behind_time_elapsed_pp).toBe(0);
    expect((await measure()).values.missing_report).toBe(0);
  });

  it('reports of the previous year and of later periods are left out', async () => {
    const { reportingPeriods } = await import('@/db/schema');
    const [dec2025] = await getDb()
      .insert(reportingPeriods)
      .values({ kind: 'monthly', startDate: '2025-12-01', endDate: '2025-12-31', dueDate: '2026-01-05' })
      .returning();
    const jun = await makeMonth(6);
    const jul = await makeMonth(7);
    await makeReport(dec2025!.id, w.project.id, 'approved', '900.00');
    await makeReport(jun.id, w.project.id, 'approved', '100.00');
    await makeReport(jul.id, w.project.id, 'approved', '200.00');
    const [m] = await computeMeasures(getDb(), jun, { actor: w.actors.dispatch, today: '2026-10-08', projectIds: [w.project.id] });
    expect(m!.snapshot.cumulativeInvestment).toBe('100.00');
  });

  it('uses the annual plan, its monthly targets, and the frozen figures once frozen', async () => {
    const sep = await makeMonth(9);
    await makeReport(sep.id, w.project.id, 'approved', '300.00');
    const targets = ['0', '0', '0', '0', '0', '0', '0', '0', '400', '400', '400', '0'];
    await getDb()
      .insert(annualPlans)
      .values({ projectId: w.project.id, year: 2026, plannedInvestment: '1200.00', monthlyTargets: targets });
    const measure = async () =>
      (await computeMeasures(getDb(), sep, { actor: w.actors.dispatch, today: '2026-10-08', projectIds: [w.project.id] }))[0]!;
    // 300 of 1200 = 25%; 序时进度 = 400/1200 = 33.3%
    expect((await measure()).snapshot).toMatchObject({ completionPct: 25, timeElapsedPct: 33.3, plannedInvestment: '1200.00' });
    await getDb()
      .update(annualPlans)
      .set({ frozenInvestment: '600.00', frozenMonthlyTargets: null, frozenAt: new Date() })
      .where(eq(annualPlans.projectId, w.project.id));
    // Against the frozen baseline: 300 of 600 = 50%, 序时进度 9/12 = 75%.
    expect((await measure()).snapshot).toMatchObject({ completionPct: 50, timeElapsedPct: 75, plannedInvestment: '600.00' });
  });

  it('start overdue, milestone beyond baseline and overdue problems', async () => {
    const sep = await makeMonth(9);
    await makeMilestone({ projectId: w.project.id, kind: 'start_works', plannedDate: '2026-07-15' });
    await makeMilestone({
      projectId: w.project.id,
      name: '下闸蓄水',
      plannedDate: '2026-11-30',
      baselineDate: '2026-09-30',
      forecastDate: '2026-12-30',
    });
    // Done milestones are history, not a forecast.
    await makeMilestone({
      projectId: w.project.id,
      plannedDate: '2026-01-30',
      baselineDate: '2026-01-01',
      actualDate: '2026-05-01',
      status: 'done',
    });
    await getDb()
      .insert(problems)
      .values([
        { projectId: w.project.id, description: '征地', type: 'land', deadline: '2026-09-01' },
        { projectId: w.project.id, description: '资金', type: 'funding', deadline: '2026-09-10', status: 'in_progress' },
        { projectId: w.project.id, description: '已解决', type: 'other', deadline: '2026-08-01', status: 'resolved', resolution: '已办' },
        { projectId: w.project.id, description: '未到期', type: 'other', deadline: '2026-12-01' },
      ]);
    const [m] = await computeMeasures(getDb(), sep, { actor: w.actors.dispatch, today: '2026-10-08', projectIds: [w.project.id] });
    expect(m!.values).toMatchObject({
      start_overdue_months: 3, // July, August, September
      milestone_forecast_beyond_baseline_days: 91,
      overdue_problems: 2,
      missing_report: 0,
    });
    expect(m!.context.milestone_forecast_beyond_baseline_days).toMatchObject({ milestone: '下闸蓄水' });
  });

  it('months not started count whole months from the planned month', () => {
    expect(monthsNotStarted('2026-06-15', '2026-06-20')).toBe(0);
    expect(monthsNotStarted('2026-06-15', '2026-06-30')).toBe(1);
    expect(monthsNotStarted('2026-06-15', '2026-08-31')).toBe(3);
    expect(monthsNotStarted('2026-06-15', '2026-05-31')).toBe(0);
  });

  it('the scope limits which projects are measured', async () => {
    const sep = await makeMonth(9);
    const all = await computeMeasures(getDb(), sep, { actor: w.actors.dispatch, today: '2026-10-08' });
    const countyB = await computeMeasures(getDb(), sep, { actor: w.actors.countyBDispatch, today: '2026-10-08' });
    expect(all.map((m) => m.projectId).sort()).toEqual([w.project.id, w.projectB.id].sort());
    expect(countyB.map((m) => m.projectId)).toEqual([w.projectB.id]);
  });
});

describe('computeLights', () => {
  it('stores each light with the rule set version and reasons, rendered in both languages', async () => {
    const aug = await makeMonth(8);
    const sep = await makeMonth(9);
    await makeReport(aug.id, w.project.id, 'approved', '420.00');
    await makeReport(sep.id, w.project.id, 'approved', '0.00');
    const res = await compute(sep.id);
    expect(res.ruleSetVersion).toBe(1);
    const light = await lightOf(w.project.id, sep.id);
    expect(light).toMatchObject({ light: 'red', ruleSetId: res.ruleSetId, ruleSetVersion: 1 });
    expect(light!.reasons).toHaveLength(1);
    expect(renderReason(translator('zh-CN'), light!.reasons[0]!, 'zh-CN')).toBe(
      '完成率 42.0%，序时进度 75.0%，落后 33.0 个百分点 (>30) → 红灯',
    );
    expect(renderReason(translator('en'), light!.reasons[0]!, 'en')).toBe(
      'Completion 42.0%, time-elapsed 75.0%, 33.0 points behind (>30) → red',
    );
  });

  it('a rule-set edit changes the next computation but not the stored history', async () => {
    const aug = await makeMonth(8);
    const sep = await makeMonth(9);
    await makeReport(aug.id, w.project.id, 'approved', '420.00');
    await makeReport(sep.id, w.project.id, 'approved', '0.00');
    await compute(aug.id);
    const v1 = await compute(sep.id);
    expect((await lightOf(w.project.id, sep.id))!.light).toBe('red');

    // The administrator raises the red threshold to > 40 points.
    const active = (await loadActiveRuleSet(getDb()))!;
    const edited = await editRuleSet.execute(w.actors.admin, {
      ruleSetId: active.id,
      name: active.name,
      note: '红灯阈值调整为 40',
      rules: active.rules.map((r) =>
        r.measure === 'investment_behind_time_elapsed_pp' && r.light === 'red' ? { ...r, threshold: 40 } : r,
      ),
    });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    const v2 = (await loadActiveRuleSet(getDb()))!;
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(active.id);

    // The stored September light still points at version 1 and its reason.
    const stored = (await lightOf(w.project.id, sep.id))!;
    expect(stored).toMatchObject({ light: 'red', ruleSetId: v1.ruleSetId, ruleSetVersion: 1 });
    expect(stored.reasons[0]).toMatchObject({ threshold: 30, light: 'red' });
    // Version 1's rules are still there, unchanged.
    const old = (await loadRuleSet(getDb(), active.id))!;
    expect(old.active).toBe(false);
    expect(old.rules.find((r) => r.light === 'red' && r.measure === 'investment_behind_time_elapsed_pp')!.threshold).toBe(30);
    expect(v2.rules.find((r) => r.light === 'red' && r.measure === 'investment_behind_time_elapsed_pp')!.threshold).toBe(40);

    // The next period uses version 2: 33 points behind is now yellow (≥10, not >40).
    const oct = await makeMonth(10);
    await makeReport(oct.id, w.project.id, 'approved', '0.00');
    setClockForTests(new Date('2026-10-31T04:00:00Z'));
    try {
      await compute(oct.id);
    } finally {
      setClockForTests(new Date('2026-10-08T04:00:00Z'));
    }
    const octLight = (await lightOf(w.project.id, oct.id))!;
    expect(octLight).toMatchObject({ ruleSetVersion: 2, ruleSetId: v2.id });
    // October (31st): 42% done, 序时进度 83.3% → 41.3 behind → red under >40 as well; check the threshold used.
    expect(octLight.reasons[0]).toMatchObject({ measure: 'investment_behind_time_elapsed_pp', threshold: 40 });

    // Re-computing September without asking is refused (it is history now); asked, it uses version 2.
    const refused = await computeLights.execute(w.actors.dispatch, { periodId: sep.id });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await lightOf(w.project.id, sep.id))!.ruleSetVersion).toBe(1);
    await compute(sep.id, true);
    const recomputed = (await lightOf(w.project.id, sep.id))!;
    expect(recomputed).toMatchObject({ light: 'yellow', ruleSetVersion: 2 });
    // August was never touched.
    expect((await lightOf(w.project.id, aug.id))!.ruleSetVersion).toBe(1);
  });

  it('re-running the latest period recomputes it with the current rules', async () => {
    const sep = await makeMonth(9);
    await makeReport(sep.id, w.project.id, 'submitted', '900.00');
    await compute(sep.id);
    expect((await lightOf(w.project.id, sep.id))!.light).toBe('red'); // nothing approved: 0% vs 75%
    await getDb()
      .update((await import('@/db/schema')).reports)
      .set({ status: 'approved' });
    await compute(sep.id);
    expect((await lightOf(w.project.id, sep.id))!.light).toBe('green');
  });

  it('creates the default rule set when none exists, once', async () => {
    const a = await ensureDefaultRuleSet(getDb());
    const b = await ensureDefaultRuleSet(getDb());
    expect(a.id).toBe(b.id);
    expect(a.rules).toHaveLength(10);
  });

  it('a county dispatch user computes only their county', async () => {
    const sep = await makeMonth(9);
    const res = await computeLights.execute(w.actors.countyBDispatch, { periodId: sep.id });
    expect(res.ok).toBe(true);
    const rows = await getDb().select().from(projectLights);
    expect(rows.map((r) => r.projectId)).toEqual([w.projectB.id]);
  });

  it('the current light per project is scoped by the actor', async () => {
    const sep = await makeMonth(9);
    await compute(sep.id);
    expect((await getCurrentLights(w.actors.dispatch)).map((c) => c.projectId).sort()).toEqual([w.project.id, w.projectB.id].sort());
    expect((await getCurrentLights(w.actors.countyBDispatch)).map((c) => c.projectId)).toEqual([w.projectB.id]);
    expect(await getProjectLight(w.actors.countyBDispatch, w.project.id)).toBeNull();
  });

  it('a project with no light yet: an empty panel when visible, null when not (a missing id too)', async () => {
    const visible = await getProjectLight(w.actors.dispatch, w.project.id);
    expect(visible).toMatchObject({ history: [], overrides: [], current: { projectId: w.project.id, computed: null, effective: null } });
    expect(await getProjectLight(w.actors.countyBDispatch, w.project.id)).toBeNull();
    expect(await getProjectLight(w.actors.dispatch, 2_000_000_000)).toBeNull();
  });
});

describe('freeze', () => {
  it('copies milestone planned dates into the baseline', async () => {
    const { freezeBaseline } = await import('@/lib/plans/plans');
    const m = await makeMilestone({ projectId: w.project.id, plannedDate: '2026-06-30' });
    const res = await freezeBaseline.execute(w.actors.dispatch, { year: 2026 });
    expect(res.ok).toBe(true);
    const [after] = await getDb().select().from(milestones).where(eq(milestones.id, m.id));
    expect(after!.baselineDate).toBe('2026-06-30');
    const plans = await getDb().select().from(annualPlans);
    expect(plans.map((p) => [p.projectId, p.frozenInvestment]).sort()).toEqual(
      [
        [w.project.id, '1000.00'],
        [w.projectB.id, '500.00'],
      ].sort(),
    );
    expect(await freezeBaseline.execute(w.actors.dispatch, { year: 2026 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
