import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { annualPlans, projectLights, projects, reportingPeriods, reports, settings, users } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { computeAndStoreLights } from '@/lib/lights/compute';
import { parseMoney, sumMoney } from '@/lib/money';
import { DUE_AFTER_END, addDays } from '@/lib/reports/schemas';
import { useTestDb } from '@/test/db';
import { DEMO_SETTING } from '@/lib/demo/setting';
import { DEMO_AS_OF, DEMO_PROJECTS } from './demo';
import { DEMO_PLAN_YEAR } from './demo-plans';
import { buildDemoHistory, DEMO_REPORT_MARK, DEMO_REPORT_MONTHS, demoPeriodsOf } from './demo-reports';
import { PROJECTS } from './facts';
import { seed, seedIfEmpty } from './seed';

const getDb = useTestDb();
afterAll(() => setClockForTests(null));

async function snapshot(db: Db) {
  const periods = await db.select().from(reportingPeriods).orderBy(asc(reportingPeriods.startDate));
  const rows = await db
    .select({
      code: projects.code,
      start: reportingPeriods.startDate,
      end: reportingPeriods.endDate,
      status: reports.status,
      amount: reports.investmentThisPeriod,
      progress: reports.physicalProgress,
      percent: reports.percentComplete,
      late: reports.late,
      submittedAt: reports.submittedAt,
      reviewedAt: reports.reviewedAt,
      reviewer: users.username,
      onBehalf: reports.reviewedOnBehalf,
    })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .leftJoin(users, eq(users.id, reports.reviewedById))
    .orderBy(asc(reportingPeriods.startDate), asc(projects.code));
  const lights = await db
    .select({
      code: projects.code,
      end: reportingPeriods.endDate,
      light: projectLights.light,
      reasons: projectLights.reasons,
      measures: projectLights.measures,
    })
    .from(projectLights)
    .innerJoin(projects, eq(projects.id, projectLights.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
    .orderBy(asc(reportingPeriods.endDate), asc(projects.code));
  // Ids differ between runs (sequences are not reset); everything else must not.
  return {
    periods: periods.map(({ id: _id, openedById: _o, ...p }) => p),
    rows,
    lights: lights.map((l) => ({ ...l, reasons: l.reasons.map(({ ruleId: _r, ...r }) => r) })),
  };
}

let first: Awaited<ReturnType<typeof snapshot>> | undefined;

describe('demo reporting history (pure)', () => {
  it('is deterministic, monthly by default, and only in closed periods', () => {
    const a = buildDemoHistory();
    expect(buildDemoHistory()).toEqual(a);
    expect(a.periods.map((p) => p.month)).toEqual([...DEMO_REPORT_MONTHS]);
    for (const p of a.periods) {
      expect(p.kind).toBe('monthly');
      expect(p.dueDate).toBe(addDays(p.endDate, DUE_AFTER_END.monthly));
      expect(p.dueDate < DEMO_AS_OF).toBe(true);
    }
    // Ten-day periods (旬) when that is the cadence: three a month, covering it.
    const dekads = demoPeriodsOf('dekad', 2);
    expect(dekads.map((p) => [p.startDate, p.endDate])).toEqual([
      ['2026-02-01', '2026-02-10'],
      ['2026-02-11', '2026-02-20'],
      ['2026-02-21', '2026-02-28'],
    ]);
    expect(dekads.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 10);
  });

  it('stays within each annual plan, in every status, with demo-marked text', () => {
    const { reports: rows } = buildDemoHistory();
    const plan = new Map(DEMO_PROJECTS.map((d) => [d.code, d.annualPlannedInvestment]));
    const active = PROJECTS.filter((p) => p.stage !== 'operating').map((p) => p.code);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(active));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['approved', 'draft', 'submitted', 'returned']));
    for (const code of active) {
      const own = rows.filter((r) => r.code === code);
      expect(own).toHaveLength(DEMO_REPORT_MONTHS.length);
      const total = sumMoney(own.map((r) => r.investmentThisPeriod ?? '0'));
      expect(parseMoney(total) <= parseMoney(plan.get(code)!), `${code}: ${total} of ${plan.get(code)}`).toBe(true);
      // Someone who reports keeps reporting: more than half of the plan by October for all but the worst.
      expect(Number(total) / Number(plan.get(code)!)).toBeGreaterThan(0.3);
    }
    for (const r of rows) {
      if (r.status === 'draft') {
        expect(r.submittedAt).toBeNull();
        continue;
      }
      expect(r.physicalProgress?.startsWith(DEMO_REPORT_MARK)).toBe(true);
      expect(r.percentComplete).toBeGreaterThanOrEqual(0);
      expect(r.percentComplete).toBeLessThanOrEqual(100);
      if (r.status === 'returned') expect(r.reviewComment ?? '').toMatch(/\S/);
    }
    expect(rows.some((r) => r.status === 'returned')).toBe(true);
    expect(rows.some((r) => r.late)).toBe(true);
    expect(rows.some((r) => r.reviewer === 'office')).toBe(true);
  });
});

