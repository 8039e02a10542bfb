import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeProject, makeUnit } from '@/test/factories';
import { commentOnProblem, resolveProblem } from './actions';
import { getProblem, listProblems, problemCounts, projectsForNewProblem } from './queries';
import { problemsSearch } from './search-params';
import { buildProblemWorld, makeProblem, type ProblemWorld } from './test-world';

useTestDb({ reset: 'file' });
let w: ProblemWorld;
let ids: { a: number; b: number; c: number; d: number; e: number; unitC: number };

beforeAll(async () => {
  setClockForTests(new Date('2025-06-15T04:00:00Z'));
  w = await buildProblemWorld();
  const otherProject = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code, code: 'KP-B-1', name: '乙县水厂' });
  const unitC = await makeUnit();
  const a = await makeProblem(w, { description: '征地补偿未到位', type: 'land', deadline: '2025-06-10', escalationLevel: 1 });
  const b = await makeProblem(w, { description: '配套资金缺口', type: 'funding', status: 'in_progress', deadline: '2025-07-01' });
  const c = await makeProblem(w, {
    description: '取水许可待批',
    type: 'water',
    status: 'resolved',
    deadline: '2025-05-01',
    responsibleUnitId: unitC.id,
  });
  const d = await makeProblem(w, {
    description: '电网接入方案',
    type: 'power',
    status: 'closed',
    deadline: '2025-05-20',
    responsibleLeaderId: w.users.leaderOther.id,
  });
  const e = await makeProblem(w, { projectId: otherProject.id, description: '乙县用地指标', type: 'land', deadline: '2025-06-01' });
  ids = { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, unitC: unitC.id };
});
afterAll(() => setClockForTests(null));

const list = async (who: keyof ProblemWorld['actors'], qs: string) =>
  (await listProblems(w.actors[who], problemsSearch.parse(new URLSearchParams(qs)))).rows.map((r) => r.id);

describe('listProblems', () => {
  it('is scoped by the project’s county: a county-B user sees only county B', async () => {
    expect(await list('countyB', '')).toEqual([ids.e]);
    expect((await list('dispatch', '')).sort()).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e].sort());
  });

  it('filters by status, type, unit, leader, county, overdue and search', async () => {
    expect((await list('dispatch', 'status=open,in_progress')).sort()).toEqual([ids.a, ids.b, ids.e].sort());
    expect(await list('dispatch', 'type=water')).toEqual([ids.c]);
    expect(await list('dispatch', `unit=${ids.unitC}`)).toEqual([ids.c]);
    expect(await list('dispatch', `leader=${w.users.leaderOther.id}`)).toEqual([ids.d]);
    expect(await list('dispatch', `county=${w.countyB.id}`)).toEqual([ids.e]);
    // Overdue: active and past the deadline (the resolved and closed ones are not).
    expect((await list('dispatch', 'overdue=1')).sort()).toEqual([ids.a, ids.e].sort());
    expect(await list('dispatch', 'q=资金')).toEqual([ids.b]);
    expect(await list('dispatch', 'q=乙县水厂')).toEqual([ids.e]);
    expect(await list('dispatch', 'q=50%')).toEqual([]);
  });

  it('by default puts the most urgent first: active, most escalated, earliest deadline; then resolved, then closed', async () => {
    expect(await list('dispatch', '')).toEqual([ids.a, ids.e, ids.b, ids.c, ids.d]);
    expect(await list('dispatch', 'sort=urgency.desc')).toEqual([ids.d, ids.c, ids.b, ids.e, ids.a]);
  });

  it('sorts by a whitelisted column and pages; the total counts the filtered set', async () => {
    expect(await list('dispatch', 'sort=deadline.asc')).toEqual([ids.c, ids.d, ids.e, ids.a, ids.b]);
    expect(await list('dispatch', 'sort=deadline.desc&size=10&page=1')).toEqual([ids.b, ids.a, ids.e, ids.d, ids.c]);
    const page = await listProblems(
      w.actors.dispatch,
      problemsSearch.parse({ sort: 'deadline.asc', size: '10', page: '1', status: 'closed' }),
    );
    expect(page.total).toBe(1);
    const two = await listProblems(w.actors.dispatch, { ...problemsSearch.parse({ sort: 'deadline.asc' }), pageSize: 2, page: 2 });
    expect(two.rows.map((r) => r.id)).toEqual([ids.e, ids.a]);
    expect(two.total).toBe(5);
  });

  it('marks overdue rows with the days, and carries names for the table', async () => {
    const rows = (await listProblems(w.actors.dispatch, problemsSearch.parse({}))).rows;
    const a = rows.find((r) => r.id === ids.a)!;
    expect(a).toMatchObject({
      overdue: true,
      daysOverdue: 5,
      escalationLevel: 1,
      projectName: w.project.name,
      leaderName: w.users.leader.displayName,
    });
    expect(rows.find((r) => r.id === ids.c)).toMatchObject({ overdue: false, daysOverdue: 0 });
  });
});

