/**
 * One as-of month (issue 13 B7): on the same data, the dashboard's headline, a project page's
 * plan section and light panel, and the lights page state the same month, and the project's
 * 序时进度 figures agree. The dashboard world (./test-world.ts): periods August … November
 * 2026, today 2026-11-20, so November has approved reports but has not ended.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { reports } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { computeAndStoreLights } from '@/lib/lights/compute';
import { lightsMonth } from '@/lib/lights/lights-month';
import { listCurrentLights } from '@/lib/lights/list-lights';
import { getProjectLight } from '@/lib/lights/queries';
import { timeElapsedForMonth } from '@/lib/lights/time-elapsed';
import { lightsPlan } from '@/lib/plans/plan-figures';
import { getPlanSummary } from '@/lib/plans/plan-queries';
import { useTestDb } from '@/test/db';
import { getDashboard } from './queries';
import { buildDashboardWorld, type DashboardWorld } from './test-world';

const getTestDb = useTestDb({ reset: 'file' });
let w: DashboardWorld;
let db: Db;
let projectId: number;

beforeAll(async () => {
  db = getTestDb();
  w = await buildDashboardWorld(db);
  // A project with an approved report in every ended period (August, September, October).
  const rows = (await db.execute(
    sql`SELECT r.project_id AS id FROM ${reports} r WHERE r.status = 'approved' AND r.period_id IN (${sql.join(
      w.periods.slice(0, 3).map((p) => sql`${p.id}::int`),
      sql`, `,
    )}) GROUP BY r.project_id HAVING count(*) = 3 ORDER BY r.project_id LIMIT 1`,
  )) as unknown;
  const found = (Array.isArray(rows) ? rows : (rows as { rows: { id: number }[] }).rows) as { id: number }[];
  projectId = Number(found[0]!.id);
  // Its October light, computed by the real engine.
  const october = w.periods[2]!;
  expect(october.endDate).toBe('2026-10-31');
  await computeAndStoreLights(db, { period: october, actor: { id: null, countyId: null }, today: w.today, projectIds: [projectId] });
}, 180_000);
afterAll(() => setClockForTests(null));

describe('one as-of month on the dashboard, the project page and the lights page', () => {
  it('is October everywhere, and the project page’s 序时进度 figures are one figure', async () => {
    const actor = w.actors.dispatch;
    const [dashboard, plan, light, lights] = await Promise.all([
      getDashboard(actor),
      getPlanSummary(actor, projectId),
      getProjectLight(actor, projectId),
      listCurrentLights(actor),
    ]);
    expect(dashboard.headline.investment.asOf).toBe('2026-10');
    expect(plan!.asOfMonth).toBe('2026-10');
    expect(plan!.asOfSource).toBe('reported');
    expect(light!.current.computed!.periodEnd.slice(0, 7)).toBe('2026-10');
    expect(lightsMonth(lights.map((r) => r.computed?.periodEnd))?.month).toBe('2026-10');

    // The light panel's and the plan section's 序时进度 are the same number, the month-10 figure of the lights' plan.
    const measured = light!.current.computed!.measures.timeElapsedPct;
    expect(measured).not.toBeNull();
    expect(plan!.timeElapsedPct).toBe(measured);
    const used = lightsPlan(plan!.plan, plan!.project.annualPlannedInvestment)!;
    expect(plan!.timeElapsedPct).toBe(timeElapsedForMonth(10, used.figures));
  });

  it('a picked month moves the dashboard’s figures; a month not reported is ignored', async () => {
    const actor = w.actors.dispatch;
    const [latest, september, november, junk] = await Promise.all([
      getDashboard(actor),
      getDashboard(actor, '2026-09'),
      getDashboard(actor, '2026-11'),
      getDashboard(actor, '2025-13'),
    ]);
    const sep = september.headline.investment;
    expect(sep.asOf).toBe('2026-09');
    expect(sep.asOfPicked).toBe(true);
    expect(sep.asOfMonth).toBe(9);
    expect(sep.completed).toBe(september.investmentByMonth[8]!.completedCumulative);
    expect(september.investmentByMonth[9]!.completedCumulative).toBeNull();
    expect(Number(sep.completed)).toBeLessThan(Number(latest.headline.investment.completed));
    expect(sep.timeElapsedPct).toBeLessThan(latest.headline.investment.timeElapsedPct!);
    for (const d of [november, junk]) {
      expect(d.headline.investment.asOf).toBe('2026-10');
      expect(d.headline.investment.asOfPicked).toBe(false);
      expect(d.headline.investment.completed).toBe(latest.headline.investment.completed);
    }
  });

  it('a project without approved reports takes the last month ended, and says so', async () => {
    const actor = w.actors.dispatch;
    await db.update(reports).set({ status: 'submitted' }).where(eq(reports.projectId, projectId));
    const plan = await getPlanSummary(actor, projectId);
    expect(plan!.asOfMonth).toBe('2026-10'); // 2026-11-20: October is the last month that has ended
    expect(plan!.asOfSource).toBe('calendar');
  });
});