describe('demo reporting history (seeded)', () => {
  it('seeds periods, reports and computed lights of all three colours with the demo set', async () => {
    const db = getDb();
    // The app's path: seedIfEmpty includes the history unless told otherwise.
    expect(await seedIfEmpty(db, { demo: true })).toBe(true);
    const snap = await snapshot(db);
    first = snap;

    expect(snap.periods.map((p) => p.startDate)).toEqual(
      DEMO_REPORT_MONTHS.map((m) => `${DEMO_PLAN_YEAR}-${String(m).padStart(2, '0')}-01`),
    );
    // Every approved report belongs to a closed period (ended and past due by DEMO_AS_OF).
    const approved = snap.rows.filter((r) => r.status === 'approved');
    expect(approved.length).toBeGreaterThan(200);
    for (const r of approved) expect(r.end < DEMO_AS_OF).toBe(true);
    for (const p of snap.periods) expect(p.dueDate < DEMO_AS_OF).toBe(true);
    // Reviewed by the project's responsible leader, or by the office on their behalf.
    const leaders = new Map(DEMO_PROJECTS.map((d) => [d.code, d.responsibleLeader]));
    for (const r of approved) expect(r.onBehalf ? 'dispatch' : leaders.get(r.code)).toBe(r.reviewer);

    // Sums: the year's approved investment per project never exceeds its frozen plan.
    const sums = await db.execute<{ code: string; done: string; plan: string }>(sql`
      SELECT p.code, coalesce(sum(r.investment_this_period), 0)::text AS done, ap.frozen_investment::text AS plan
      FROM ${projects} p
      JOIN ${annualPlans} ap ON ap.project_id = p.id AND ap.year = ${DEMO_PLAN_YEAR}
      LEFT JOIN ${reports} r ON r.project_id = p.id AND r.status = 'approved'
      GROUP BY p.code, ap.frozen_investment`);
    const sumRows = (Array.isArray(sums) ? sums : (sums as unknown as { rows: { code: string; done: string; plan: string }[] }).rows) as {
      code: string;
      done: string;
      plan: string;
    }[];
    expect(sumRows.length).toBe(PROJECTS.filter((p) => p.stage !== 'operating').length);
    for (const s of sumRows) expect(Number(s.done)).toBeLessThanOrEqual(Number(s.plan));

    // Lights for September and October, every active project, all three colours in October.
    const october = snap.lights.filter((l) => l.end === `${DEMO_PLAN_YEAR}-10-31`);
    const september = snap.lights.filter((l) => l.end === `${DEMO_PLAN_YEAR}-09-30`);
    expect(october).toHaveLength(sumRows.length);
    expect(september).toHaveLength(sumRows.length);
    expect(new Set(october.map((l) => l.light))).toEqual(new Set(['green', 'yellow', 'red']));
    for (const l of october) expect(l.reasons.length === 0).toBe(l.light === 'green');
    // Missing reports show up as a reason.
    expect(october.some((l) => l.reasons.some((r) => r.measure === 'missing_report'))).toBe(true);

    // TC2025-004 (e2e/plans.spec.ts): all approved, more than 30 points behind in October.
    const tc004 = october.find((l) => l.code === 'TC2025-004')!;
    expect(snap.rows.filter((r) => r.code === 'TC2025-004').every((r) => r.status === 'approved')).toBe(true);
    expect(tc004.light).toBe('red');
    expect(tc004.reasons[0]).toMatchObject({ measure: 'investment_behind_time_elapsed_pp', comparison: 'gt', threshold: 30 });
    expect(tc004.measures.completionPct).toBeLessThan(64);

    // The stored lights are what the engine computes: computing again changes nothing.
    const [dispatch] = await db.select().from(users).where(eq(users.username, 'dispatch'));
    for (const period of await db
      .select()
      .from(reportingPeriods)
      .where(sql`${reportingPeriods.endDate} >= '2026-09-30'`)) {
      await db.transaction((tx) => computeAndStoreLights(tx, { period, actor: { id: dispatch!.id, countyId: null }, today: DEMO_AS_OF }));
    }
    const again = await snapshot(db);
    expect(again.lights).toEqual(snap.lights);
  }, 120_000);

  it('seeds the same history again (deterministic)', async () => {
    const db = getDb();
    await seed(db, { demo: true, history: true });
    expect(first).toBeDefined();
    expect(await snapshot(db)).toEqual(first);
  }, 120_000);

  it('is not part of the facts-only seed, nor of seed() unless asked', async () => {
    const db = getDb();
    await seed(db, { demo: false });
    // No demo set, so no 示例数据 mark anywhere (lib/demo/marker.ts).
    expect(await db.select().from(settings).where(eq(settings.key, DEMO_SETTING))).toHaveLength(0);
    // The two coal-power statements are linked as a possible duplicate, unconfirmed (the office decides).
    const linked = await db
      .select({ code: projects.code, of: projects.possibleDuplicateOfId, d: projects.duplicateDecision })
      .from(projects)
      .where(sql`${projects.possibleDuplicateOfId} IS NOT NULL`);
    const spic = (await db.select({ id: projects.id }).from(projects).where(eq(projects.code, 'TC2025-006')))[0];
    expect(linked).toEqual([{ code: 'TC2025-030', of: spic?.id, d: 'unconfirmed' }]);
    expect(await db.select().from(reportingPeriods)).toHaveLength(0);
    expect(await db.select().from(reports)).toHaveLength(0);
    expect(await db.select().from(projectLights)).toHaveLength(0);
  });

  it('is left out of seed() with the demo set unless asked (fixtures build their own periods)', async () => {
    const db = getDb();
    await seed(db, { demo: true });
    expect(await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_SETTING))).toEqual([{ value: '1' }]);
    expect(await db.select().from(reportingPeriods)).toHaveLength(0);
    expect(await db.select().from(projectLights)).toHaveLength(0);
  });

  it('facts-only seedIfEmpty has no history', async () => {
    const db = getDb();
    expect(await seedIfEmpty(db, { demo: false })).toBe(true);
    expect(await db.select().from(reportingPeriods)).toHaveLength(0);
    expect(await db.select().from(reports)).toHaveLength(0);
    expect(await db.select().from(projectLights)).toHaveLength(0);
  });
});