describe('the URL state parser', () => {
  it('ignores what is not on the whitelist and round-trips', () => {
    const p = problemsSearch.parse({
      status: 'open,bogus',
      type: 'land,rain',
      unit: '3,x',
      sort: 'password.desc',
      overdue: '1',
      page: '-2',
      size: '7',
    });
    expect(p).toMatchObject({
      status: ['open'],
      type: ['land'],
      unit: [3],
      sort: 'urgency',
      dir: 'asc',
      overdue: true,
      page: 1,
      pageSize: 20,
    });
    expect(problemsSearch.parse(new URLSearchParams(problemsSearch.query(p)))).toEqual(p);
    expect(problemsSearch.query(problemsSearch.parse({}))).toBe('');
  });
});

describe('problemCounts', () => {
  it('counts what the actor may see', async () => {
    expect(await problemCounts(w.actors.dispatch)).toEqual({
      open: 2,
      in_progress: 1,
      resolved: 1,
      closed: 1,
      overdue: 2,
      escalated: 1,
      total: 5,
    });
    expect(await problemCounts(w.actors.countyB)).toMatchObject({ total: 1, overdue: 1 });
  });
});

describe('getProblem', () => {
  it('returns the problem with its thread and its history; another county gets null', async () => {
    await commentOnProblem.execute(w.actors.leader, { problemId: ids.b, body: '请本周内落实' });
    await resolveProblem.execute(w.actors.leadUnit, { id: ids.b, version: 1, resolution: '资金已拨付' });
    const p = await getProblem(w.actors.viewer, ids.b);
    expect(p).toMatchObject({
      id: ids.b,
      status: 'resolved',
      resolution: '资金已拨付',
      project: { id: w.project.id, name: w.project.name },
      leaderName: w.users.leader.displayName,
      raisedByName: w.users.projectLead.displayName,
      comments: [{ body: '请本周内落实', authorName: w.users.leader.displayName, authorRole: 'leader' }],
    });
    expect(p?.history.map((h) => h.action)).toEqual(['problem.resolve', 'problem.comment']);
    expect(await getProblem(w.actors.countyB, ids.b)).toBeNull();
    expect(await getProblem(w.actors.dispatch, 0)).toBeNull();
  });
});

describe('projectsForNewProblem', () => {
  it('the office sees every project in scope; a lead or leader their own; others none', async () => {
    expect((await projectsForNewProblem(w.actors.dispatch)).length).toBe(2);
    expect((await projectsForNewProblem(w.actors.countyB)).map((p) => p.code)).toEqual(['KP-B-1']);
    expect((await projectsForNewProblem(w.actors.projectLead)).map((p) => p.id)).toEqual([w.project.id]);
    expect((await projectsForNewProblem(w.actors.leader)).map((p) => p.id)).toEqual([w.project.id]);
    expect(await projectsForNewProblem(w.actors.leadOther)).toEqual([]);
    expect(await projectsForNewProblem(w.actors.viewer)).toEqual([]);
  });
});
