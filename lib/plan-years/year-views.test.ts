/**
 * The year's key-project list decides what every portfolio view counts (issue 14 §1): after
 * 2025 is rolled into 2026 with one project dropped and one added, the 2026 registry, dashboard,
 * lights, problem list and meetings hold the 2026 list, and 2025 stays as it was (history).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { planYearProjects, planYears, problems } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { getDashboard } from '@/lib/dashboard/queries';
import { translator } from '@/lib/i18n/translate';
import { getCurrentLights } from '@/lib/lights/queries';
import { buildLightWorld, type LightWorld, makeMonth, storeLight } from '@/lib/lights/test-world';
import { scopedProjectIds } from '@/lib/meetings/snapshot';
import { listProblems } from '@/lib/problems/list-problems';
import { problemsSearch } from '@/lib/problems/search-params';
import { createProject } from '@/lib/projects/actions';
import { countProjects, listProjects } from '@/lib/projects/queries';
import { registrySearch } from '@/lib/projects/search-params';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { rollOverYear } from './rollover';
import { offeredYears, pickYear } from './selection';
import { writeYearList } from './year-list';
import { yearDay } from './year-day';

const getDb = useTestDb();
let w: LightWorld;
let dropped: { id: number };
let added: { id: number };
let unlisted: { id: number };

// 10 March 2026 in Asia/Shanghai: 2025 is past, 2026 the current year.
const TODAY = new Date('2026-03-10T04:00:00Z');
beforeAll(() => setClockForTests(TODAY));
afterAll(() => setClockForTests(null));

async function rollOver() {
  const listed = [w.project.id, w.projectB.id, dropped.id];
  const [from] = await getDb().select().from(planYears).where(eq(planYears.year, 2025));
  const res = await rollOverYear.execute(
    w.actors.dispatch,
    {
      fromYear: 2025,
      version: from!.version,
      decisions: listed.map((projectId) => ({ projectId, decision: projectId === dropped.id ? 'drop' : 'continue' })),
      added: [added.id],
    },
    translator('en'),
  );
  expect(res.ok).toBe(true);
}

beforeEach(async () => {
  setClockForTests(TODAY);
  w = await buildLightWorld();
  dropped = await makeProject({ code: 'KP-Y3', countyId: w.countyA.id, categoryCode: w.category.code, stage: 'construction' });
  added = await makeProject({ code: 'KP-Y4', countyId: w.countyA.id, categoryCode: w.category.code, stage: 'preliminary' });
  // A registry project that neither year's list holds (a candidate).
  unlisted = await makeProject({ code: 'KP-Y5', countyId: w.countyA.id, categoryCode: w.category.code, stage: 'preliminary' });
  await getDb().transaction((tx) =>
    writeYearList(tx, {
      year: 2025,
      fromYear: null,
      actorId: null,
      at: new Date('2025-01-01T00:00:00Z'),
      entries: [w.project, w.projectB, dropped].map((p) => ({ projectId: p.id, joinedAs: 'report' as const })),
    }),
  );
});

const codes = (rows: { code: string }[]) => rows.map((r) => r.code).sort();
const registry = (q: Record<string, string> = {}) => registrySearch.parse(q);

describe('the plan year decides what the portfolio views count', () => {
  it('before 2026 has a list, the 2026 views count every project; the 2025 registry holds the 2025 list', async () => {
    const all = await listProjects(w.actors.dispatch, registry());
    expect(codes(all.rows)).toEqual(['KP-L1', 'KP-L2', 'KP-Y3', 'KP-Y4', 'KP-Y5']);
    expect(codes((await listProjects(w.actors.dispatch, registry({ year: '2025' }))).rows)).toEqual(['KP-L1', 'KP-L2', 'KP-Y3']);
    expect(codes((await listProjects(w.actors.dispatch, registry({ year: '2025', listed: 'out' }))).rows)).toEqual(['KP-Y4', 'KP-Y5']);
    expect((await getDashboard(w.actors.dispatch, null, 2026)).headline.projects.count).toBe(5);
    // No list for 2026: nothing is "outside" it.
    expect(await countProjects(w.actors.dispatch, registry({ listed: 'out' }))).toBe(0);
  });

  it('after the rollover: the 2026 registry, dashboard, lights, problems and meetings hold the 2026 list; 2025 keeps its own', async () => {
    await rollOver();
    // Registry: the current year's list by default, the rest one link away.
    expect(codes((await listProjects(w.actors.dispatch, registry())).rows)).toEqual(['KP-L1', 'KP-L2', 'KP-Y4']);
    expect(codes((await listProjects(w.actors.dispatch, registry({ listed: 'out' }))).rows)).toEqual(['KP-Y3', 'KP-Y5']);
    expect((await listProjects(w.actors.dispatch, registry({ listed: 'all' }))).total).toBe(5);
    expect(codes((await listProjects(w.actors.dispatch, registry({ year: '2025' }))).rows)).toEqual(['KP-L1', 'KP-L2', 'KP-Y3']);

    // Dashboard: the dropped project leaves 2026's counts and stays in 2025's.
    const d2026 = await getDashboard(w.actors.dispatch, null, 2026);
    const d2025 = await getDashboard(w.actors.dispatch, null, 2025);
    expect(d2026.headline.projects.count).toBe(3);
    expect(d2025.headline.projects.count).toBe(3);
    expect(d2026.headline.projects.href).toBe('/projects?mine=0');
    expect(d2025.headline.projects.href).toContain('year=2025');
    expect(d2026.headline.openProblems.href).toContain('year=2026');

    // A county user sees its county's projects of the year only.
    expect((await getDashboard(w.actors.countyBDispatch, null, 2026)).headline.projects.count).toBe(1);

    // Problems: the dashboard's links name the year; the list without a year holds every project's.
    await getDb()
      .insert(problems)
      .values({ projectId: dropped.id, description: '征地未完成', type: 'land', deadline: '2026-04-30', raisedById: w.users.dispatch.id });
    const of2026 = await listProblems(w.actors.dispatch, problemsSearch.parse({ year: '2026' }));
    const any = await listProblems(w.actors.dispatch, problemsSearch.parse({}));
    expect(of2026.total).toBe(0);
    expect(any.total).toBe(1);
    expect(d2026.headline.openProblems.count).toBe(0);

    // Meetings cover the list of their date's year.
    const scope = { scopeCategoryCode: null, scopeCountyId: null, scopeLeaderId: null };
    const ids2026 = (await scopedProjectIds(getDb(), { ...scope, meetingDate: '2026-03-20' })).map((p) => p.id);
    const ids2025 = (await scopedProjectIds(getDb(), { ...scope, meetingDate: '2025-11-20' })).map((p) => p.id);
    expect(ids2026.sort()).toEqual([w.project.id, w.projectB.id, added.id].sort());
    expect(ids2025.sort()).toEqual([w.project.id, w.projectB.id, dropped.id].sort());
    expect(ids2026).not.toContain(unlisted.id);
  });

  it('a project entered while the current year’s list is open joins it (增补); before the list exists it joins nothing', async () => {
    const entry = (code: string) => ({
      code,
      name: `增补项目${code}`,
      categoryCode: w.category.code,
      stage: 'preliminary',
      status: 'on_track',
    });
    const before = await createProject.execute(w.actors.dispatch, entry('KP-Y6'));
    expect(before.ok).toBe(true);
    await rollOver();
    const after = await createProject.execute(w.actors.dispatch, entry('KP-Y7'));
    expect(after.ok).toBe(true);
    const listed = codes((await listProjects(w.actors.dispatch, registry())).rows);
    expect(listed).toContain('KP-Y7');
    expect(listed).not.toContain('KP-Y6');
    const members = await getDb().select().from(planYearProjects).where(eq(planYearProjects.year, 2026));
    expect(members.find((m) => m.projectId === (after.ok ? after.data.id : 0))?.joinedAs).toBe('new');
  });

  it('lights with a year: the year’s projects only', async () => {
    await rollOver();
    const march = await makeMonth(3);
    for (const p of [w.project, dropped]) await storeLight(p.id, march.id, 'red');
    const lit = await getCurrentLights(w.actors.dispatch, { year: 2026 });
    expect(lit.map((l) => l.projectId)).toEqual([w.project.id]);
    expect((await getCurrentLights(w.actors.dispatch)).map((l) => l.projectId).sort()).toEqual([w.project.id, dropped.id].sort());
  });

  it('the offered years are those with a list and the current one; any other URL year falls back to the current one', async () => {
    expect(await offeredYears()).toEqual([2026, 2025]);
    expect(await offeredYears(2024)).toEqual([2026, 2025, 2024]);
    expect(await pickYear(2025)).toBe(2025);
    expect(await pickYear(2019)).toBe(2026);
    expect(await pickYear(null)).toBe(2026);
    expect(yearDay(2025, '2026-03-10')).toBe('2025-12-31');
    expect(yearDay(2026, '2026-03-10')).toBe('2026-03-10');
    expect(yearDay(2027, '2026-03-10')).toBe('2026-03-10');
  });
});
