/**
 * Every dashboard figure's link opens a list with exactly `count` rows: the href's filters are
 * parsed by the registry's / problem list's own parser and listed by listProjects / listProblems,
 * for the prefecture, a county user and the leads. Plus the new list filters themselves.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { Stage } from '@/db/schema/enums';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { sumMoney } from '@/lib/money';
import { PIPELINE_STAGES, pipelineStage } from '@/lib/plan-years/pipeline-stage';
import { listProblems } from '@/lib/problems/list-problems';
import { problemsSearch } from '@/lib/problems/search-params';
import { listProjects } from '@/lib/projects/list-projects';
import { registrySearch } from '@/lib/projects/search-params';
import { useTestDb } from '@/test/db';
import { lightHref } from './hrefs';
import { getDashboard } from './queries';
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

/** Every id the href's list holds (all pages). */
async function listed(actor: Actor, href: string): Promise<{ total: number; ids: number[] }> {
  const [pathname, qs = ''] = href.split('?');
  const search = new URLSearchParams(qs);
  search.set('size', '100');
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; page <= 50; page++) {
    search.set('page', String(page));
    if (pathname === '/projects') {
      const r = await listProjects(actor, registrySearch.parse(search));
      total = r.total;
      ids.push(...r.rows.map((x) => x.id));
    } else if (pathname === '/problems') {
      const r = await listProblems(actor, problemsSearch.parse(search));
      total = r.total;
      ids.push(...r.rows.map((x) => x.id));
    } else {
      throw new Error(`not a list: ${href}`);
    }
    if (ids.length >= total) break;
  }
  expect(ids.length, href).toBe(total);
  return { total, ids };
}

/** [label, count, href] of every figure, breakdown cell, capacity figure and problem bucket. */
function figures(d: Dashboard): [string, number, string][] {
  const h = d.headline;
  const out: [string, number, string][] = [
    ['projects', h.projects.count, h.projects.href],
    ...h.byStage.map((s): [string, number, string] => [`stage ${s.stage}`, s.count, s.href]),
    ...h.lights.map((l): [string, number, string] => [`light ${l.light}`, l.count, l.href]),
    ...d.pipeline.stages.map((s): [string, number, string] => [`pipeline ${s.stage}`, s.count, s.href]),
    ['investment (all projects)', h.projects.count, h.investment.href],
    ['milestones due (projects)', h.milestonesDue.projects.count, h.milestonesDue.projects.href],
    ['milestones overdue (projects)', h.milestonesOverdue.projects.count, h.milestonesOverdue.projects.href],
    ['open problems', h.openProblems.count, h.openProblems.href],
    ['overdue problems', h.overdueProblems.count, h.overdueProblems.href],
    ['missing reports', h.missingReports.count, h.missingReports.href],
    ['capacity: all', d.capacity.all.count, d.capacity.all.href],
    ['capacity: connected', d.capacity.connectedProjects.count, d.capacity.connectedProjects.href],
    ['capacity: pending', d.capacity.pendingProjects.count, d.capacity.pendingProjects.href],
    ['capacity: unknown', d.capacity.unknownProjects.count, d.capacity.unknownProjects.href],
    ...d.problems.byType.map((t): [string, number, string] => [`problem type ${t.type}`, t.count, t.href]),
    ...d.problems.byAge.map((b): [string, number, string] => [`problem age ${b.bucket}`, b.count, b.href]),
  ];
  for (const [name, rows] of [
    ['category', d.byCategory],
    ['county', d.byCounty],
  ] as const) {
    for (const r of rows) {
      out.push([`${name} ${r.key}`, r.projects, r.href]);
      for (const light of ['red', 'yellow', 'green', 'none'] as const)
        out.push([`${name} ${r.key} ${light}`, r.lights[light], lightHref(r.href, light)]);
    }
  }
  return out;
}

const cases: [string, (w: DashboardWorld) => Actor][] = [
  ['prefecture dispatch office', (x) => x.actors.dispatch],
  ['a county user (额敏县 only)', (x) => x.actors.emin],
  ['a prefecture project lead', (x) => x.actors.lead],
  ['a county project lead', (x) => x.actors.eminLead],
];

