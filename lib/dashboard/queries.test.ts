/**
 * Every dashboard figure against an independent ground truth: plain SQL written here by hand
 * (not the query functions, not their SQL fragments), on the seeded demo data set plus the
 * world's periods, reports, lights, overrides and problems — for the prefecture dispatch office,
 * a county user (额敏县 only), a prefecture lead and a county lead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { NEW_ENERGY_CAPACITY_TARGET } from '@/lib/seed/facts';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { getDashboard, getTimeline } from './queries';
import { buildDashboardWorld, type DashboardWorld, WORLD_NOW } from './test-world';
import type { Dashboard } from './types';

const getTestDb = useTestDb({ reset: 'file' });
let w: DashboardWorld;
let db: Db;

beforeAll(async () => {
  db = getTestDb();
  w = await buildDashboardWorld(db);
}, 120_000);
afterAll(() => setClockForTests(null));

async function q<T>(text: string): Promise<T[]> {
  const res = (await db.execute(sql.raw(text))) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

const TODAY = "'2026-11-20'::date";

/** The scope condition on a table alias `p` of projects, written out by hand: the project touches the actor's county. */
function scope(actor: Actor): string {
  return actor.countyId === null
    ? 'true'
    : `(p.county_id = ${actor.countyId} OR EXISTS (SELECT 1 FROM project_counties pc0 WHERE pc0.project_id = p.id AND pc0.county_id = ${actor.countyId}))`;
}

/** Effective light per project (hand-written: latest computed by period end, an override applying today wins). */
function lightsCte(actor: Actor): string {
  return `latest AS (
      SELECT DISTINCT ON (pl.project_id) pl.project_id, pl.light
      FROM project_lights pl JOIN reporting_periods rp ON rp.id = pl.period_id
      ORDER BY pl.project_id, rp.end_date DESC, rp.start_date DESC
    ), ov AS (
      SELECT project_id, light FROM light_overrides
      WHERE cleared_at IS NULL AND starts_on <= ${TODAY} AND ends_on >= ${TODAY}
    ), eff AS (
      SELECT p.id, p.category_code, p.county_id, p.stage, coalesce(ov.light, latest.light, 'none') AS light
      FROM projects p LEFT JOIN latest ON latest.project_id = p.id LEFT JOIN ov ON ov.project_id = p.id
      WHERE ${scope(actor)}
    )`;
}

/** Plan and completed investment per project for 2026 (hand-written). */
function moneyCte(actor: Actor, through = '2026-12-31'): string {
  return `plan AS (
      SELECT p.id,
        CASE WHEN ap.frozen_at IS NOT NULL THEN ap.frozen_investment
             WHEN ap.id IS NOT NULL THEN ap.planned_investment
             WHEN p.stage <> 'operating' THEN p.annual_planned_investment
             ELSE NULL END AS amount,
        CASE WHEN ap.frozen_at IS NOT NULL THEN ap.frozen_monthly_targets
             WHEN ap.id IS NOT NULL THEN ap.monthly_targets END AS monthly
      FROM projects p LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = 2026
      WHERE ${scope(actor)}
    ), done AS (
      SELECT r.project_id AS id, sum(r.investment_this_period) AS amount
      FROM reports r JOIN reporting_periods rp ON rp.id = r.period_id JOIN projects p ON p.id = r.project_id
      WHERE r.status = 'approved' AND rp.start_date >= '2026-01-01' AND rp.end_date <= '${through}' AND ${scope(actor)}
      GROUP BY r.project_id
    )`;
}

const money = (v: string | number | null | undefined) => Number(v ?? 0).toFixed(2);

const cases: [string, (w: DashboardWorld) => Actor][] = [
  ['prefecture dispatch office', (x) => x.actors.dispatch],
  ['a county user (额敏县 only)', (x) => x.actors.emin],
  ['a prefecture project lead', (x) => x.actors.lead],
  ['a county project lead', (x) => x.actors.eminLead],
];

