import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annualPlans, auditEvents } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { onPostgres, useTestDb } from '@/test/db';
import { actorOf, makeProject, makeUser } from '@/test/factories';
import { splitEvenly } from './plan-figures';
import { freezeBaseline, savePlan } from './plans';
import { buildLightWorld, expectUnchanged, type LightWorld, snapshot } from '@/lib/lights/test-world';

const getDb = useTestDb();
let w: LightWorld;

const TODAY = new Date('2026-03-10T04:00:00Z');
beforeAll(() => setClockForTests(TODAY));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  setClockForTests(TODAY);
  w = await buildLightWorld();
});

const months = (v: string) => Array.from({ length: 12 }, () => v);

async function create(input: Record<string, unknown> = {}) {
  const res = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2026, plannedInvestment: '1200', ...input });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data;
}

describe('savePlan', () => {
  it('creates the plan with monthly targets, normalised to two decimals, and records who did it', async () => {
    const data = await create({
      plannedInvestment: '1200.5',
      monthlyTargets: months('100').map((m, i) => (i === 11 ? '100.5' : m)),
      targets: '  年内下闸蓄水 ',
    });
    expect(data.version).toBe(1);
    const [plan] = await getDb().select().from(annualPlans);
    expect(plan).toMatchObject({
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1200.50',
      targets: '年内下闸蓄水',
      updatedById: w.users.dispatch.id,
      frozenInvestment: null,
    });
    expect(plan!.monthlyTargets).toEqual([...months('100.00').slice(0, 11), '100.50']);
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'annual_plan'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'lights.plan.create', projectId: w.project.id, actorId: w.users.dispatch.id });
  });

  it('an even split of any amount is accepted (it adds up)', async () => {
    await create({ plannedInvestment: '1000', monthlyTargets: splitEvenly('1000') });
    const [plan] = await getDb().select().from(annualPlans);
    expect(plan!.monthlyTargets![11]).toBe('83.34');
  });

  it('monthly targets that do not add up are refused at the field, in the user’s language, and nothing is written', async () => {
    const before = await snapshot(getDb());
    const zh = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1200',
      monthlyTargets: months('99.99'),
    });
    expect(zh).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { monthlyTargets: ['12 个月的计划之和须等于年度计划投资'] } });
    const en = await savePlan.execute(
      w.actors.dispatch,
      { projectId: w.project.id, year: 2026, plannedInvestment: '1200', monthlyTargets: months('100.01') },
      translator('en'),
    );
    expect(en.ok ? null : en.fieldErrors?.monthlyTargets?.[0]).toMatch(/^[A-Z][a-z]/);
    expect(en.ok ? null : en.fieldErrors?.monthlyTargets?.[0]).not.toContain('lights.');
    await expectUnchanged(getDb(), before);
  });

  it('a malformed month is an error at that month; wrong shapes and amounts are refused', async () => {
    const bad = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1200',
      monthlyTargets: months('100').map((m, i) => (i === 3 ? '1.234' : i === 7 ? '-5' : m)),
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID' });
    const errors = bad.ok ? {} : (bad.fieldErrors ?? {});
    expect(Object.keys(errors).sort()).toEqual(['monthlyTargets.3', 'monthlyTargets.7']);
    expect(errors['monthlyTargets.3']![0]).toMatch(/\p{Script=Han}/u);

    for (const input of [
      { plannedInvestment: 'abc' },
      { plannedInvestment: '-1' },
      { plannedInvestment: '100000000000000' },
      { plannedInvestment: '100', monthlyTargets: months('10').slice(0, 11) },
      { plannedInvestment: '100', year: 1999 },
      { plannedInvestment: '100', targets: '字'.repeat(2001) },
    ]) {
      const res = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2026, ...input });
      expect(res, JSON.stringify(input)).toMatchObject({ ok: false, code: 'INVALID' });
    }
    expect(await getDb().select().from(annualPlans)).toHaveLength(0);
  });

  it('updates with the version seen; removing the monthly split (null) goes back to m/12', async () => {
    await create({ monthlyTargets: months('100') });
    const res = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1500',
      monthlyTargets: null,
      version: 1,
    });
    expect(res).toMatchObject({ ok: true, data: { version: 2 } });
    const [plan] = await getDb().select().from(annualPlans);
    expect(plan).toMatchObject({ plannedInvestment: '1500.00', monthlyTargets: null, version: 2 });
    const [update] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'annual_plan'), eq(auditEvents.action, 'lights.plan.update')));
    expect(update!.before).toEqual({ plannedInvestment: '1200.00', monthlyTargets: months('100.00') });
    expect(update!.after).toEqual({ plannedInvestment: '1500.00', monthlyTargets: null });
  });

  it('a stale version is a conflict that answers with the saved values, who saved them and when', async () => {
    await create({ targets: '一' });
    const colleague = await makeUser({ role: 'dispatch', displayName: '李娜（调度办）' });
    const other = await savePlan.execute(actorOf(colleague), {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1300',
      targets: '二',
      version: 1,
    });
    expect(other.ok).toBe(true);
    const before = await snapshot(getDb());
    const stale = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1400',
      targets: '三',
      version: 1,
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const current = stale.ok ? {} : (stale.current ?? {});
    expect(current).toMatchObject({ plannedInvestment: '1300.00', targets: '二', version: 2, changedBy: '李娜（调度办）' });
    const [last] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'lights.plan.update'));
    expect(new Date(current.changedAt as string).getTime()).toBe(last!.at.getTime());
    await expectUnchanged(getDb(), before);
  });

  it('creating when the plan exists meanwhile (no version) is a conflict with the saved plan, not a duplicate error', async () => {
    await create({ plannedInvestment: '1200' });
    const again = await savePlan.execute(w.actors.dispatch, { projectId: w.project.id, year: 2026, plannedInvestment: '900' });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', current: { plannedInvestment: '1200.00', version: 1 } });
  });

  it('two offices creating the same plan at once: one wins, the other gets a conflict with the winner’s values', async () => {
    if (!onPostgres) return; // PGlite is one connection: the two transactions cannot overlap there.
    const input = (amount: string) => ({ projectId: w.project.id, year: 2026, plannedInvestment: amount });
    const results = await Promise.all([
      savePlan.execute(w.actors.dispatch, input('100')),
      savePlan.execute(w.actors.dispatch, input('200')),
    ]);
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ code: 'CONFLICT' });
    const [plan] = await getDb().select().from(annualPlans);
    expect((conflicts[0] as unknown as { current: { plannedInvestment: string } }).current.plannedInvestment).toBe(plan!.plannedInvestment);
  });

  it('after the freeze the current plan still changes and the frozen baseline does not', async () => {
    await create({ plannedInvestment: '1200', monthlyTargets: months('100') });
    setClockForTests(new Date('2026-03-15T04:00:00Z'));
    expect((await freezeBaseline.execute(w.actors.dispatch, { year: 2026 })).ok).toBe(true);
    const res = await savePlan.execute(w.actors.dispatch, {
      projectId: w.project.id,
      year: 2026,
      plannedInvestment: '1800',
      monthlyTargets: null,
      version: 1,
    });
    expect(res).toMatchObject({ ok: true, data: { version: 2 } });
    const [plan] = await getDb().select().from(annualPlans).where(eq(annualPlans.projectId, w.project.id));
    expect(plan).toMatchObject({
      plannedInvestment: '1800.00',
      monthlyTargets: null,
      frozenInvestment: '1200.00',
      frozenMonthlyTargets: months('100.00'),
    });
  });

  it('county dispatch: their county only (another county’s project is not found)', async () => {
    const own = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code });
    const mine = await savePlan.execute(w.actors.countyBDispatch, { projectId: own.id, year: 2026, plannedInvestment: '10' });
    expect(mine.ok).toBe(true);
    const theirs = await savePlan.execute(w.actors.countyBDispatch, { projectId: w.project.id, year: 2026, plannedInvestment: '10' });
    expect(theirs).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const missing = await savePlan.execute(w.actors.dispatch, { projectId: 2_000_000_000, year: 2026, plannedInvestment: '10' });
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