describe.each(cases)('every figure’s drill-down lists exactly `count` rows: %s', (_name, pick) => {
  it('headline, breakdowns, capacity and problem buckets', async () => {
    setClockForTests(WORLD_NOW);
    const actor = pick(w);
    const d = await getDashboard(actor);
    const all = figures(d);
    expect(all.length).toBeGreaterThan(30);
    let nonZero = 0;
    for (const [label, count, href] of all) {
      const { total } = await listed(actor, href);
      expect(total, `${label}: ${href}`).toBe(count);
      if (count > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(actor.countyId === null ? 25 : 5);
  });
});

describe('the drill-down lists hold exactly the counted items (ids against hand-written SQL)', () => {
  it('light, milestone, report, energy and county=none filters of the registry', async () => {
    setClockForTests(WORLD_NOW);
    const actor = w.actors.dispatch;
    const ids = async (text: string) => (await q<{ id: number }>(text)).map((r) => Number(r.id)).sort((a, b) => a - b);
    const got = async (href: string) => (await listed(actor, href)).ids.sort((a, b) => a - b);

    const light = (l: string) => `
      WITH latest AS (SELECT DISTINCT ON (pl.project_id) pl.project_id, pl.light FROM project_lights pl
        JOIN reporting_periods rp ON rp.id = pl.period_id ORDER BY pl.project_id, rp.end_date DESC, rp.start_date DESC),
      ov AS (SELECT project_id, light FROM light_overrides WHERE cleared_at IS NULL AND starts_on <= '2026-11-20' AND ends_on >= '2026-11-20')
      SELECT p.id FROM projects p LEFT JOIN latest ON latest.project_id = p.id LEFT JOIN ov ON ov.project_id = p.id
      WHERE coalesce(ov.light, latest.light, 'none') = '${l}'`;
    for (const l of ['red', 'yellow', 'green', 'none']) expect(await got(`/projects?light=${l}`), l).toEqual(await ids(light(l)));
    const redOrNone = [...(await ids(light('red'))), ...(await ids(light('none')))].sort((a, b) => a - b);
    expect(await got('/projects?light=red,none')).toEqual(redOrNone);

    expect(await got('/projects?milestone=overdue')).toEqual(
      await ids(
        `SELECT DISTINCT project_id AS id FROM milestones WHERE actual_date IS NULL AND coalesce(baseline_date, planned_date) < '2026-11-20'`,
      ),
    );
    const due = await ids(`SELECT DISTINCT project_id AS id FROM milestones WHERE actual_date IS NULL
      AND coalesce(baseline_date, planned_date) >= '2026-11-20'
      AND coalesce(forecast_date, planned_date) BETWEEN '2026-11-20' AND '2026-12-20'`);
    expect(due.length).toBeGreaterThan(0);
    expect(await got('/projects?milestone=due30')).toEqual(due);

    const missing = await ids(
      `SELECT project_id AS id FROM reports WHERE period_id = ${w.currentPeriod.id} AND status IN ('draft', 'returned')`,
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(await got('/projects?report=missing')).toEqual(missing);
    expect(await got(`/projects?report=missing&period=${w.currentPeriod.id}`)).toEqual(missing);
    const octoberMissing = await ids(
      `SELECT project_id AS id FROM reports WHERE period_id = ${w.periods[2]!.id} AND status IN ('draft', 'returned')`,
    );
    expect(await got(`/projects?report=missing&period=${w.periods[2]!.id}`)).toEqual(octoberMissing);

    const energy = `SELECT p.id FROM projects p WHERE p.category_code IN ('wind', 'solar', 'wind_solar')
      AND p.capacity_unit IN ('万千瓦', 'MW') AND p.capacity > 0`;
    const connected = `(p.stage = 'operating' OR EXISTS (SELECT 1 FROM milestones m WHERE m.project_id = p.id AND m.kind = 'grid_connection' AND m.actual_date IS NOT NULL))`;
    expect(await got('/projects?energy=all')).toEqual(await ids(energy));
    expect(await got('/projects?energy=connected')).toEqual(await ids(`${energy} AND ${connected}`));
    expect(await got('/projects?energy=pending')).toEqual(await ids(`${energy} AND NOT ${connected}`));
    // New-energy projects whose capacity is not a power capacity are listed, not dropped.
    expect(await got('/projects?energy=unknown')).toEqual(
      await ids(`SELECT p.id FROM projects p WHERE p.category_code IN ('wind', 'solar', 'wind_solar', 'new_energy')
        AND NOT (coalesce(btrim(p.capacity_unit), '') IN ('万千瓦', 'MW') AND coalesce(p.capacity, 0) > 0)`),
    );

    // county=none: the projects whose location is not reported (they touch no county).
    const noCounty = await ids('SELECT id FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_counties pc WHERE pc.project_id = p.id)');
    expect(noCounty.length).toBeGreaterThan(0);
    expect(await got('/projects?county=none')).toEqual(noCounty);
    expect(await got(`/projects?county=none,${w.emin.id}`)).toEqual(
      await ids(
        `SELECT id FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_counties pc WHERE pc.project_id = p.id)
           OR EXISTS (SELECT 1 FROM project_counties pc WHERE pc.project_id = p.id AND pc.county_id = ${w.emin.id})`,
      ),
    );
    // A county user's scope still applies: every project they see touches their county.
    expect((await listed(w.actors.emin, '/projects?county=none')).total).toBe(0);
  });

  it('pipeline stages: the TypeScript rule over each project’s dates gives the same projects as each link', async () => {
    setClockForTests(WORLD_NOW);
    const d = await getDashboard(w.actors.dispatch);
    expect(d.pipeline.year).toBe(2026);
    const facts = await q<{ id: number; stage: Stage; actual: string | null; planned: string | null }>(
      `SELECT p.id, p.stage, min(m.actual_date)::text AS actual, coalesce(min(m.planned_date), p.start_date)::text AS planned
       FROM projects p LEFT JOIN milestones m ON m.project_id = p.id AND m.kind = 'start_works' GROUP BY p.id`,
    );
    const expected = (stage: string) =>
      facts
        .filter((f) => pipelineStage({ stage: f.stage, actualStart: f.actual, plannedStart: f.planned }, 2026) === stage)
        .map((f) => Number(f.id))
        .sort((a, b) => a - b);
    expect(d.pipeline.stages.map((s) => s.stage)).toEqual([...PIPELINE_STAGES]);
    for (const s of d.pipeline.stages) {
      expect(s.href, s.stage).toContain('year=2026');
      expect(
        (await listed(w.actors.dispatch, s.href)).ids.sort((a, b) => a - b),
        s.stage,
      ).toEqual(expected(s.stage));
      expect(s.count, s.stage).toBe(expected(s.stage).length);
    }
    expect(d.pipeline.stages.reduce((a, s) => a + s.count, 0)).toBe(d.headline.projects.count);
    // The demo portfolio has projects in several stages, so the figures are not all one number.
    expect(d.pipeline.stages.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(3);
    // The plans add up to the headline's.
    expect(sumMoney(d.pipeline.stages.map((s) => s.planned))).toBe(d.headline.investment.planned);
  });

  it('the problem list’s age filter', async () => {
    setClockForTests(WORLD_NOW);
    const ages = await q<{ id: number; age: number }>(
      `SELECT id, '2026-11-20'::date - (created_at AT TIME ZONE 'Asia/Shanghai')::date AS age FROM problems`,
    );
    const inRange = (lo: number, hi: number) =>
      ages
        .filter((a) => Number(a.age) >= lo && Number(a.age) <= hi)
        .map((a) => Number(a.id))
        .sort((a, b) => a - b);
    const got = async (href: string) => (await listed(w.actors.dispatch, href)).ids.sort((a, b) => a - b);
    expect(await got('/problems?age=0-30')).toEqual(inRange(0, 30));
    expect(await got('/problems?age=31-90')).toEqual(inRange(31, 90));
    expect(await got('/problems?age=91-180')).toEqual(inRange(91, 180));
    expect(await got('/problems?age=180+')).toEqual(inRange(181, 100_000));
    expect(await got('/problems?age=0-30,180+')).toEqual([...inRange(0, 30), ...inRange(181, 100_000)].sort((a, b) => a - b));
    // The boundaries: the world raised problems 29, 31, 90, 91 and 181 days ago.
    expect(inRange(31, 31).length + inRange(90, 91).length + inRange(181, 181).length).toBe(4);
  });
});

describe('the new filters’ parsing (unknown values are ignored; the URL round-trips)', () => {
  it('registry', () => {
    const p = registrySearch.parse(
      new URLSearchParams('light=red,purple,none&milestone=due30&report=missing&period=7&energy=connected&county=3,none,x'),
    );
    expect(p.light).toEqual(['red', 'none']);
    expect(p.milestone).toBe('due30');
    expect(p.report).toBe('missing');
    expect(p.period).toBe(7);
    expect(p.energy).toBe('connected');
    expect(p.county).toEqual([3]);
    expect(p.countyNone).toBe(true);
    expect(registrySearch.parse(new URLSearchParams(registrySearch.query(p)))).toEqual(p);
    const bad = registrySearch.parse(new URLSearchParams('light=blue&milestone=soon&report=late&period=-1&energy=coal'));
    expect([bad.light, bad.milestone, bad.report, bad.period, bad.energy]).toEqual([[], null, null, null, null]);
    // period without report=missing is kept out of the URL.
    expect(registrySearch.query({ ...p, report: null })).not.toContain('period');
  });

  it('problem list', () => {
    const p = problemsSearch.parse(new URLSearchParams('age=0-30,180+,old,31-90&status=open'));
    expect(p.age).toEqual(['0-30', '180+', '31-90']);
    expect(problemsSearch.parse(new URLSearchParams('age=1-2')).age).toEqual([]);
  });
});