describe.each(cases)('dashboard figures = hand-written SQL: %s', (_name, pick) => {
  let actor: Actor;
  let d: Dashboard;
  beforeAll(async () => {
    setClockForTests(WORLD_NOW);
    actor = pick(w);
    d = await getDashboard(actor);
  });

  it('projects and stages', async () => {
    const [total] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM projects p WHERE ${scope(actor)}`);
    expect(d.headline.projects.count).toBe(Number(total!.n));
    expect(d.headline.projects.count).toBeGreaterThan(0);
    const stages = await q<{ stage: string; n: number }>(
      `SELECT stage, count(*)::int AS n FROM projects p WHERE ${scope(actor)} GROUP BY stage`,
    );
    for (const s of d.headline.byStage) {
      expect(s.count, s.stage).toBe(Number(stages.find((x) => x.stage === s.stage)?.n ?? 0));
    }
    expect(d.headline.byStage.reduce((a, s) => a + s.count, 0)).toBe(d.headline.projects.count);
  });

  it('lights (override applying today, else the latest computed light; none without either)', async () => {
    const rows = await q<{ light: string; n: number }>(`WITH ${lightsCte(actor)} SELECT light, count(*)::int AS n FROM eff GROUP BY light`);
    for (const l of d.headline.lights) {
      expect(l.count, String(l.light)).toBe(Number(rows.find((x) => x.light === (l.light ?? 'none'))?.n ?? 0));
    }
    expect(d.headline.lights.reduce((a, l) => a + l.count, 0)).toBe(d.headline.projects.count);
  });

  it('annual planned vs completed investment, completion rate and time-elapsed progress, all as of October', async () => {
    // The world's periods are August … November; November has approved reports but has not
    // ended (2026-11-20), so October is the as-of month (lib/plans/as-of.ts): the plan and the
    // approved actuals are both taken through 31 October, and November's approvals wait.
    const [row] = await q<{ planned: string; completed: string }>(
      `WITH ${moneyCte(actor, '2026-10-31')} SELECT (SELECT coalesce(sum(amount), 0) FROM plan)::text AS planned, (SELECT coalesce(sum(amount), 0) FROM done)::text AS completed`,
    );
    const inv = d.headline.investment;
    expect(inv.year).toBe(2026);
    expect(inv.planned).toBe(money(row!.planned));
    expect(inv.completed).toBe(money(row!.completed));
    expect(Number(inv.completed)).toBeGreaterThan(0);
    // A percentage with one decimal, half away from zero (PostgreSQL's round(numeric, 1) rounds the same way).
    const [rate] = await q<{ v: string }>(
      `WITH ${moneyCte(actor, '2026-10-31')} SELECT round((SELECT sum(amount) FROM done) * 100 / (SELECT sum(amount) FROM plan), 1)::text AS v`,
    );
    expect(inv.completionPct).toBe(Number(rate!.v));
    expect(inv.asOfMonth).toBe(10);
    expect(inv.asOf).toBe('2026-10');
    expect(inv.asOfPicked).toBe(false);
    expect(inv.asOfOptions).toEqual(['2026-08', '2026-09', '2026-10']);
    const [elapsed] = await q<{ v: string }>(
      `WITH ${moneyCte(actor)}, cum AS (
         SELECT CASE WHEN monthly IS NULL THEN amount * 10 / 12
           ELSE (SELECT sum(x::numeric) FROM jsonb_array_elements_text(monthly) WITH ORDINALITY AS t(x, i) WHERE i <= 10) END AS v
         FROM plan WHERE amount IS NOT NULL)
       SELECT round(round((SELECT sum(v) FROM cum), 2) * 100 / (SELECT sum(amount) FROM plan), 1)::text AS v`,
    );
    expect(inv.timeElapsedPct).toBe(Number(elapsed!.v));
  });

  it('cumulative planned and completed investment by month', async () => {
    const rows = await q<{ m: number; planned: string; completed: string }>(
      `WITH ${moneyCte(actor)}, months AS (SELECT generate_series(1, 12) AS m)
       SELECT months.m,
         round((SELECT sum(CASE WHEN monthly IS NULL THEN amount * months.m / 12
           ELSE (SELECT sum(x::numeric) FROM jsonb_array_elements_text(monthly) WITH ORDINALITY AS t(x, i) WHERE i <= months.m) END)
           FROM plan WHERE amount IS NOT NULL), 2)::text AS planned,
         (SELECT coalesce(sum(r.investment_this_period), 0) FROM reports r JOIN reporting_periods rp ON rp.id = r.period_id
           JOIN projects p ON p.id = r.project_id
           WHERE r.status = 'approved' AND rp.start_date >= '2026-01-01' AND rp.end_date <= make_date(2026, months.m, 1) + interval '1 month' - interval '1 day'
             AND ${scope(actor)})::text AS completed
       FROM months ORDER BY months.m`,
    );
    expect(d.investmentByMonth).toHaveLength(12);
    for (const r of rows) {
      const month = d.investmentByMonth[Number(r.m) - 1]!;
      expect(month.month).toBe(Number(r.m));
      expect(month.plannedCumulative, `planned ${r.m}`).toBe(money(r.planned));
      // Only the reported months (August … October) have a completed figure: January … July have
      // no periods, November has not ended, December has not begun; they are gaps, not flat lines.
      const reported = Number(r.m) >= 8 && Number(r.m) <= 10;
      expect(month.completedCumulative, `completed ${r.m}`).toBe(reported ? money(r.completed) : null);
    }
    expect(d.investmentByMonth[11]!.plannedCumulative).toBe(d.headline.investment.planned);
  });

  it('breakdowns by category and by county: projects, planned, completed, lights', async () => {
    // By county: one row per county a project touches (a project crossing counties is in each), '' for none.
    for (const [rows, col, from] of [
      [d.byCategory, 'category_code', ''],
      [d.byCounty, "coalesce(pc.county_id::text, '')", 'LEFT JOIN project_counties pc ON pc.project_id = eff.id'],
    ] as const) {
      const truth = await q<{
        k: string;
        n: number;
        planned: string;
        completed: string;
        red: number;
        yellow: number;
        green: number;
        none: number;
      }>(
        `WITH ${lightsCte(actor)}, ${moneyCte(actor)}
         SELECT ${col} AS k, count(*)::int AS n, coalesce(sum(plan.amount), 0)::text AS planned, coalesce(sum(done.amount), 0)::text AS completed,
           count(*) FILTER (WHERE light = 'red')::int AS red, count(*) FILTER (WHERE light = 'yellow')::int AS yellow,
           count(*) FILTER (WHERE light = 'green')::int AS green, count(*) FILTER (WHERE light = 'none')::int AS none
         FROM eff ${from} LEFT JOIN plan ON plan.id = eff.id LEFT JOIN done ON done.id = eff.id
         GROUP BY 1`,
      );
      expect(rows.map((r) => r.key).sort()).toEqual(truth.map((t) => t.k).sort());
      for (const r of rows) {
        const t = truth.find((x) => x.k === r.key)!;
        expect(r.projects, r.key).toBe(Number(t.n));
        expect(r.planned, r.key).toBe(money(t.planned));
        expect(r.completed, r.key).toBe(money(t.completed));
        expect(r.lights, r.key).toEqual({ red: Number(t.red), yellow: Number(t.yellow), green: Number(t.green), none: Number(t.none) });
      }
    }
    // A county user's own county holds every project they see; another county's row, only projects crossing into it.
    if (actor.countyId !== null) {
      expect(d.byCounty.find((r) => r.key === String(actor.countyId))?.projects).toBe(d.headline.projects.count);
      for (const r of d.byCounty.filter((x) => x.key !== String(actor.countyId))) expect(r.shared, r.key).toBe(r.projects);
    }
  });

  it('by county, a project crossing counties counts in each county it touches; the totals count it once', async () => {
    const [t] = await q<{ shared: number; distinct_n: number }>(
      `SELECT count(*) FILTER (WHERE (SELECT count(*) FROM project_counties pc WHERE pc.project_id = p.id) > 1)::int AS shared,
         count(*)::int AS distinct_n
       FROM projects p WHERE ${scope(actor)}`,
    );
    expect(t!.shared).toBeGreaterThan(0); // the seed's S317 裕民—托里 and 塔额 750 kV line (or, for 额敏县, the line)
    expect(d.crossCountyProjects).toBe(Number(t!.shared));
    expect(d.headline.projects.count).toBe(Number(t!.distinct_n));
    const rowSum = d.byCounty.reduce((a, r) => a + r.projects, 0);
    const sharedSum = d.byCounty.reduce((a, r) => a + r.shared, 0);
    // Each crossing project is in at least two rows: the rows add up to more than the total, by exactly the extra rows.
    expect(rowSum).toBeGreaterThan(d.headline.projects.count);
    expect(rowSum - d.headline.projects.count).toBe(sharedSum - d.crossCountyProjects);
    expect(d.byCategory.reduce((a, r) => a + r.projects, 0)).toBe(d.headline.projects.count);
    expect(d.byCategory.every((r) => r.shared === 0)).toBe(true);
  });

  it('milestones due within 30 days and overdue', async () => {
    const [m] = await q<{ due: number; due_p: number; od: number; od_p: number }>(
      `SELECT
         count(*) FILTER (WHERE due)::int AS due, count(DISTINCT project_id) FILTER (WHERE due)::int AS due_p,
         count(*) FILTER (WHERE od)::int AS od, count(DISTINCT project_id) FILTER (WHERE od)::int AS od_p
       FROM (
         SELECT m.project_id,
           coalesce(m.baseline_date, m.planned_date) < ${TODAY} AS od,
           coalesce(m.baseline_date, m.planned_date) >= ${TODAY}
             AND coalesce(m.forecast_date, m.planned_date) >= ${TODAY}
             AND coalesce(m.forecast_date, m.planned_date) <= '2026-12-20'::date AS due
         FROM milestones m JOIN projects p ON p.id = m.project_id
         WHERE m.actual_date IS NULL AND ${scope(actor)}) x`,
    );
    expect(d.headline.milestonesDue.milestones).toBe(Number(m!.due));
    expect(d.headline.milestonesDue.projects.count).toBe(Number(m!.due_p));
    expect(d.headline.milestonesOverdue.milestones).toBe(Number(m!.od));
    expect(d.headline.milestonesOverdue.projects.count).toBe(Number(m!.od_p));
    if (actor.countyId === null) {
      // The world's due milestones: 30 Nov (forecast), 20 Dec (planned), today, day 30 — not day 31,
      // not the one whose baseline passed, not the done one.
      expect(d.headline.milestonesDue.milestones).toBeGreaterThanOrEqual(4);
      expect(d.headline.milestonesOverdue.milestones).toBeGreaterThan(0);
    }
  });

  it('open and overdue problems; active problems by type and by age', async () => {
    const rows = await q<{ type: string; bucket: string; n: number; od: number }>(
      `SELECT type,
         CASE WHEN age <= 30 THEN '0-30' WHEN age <= 90 THEN '31-90' WHEN age <= 180 THEN '91-180' ELSE '180+' END AS bucket,
         count(*)::int AS n, count(*) FILTER (WHERE deadline < ${TODAY})::int AS od
       FROM (SELECT pr.*, ${TODAY} - (pr.created_at AT TIME ZONE 'Asia/Shanghai')::date AS age
             FROM problems pr JOIN projects p ON p.id = pr.project_id
             WHERE pr.status IN ('open', 'in_progress') AND ${scope(actor)}) x
       GROUP BY 1, 2`,
    );
    const sum = (f: (r: (typeof rows)[number]) => boolean, k: 'n' | 'od' = 'n') => rows.filter(f).reduce((a, r) => a + Number(r[k]), 0);
    expect(d.headline.openProblems.count).toBe(sum(() => true));
    expect(d.headline.overdueProblems.count).toBe(sum(() => true, 'od'));
    for (const t of d.problems.byType) expect(t.count, t.type).toBe(sum((r) => r.type === t.type));
    for (const b of d.problems.byAge) expect(b.count, b.bucket).toBe(sum((r) => r.bucket === b.bucket));
    if (actor.countyId === null) {
      // The world has active problems in every age bucket.
      for (const b of d.problems.byAge) expect(b.count, b.bucket).toBeGreaterThan(0);
    }
  });

  it('reports missing for the current period (November: draft or returned)', async () => {
    const [r] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r JOIN projects p ON p.id = r.project_id
       WHERE r.period_id = ${w.currentPeriod.id} AND r.status IN ('draft', 'returned') AND ${scope(actor)}`,
    );
    expect(d.headline.missingReports.periodId).toBe(w.currentPeriod.id);
    expect(d.headline.missingReports.periodLabel).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(d.headline.missingReports.count).toBe(Number(r!.n));
  });

  it('new-energy capacity: target from the setting, connected and total capacity in 万千瓦', async () => {
    const rows = await q<{ id: number; cap: string; connected: boolean }>(
      `SELECT p.id,
         (CASE p.capacity_unit WHEN '万千瓦' THEN p.capacity WHEN 'MW' THEN p.capacity / 10 END)::text AS cap,
         (p.stage = 'operating' OR EXISTS (SELECT 1 FROM milestones m WHERE m.project_id = p.id AND m.kind = 'grid_connection' AND m.actual_date IS NOT NULL)) AS connected
       FROM projects p
       WHERE p.category_code IN ('wind', 'solar', 'wind_solar') AND p.capacity_unit IN ('万千瓦', 'MW') AND p.capacity > 0 AND ${scope(actor)}`,
    );
    const c = d.capacity;
    // The target is the prefecture's: a county's view shows its projects' capacity, never a share of it.
    // The target is set for 2025: the 2026 dashboard names it and measures nothing against it; 2025's measures.
    expect(c.target).toBeNull();
    expect(c.otherYearTarget).toEqual(actor.countyId === null ? { year: 2025, amount: 1000 } : null);
    const of2025 = (await getDashboard(actor, null, 2025)).capacity;
    expect(of2025.target).toBe(actor.countyId === null ? 1000 : null);
    expect(of2025.targetQuote).toBe(actor.countyId === null ? '力争年内累计并网规模达到1000万千瓦' : null);
    expect(of2025.otherYearTarget).toBeNull();
    expect(c.countyScope).toBe(actor.countyId !== null);
    expect(c.targetYear).toBe(2025);
    const [unknown] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM projects p WHERE p.category_code IN ('wind', 'solar', 'wind_solar', 'new_energy')
         AND NOT (coalesce(btrim(p.capacity_unit), '') IN ('万千瓦', 'MW') AND coalesce(p.capacity, 0) > 0) AND ${scope(actor)}`,
    );
    expect(c.unknownProjects.count).toBe(Number(unknown!.n));
    expect(c.planned).toBeCloseTo(
      rows.reduce((a, r) => a + Number(r.cap), 0),
      6,
    );
    expect(c.connected).toBeCloseTo(
      rows.filter((r) => r.connected).reduce((a, r) => a + Number(r.cap), 0),
      6,
    );
    expect(c.all.count).toBe(rows.length);
    expect(c.connectedProjects.count).toBe(rows.filter((r) => r.connected).length);
    expect(c.pendingProjects.count).toBe(rows.filter((r) => !r.connected).length);
    expect(c.projects.map((p) => p.projectId).sort()).toEqual(rows.map((r) => Number(r.id)).sort());
    for (const p of c.projects) expect(p.connected).toBe(rows.find((r) => Number(r.id) === p.projectId)!.connected);
    if (actor.countyId === null) {
      // The world: one project in MW (350 MW = 35 万千瓦) and not connected, the others connected.
      expect(c.projects.some((p) => p.capacity === 35 && !p.connected)).toBe(true);
      expect(c.pendingProjects.count).toBeGreaterThan(0);
      expect(c.connectedProjects.count).toBeGreaterThan(0);
    }
  });

  it('the timeline shows the projects in scope with their milestones and lights', async () => {
    const t = await getTimeline(actor, { category: [], county: [], leader: [] }, 200);
    const [n] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM projects p WHERE ${scope(actor)}`);
    expect(t.total).toBe(Number(n!.n));
    expect(t.projects).toHaveLength(Math.min(200, Number(n!.n)));
    expect(t.today).toBe('2026-11-20');
    const ms = await q<{ project_id: number; n: number }>(
      `SELECT m.project_id, count(*)::int AS n FROM milestones m JOIN projects p ON p.id = m.project_id WHERE ${scope(actor)} GROUP BY 1`,
    );
    const lights = await q<{ id: number; light: string }>(`WITH ${lightsCte(actor)} SELECT id, light FROM eff`);
    for (const p of t.projects) {
      expect(p.milestones.length, p.code).toBe(Number(ms.find((m) => Number(m.project_id) === p.projectId)?.n ?? 0));
      expect(p.light ?? 'none', p.code).toBe(lights.find((l) => Number(l.id) === p.projectId)!.light);
      for (const m of p.milestones) {
        expect(m.overdue).toBe(m.actual === null && (m.baseline ?? m.planned) < '2026-11-20');
        // Inside the drawn window, unless the window is clamped (3 years back, 5 years ahead).
        for (const day of [m.planned, m.baseline, m.forecast, m.actual]) {
          if (day) expect((day >= t.from || t.from === '2023-11-01') && (day <= t.to || t.to === '2031-11-30'), day).toBe(true);
        }
      }
    }
  });
});

