import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarDays } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { acceptProcedure, approveProcedure } from './actions';
import { getProcedureSummary, getProjectProcedures, listAgencyQueue } from './queries';
import { buildProcedureWorld, planOf, type ProcedureWorld } from './test-world';

const getDb = useTestDb();
let w: ProcedureWorld;

beforeAll(() => setClockForTests(new Date('2026-05-11T04:00:00Z'))); // Monday 11 May 2026
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildProcedureWorld(getDb());
  // 劳动节 2026: 1–5 May off, Saturday 9 May worked.
  await getDb()
    .insert(calendarDays)
    .values([
      ...['01', '04', '05'].map((d) => ({ day: `2026-05-${d}`, working: false, name: '劳动节' })),
      { day: '2026-05-09', working: true, name: '劳动节调休上班' },
    ]);
});

describe('the plan and the queue', () => {
  it('counts the clock in working days over the holiday and puts the overdue procedure first in its agency’s queue', async () => {
    const { land, eia } = await planOf(getDb(), w);
    // EIA accepted Monday 13 April: by 11 May, 18 working days (14 Apr … 30 Apr, 6–8 May, Saturday 9 May, 11 May) — within 20.
    await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 1, acceptedOn: '2026-04-13' });
    // Land accepted 20 April: 13 working days by 11 May, past its committed 10.
    await acceptProcedure.execute(w.actors.zrj, { id: land.id, version: 1, acceptedOn: '2026-04-20' });
    const plan = (await getProjectProcedures(w.actors.office, w.project.id))!;
    const eiaView = plan.procedures.find((p) => p.id === eia.id)!;
    const landView = plan.procedures.find((p) => p.id === land.id)!;
    expect(eiaView.clock).toMatchObject({ elapsed: 18, standing: 'within', running: true });
    expect(landView.clock).toMatchObject({ elapsed: 13, standing: 'over_committed' });
    expect(plan.summary).toEqual({ total: 3, approved: 0, overdue: 1 });
    // The path: the EIA's 1 working day left vs land (≥1 day) then feasibility (10): land → feasibility.
    expect(plan.criticalPath.ids).toEqual([land.id, plan.procedures.find((p) => p.nameZh.startsWith('可行性'))!.id]);

    const office = await listAgencyQueue(w.actors.office, { unitId: null });
    expect(office.rows.map((r) => r.id).slice(0, 2)).toEqual([land.id, eia.id]);
    // A department user sees only their own agency's, whatever unit the URL names.
    const mine = await listAgencyQueue(w.actors.sthj, { unitId: w.units.zrj.id });
    expect(mine.rows.map((r) => r.id)).toEqual([eia.id]);
    expect(mine.rows[0]!.steps).toEqual(['process', 'return', 'approve']);
    // The lead may take no agency step there.
    expect((await listAgencyQueue(w.actors.lead, { unitId: null })).rows.every((r) => r.steps.length === 0)).toBe(true);
  });

  it('says the plan is complete once everything before works start is approved', async () => {
    const { land, feasibility, eia } = await planOf(getDb(), w);
    for (const [p, actor] of [
      [land, w.actors.zrj],
      [eia, w.actors.sthj],
      [feasibility, w.actors.fgw],
    ] as const) {
      await acceptProcedure.execute(actor, { id: p.id, version: 1, acceptedOn: '2026-05-06' });
      await approveProcedure.execute(actor, { id: p.id, version: 2, approvedOn: '2026-05-08', documentNumber: `批复${p.id}` });
    }
    expect(await getProcedureSummary(w.actors.office, w.project.id)).toMatchObject({
      total: 3,
      approved: 3,
      criticalDays: 0,
      earliestStart: null,
    });
  });

  it('shows another county’s user nothing of the project’s plan', async () => {
    await planOf(getDb(), w);
    expect(await getProjectProcedures(w.actors.countyB, w.project.id)).toBeNull();
    expect(await getProcedureSummary(w.actors.countyB, w.project.id)).toBeNull();
    expect((await listAgencyQueue(w.actors.countyB, { unitId: null })).rows).toEqual([]);
  });
});
