import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { getPlanSummary, getProjectPlan, listPlans } from './plan-queries';
import { freezeBaseline, savePlan } from './plans';
import { buildLightWorld, type LightWorld } from '@/lib/lights/test-world';

useTestDb();
let w: LightWorld;

const SEASONAL = ['0', '0', '60', '100', '130', '140', '140', '140', '130', '100', '60', '0'];

beforeAll(() => setClockForTests(new Date('2026-01-05T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(new Date('2026-01-05T04:00:00Z'));
  w = await buildLightWorld();
});

async function save(input: Record<string, unknown>, actor = w.actors.dispatch) {
  const res = await savePlan.execute(actor, { projectId: w.project.id, year: 2026, ...input });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data;
}

describe('getProjectPlan', () => {
  it('the year’s plan with who saved it; null plan for a year without one; null for a project out of scope', async () => {
    await save({ plannedInvestment: '1000', monthlyTargets: SEASONAL, targets: '年内下闸蓄水' });
    const found = await getProjectPlan(w.actors.viewer, w.project.id, 2026);
    expect(found?.project).toMatchObject({ id: w.project.id, code: 'KP-L1', countyId: w.countyA.id, annualPlannedInvestment: '1000.00' });
    expect(found?.plan).toMatchObject({
      year: 2026,
      plannedInvestment: '1000.00',
      targets: '年内下闸蓄水',
      version: 1,
      frozenAt: null,
      updatedByName: w.users.dispatch.displayName,
    });
    expect(found?.plan?.monthlyTargets?.[2]).toBe('60.00');
    expect(found?.yearFrozen).toBe(false);
    expect((await getProjectPlan(w.actors.viewer, w.project.id, 2027))?.plan).toBeNull();
    expect(await getProjectPlan(w.actors.countyBDispatch, w.project.id, 2026)).toBeNull();
    expect(await getProjectPlan(w.actors.viewer, 0, 2026)).toBeNull();
    expect(await getProjectPlan(w.actors.viewer, w.project.id, 3000)).toBeNull();
  });
});

describe('getPlanSummary', () => {
  it('before the freeze: the current plan, its cumulative target and 序时进度 to date', async () => {
    await save({ plannedInvestment: '1000', monthlyTargets: SEASONAL });
    const s = await getPlanSummary(w.actors.viewer, w.project.id, { today: '2026-10-31' });
    expect(s).toMatchObject({
      year: 2026,
      basis: 'plan',
      basisInvestment: '1000.00',
      basisMonthly: true,
      cumulativeTarget: '940.00',
      timeElapsedPct: 94,
    });
  });

  it('after the freeze the lights use the baseline, even when the current plan has changed since', async () => {
    await save({ plannedInvestment: '1000', monthlyTargets: SEASONAL });
    expect((await freezeBaseline.execute(w.actors.dispatch, { year: 2026 })).ok).toBe(true);
    await save({ plannedInvestment: '2400', monthlyTargets: null, version: 1 });
    const s = await getPlanSummary(w.actors.viewer, w.project.id, { today: '2026-06-30' });
    expect(s?.plan).toMatchObject({ plannedInvestment: '2400.00', monthlyTargets: null, frozenInvestment: '1000.00' });
    expect(s?.plan?.frozenAt).toBeInstanceOf(Date);
    expect(s).toMatchObject({
      yearFrozen: true,
      basis: 'baseline',
      basisInvestment: '1000.00',
      basisMonthly: true,
      cumulativeTarget: '430.00',
      timeElapsedPct: 43,
    });
  });

  it('without a plan: the registry’s annual figure by m/12; without either: no figures', async () => {
    const s = await getPlanSummary(w.actors.viewer, w.project.id, { today: '2026-06-30' });
    expect(s).toMatchObject({
      plan: null,
      basis: 'registry',
      basisInvestment: '1000.00',
      basisMonthly: false,
      cumulativeTarget: '500.00',
      timeElapsedPct: 50,
    });
    const bare = await makeProject({ categoryCode: w.category.code, annualPlannedInvestment: null });
    expect(await getPlanSummary(w.actors.viewer, bare.id, { today: '2026-06-30' })).toMatchObject({
      basis: null,
      cumulativeTarget: null,
      timeElapsedPct: null,
    });
  });

  it('defaults to the current year and today; a year not yet begun has nothing due', async () => {
    const s = await getPlanSummary(w.actors.viewer, w.project.id);
    expect(s).toMatchObject({ year: 2026, today: '2026-01-05' });
    expect(await getPlanSummary(w.actors.viewer, w.project.id, { year: 2027 })).toMatchObject({
      cumulativeTarget: '0.00',
      timeElapsedPct: 0,
    });
    expect(await getPlanSummary(w.actors.countyBDispatch, w.project.id)).toBeNull();
  });
});

describe('listPlans', () => {
  it('lists the projects that get a light, with and without a plan, in the actor’s scope, with counts', async () => {
    await save({ plannedInvestment: '1000', monthlyTargets: SEASONAL });
    const operating = await makeProject({ code: 'KP-L0', categoryCode: w.category.code, stage: 'operating' });
    const all = await listPlans(w.actors.dispatch, { year: 2026 });
    expect(all.rows.map((r) => r.code)).toEqual(['KP-L1', 'KP-L2']);
    expect(all.rows[0]!.plan).toMatchObject({ plannedInvestment: '1000.00', monthly: true, frozenInvestment: null });
    expect(all.rows[1]).toMatchObject({ code: 'KP-L2', plan: null, registryPlan: '500.00' });
    expect(all.counts).toEqual({ projects: 2, withPlan: 1, missing: 1, monthly: 1, frozen: 0 });

    // A project in operation gets no light: listed only when it has a plan for the year.
    const res = await savePlan.execute(w.actors.dispatch, { projectId: operating.id, year: 2026, plannedInvestment: '5' });
    expect(res.ok).toBe(true);
    const withOperating = await listPlans(w.actors.dispatch, { year: 2026 });
    expect(withOperating.rows.map((r) => r.code)).toEqual(['KP-L0', 'KP-L1', 'KP-L2']);
    expect(withOperating.rows[0]!.plan).toMatchObject({ monthly: false });

    expect((await listPlans(w.actors.dispatch, { year: 2026, filter: 'missing' })).rows.map((r) => r.code)).toEqual(['KP-L2']);
    expect((await listPlans(w.actors.dispatch, { year: 2026, filter: 'planned' })).rows.map((r) => r.code)).toEqual(['KP-L0', 'KP-L1']);

    const countyB = await listPlans(w.actors.countyBDispatch, { year: 2026 });
    expect(countyB.rows.map((r) => r.code)).toEqual(['KP-L2']);
    expect(countyB.counts).toEqual({ projects: 1, withPlan: 0, missing: 1, monthly: 0, frozen: 0 });
  });

  it('another year has its own plans; after the freeze the frozen figures are listed', async () => {
    await save({ plannedInvestment: '1000' });
    expect((await freezeBaseline.execute(w.actors.dispatch, { year: 2026 })).ok).toBe(true);
    const frozen = await listPlans(w.actors.dispatch, { year: 2026 });
    // The freeze created KP-L2's plan from the registry figure.
    expect(frozen.rows.map((r) => [r.code, r.plan?.frozenInvestment])).toEqual([
      ['KP-L1', '1000.00'],
      ['KP-L2', '500.00'],
    ]);
    expect(frozen.counts).toMatchObject({ withPlan: 2, missing: 0, frozen: 2 });
    expect((await listPlans(w.actors.dispatch, { year: 2027 })).counts).toMatchObject({ projects: 2, withPlan: 0, missing: 2 });
  });

  it('pages by code, and a page past the end shows the last page', async () => {
    for (let i = 0; i < 5; i++) await makeProject({ code: `KP-P${i}`, categoryCode: w.category.code });
    const first = await listPlans(w.actors.dispatch, { year: 2026, pageSize: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(first.rows.map((r) => r.code)).toEqual(['KP-L1', 'KP-L2', 'KP-P0']);
    const last = await listPlans(w.actors.dispatch, { year: 2026, pageSize: 3, page: 99 });
    expect(last.page).toBe(3);
    expect(last.rows.map((r) => r.code)).toEqual(['KP-P4']);
    expect((await listPlans(w.actors.dispatch, { year: 1800 })).rows).toEqual([]);
  });
});