describe('timeline filters and limit', () => {
  it('filters by category, county and responsible leader, within the scope; the limit caps the list, not the total', async () => {
    setClockForTests(WORLD_NOW);
    const actor = w.actors.dispatch;
    const [pick] = await q<{ category_code: string; county_id: number; leader: number }>(
      `SELECT category_code, county_id, responsible_leader_id AS leader FROM projects WHERE county_id IS NOT NULL AND responsible_leader_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const filters = { category: [pick!.category_code], county: [Number(pick!.county_id)], leader: [Number(pick!.leader)] };
    const [n] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM projects WHERE category_code = '${pick!.category_code}' AND county_id = ${pick!.county_id} AND responsible_leader_id = ${pick!.leader}`,
    );
    const t = await getTimeline(actor, filters);
    expect(t.total).toBe(Number(n!.n));
    expect(t.projects).toHaveLength(Number(n!.n));
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM projects');
    const limited = await getTimeline(actor, { category: [], county: [], leader: [] }, 5);
    expect(limited.projects).toHaveLength(5);
    expect(limited.total).toBe(Number(all!.n));
    expect(limited.projects.map((p) => p.code)).toEqual([...limited.projects.map((p) => p.code)].sort());
    // A county user asking for another county's projects gets none.
    const other = await getTimeline(w.actors.emin, {
      category: [],
      county: [Number(pick!.county_id) === w.emin.id ? 1 : Number(pick!.county_id)],
      leader: [],
    });
    if (Number(pick!.county_id) !== w.emin.id) expect(other.total).toBe(0);
  });
});

const REPORT = path.join(process.cwd(), '..', 'shared', 'source', 'tacheng-2025-government-work-report.txt');

describe('the capacity target is a fact of the report', () => {
  it.skipIf(!existsSync(REPORT))('the setting’s quote is verbatim in the work report', () => {
    const text = readFileSync(REPORT, 'utf8');
    expect(text).toContain(NEW_ENERGY_CAPACITY_TARGET.source.quote);
    expect(text).toContain(`${NEW_ENERGY_CAPACITY_TARGET.amount}万千瓦`);
  });
});
