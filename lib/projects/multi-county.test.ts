/**
 * Projects that cross counties (issue 14 §3): a county user sees every project that touches
 * their county, in the registry list, its count, the export, by id, and the problems and
 * reports of the project; a user of a county the project does not touch sees none of it.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { problems, projectCounties, reportingPeriods, reports } from '@/db/schema';
import { can } from '@/lib/authz';
import { dispatchOfficeIds } from '@/lib/notifications/notify';
import { registryRows } from '@/lib/exports/registry-export';
import { problemRows } from '@/lib/exports/problems-export';
import { getProblem } from '@/lib/problems/get-problem';
import { listProblems } from '@/lib/problems/list-problems';
import { problemsSearch } from '@/lib/problems/search-params';
import { getReport } from '@/lib/reports/get-report';
import { listReports } from '@/lib/reports/list-reports';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';
import { updateProject } from './actions';
import { getProject } from './get-project';
import { listProjects } from './list-projects';
import { projectResource, projectSubject } from './resource';
import { registrySearch } from './search-params';

const db = useTestDb();

async function world() {
  const tacheng = await makeCounty({ nameZh: '塔城市', sort: 1 });
  const emin = await makeCounty({ nameZh: '额敏县', sort: 4 });
  const yumin = await makeCounty({ nameZh: '裕民县', sort: 6 });
  const category = await makeCategory();
  const dispatch = await makeUser({ role: 'dispatch' });
  // 塔额 750 kV: the prefecture is responsible (地区级), it touches 塔城市 and 额敏县.
  const line = await makeProject({ code: 'TC-750', name: '塔额750千伏输变电工程', categoryCode: category.code, countyId: null });
  await db()
    .insert(projectCounties)
    .values([
      { projectId: line.id, countyId: tacheng.id },
      { projectId: line.id, countyId: emin.id },
    ]);
  const eminOwn = await makeProject({ code: 'EM-1', categoryCode: category.code, countyId: emin.id });
  const yuminOwn = await makeProject({ code: 'YM-1', categoryCode: category.code, countyId: yumin.id });
  const unlocated = await makeProject({ code: 'NONE-1', categoryCode: category.code, countyId: null });

  const [problem] = await db()
    .insert(problems)
    .values({ projectId: line.id, description: '塔基用地待协调', type: 'land', deadline: '2025-07-31' })
    .returning();
  const [period] = await db()
    .insert(reportingPeriods)
    .values({ kind: 'monthly', startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05', openedById: dispatch.id })
    .returning();
  const [report] = await db().insert(reports).values({ projectId: line.id, periodId: period!.id }).returning();

  const actors = {
    eminViewer: actorOf(await makeUser({ role: 'viewer', countyId: emin.id })),
    yuminViewer: actorOf(await makeUser({ role: 'viewer', countyId: yumin.id })),
    eminDispatch: actorOf(await makeUser({ role: 'dispatch', countyId: emin.id })),
    yuminDispatch: actorOf(await makeUser({ role: 'dispatch', countyId: yumin.id })),
    prefecture: actorOf(await makeUser({ role: 'viewer' })),
  };
  return {
    tacheng,
    emin,
    yumin,
    category,
    line,
    eminOwn,
    yuminOwn,
    unlocated,
    problem: problem!,
    period: period!,
    report: report!,
    actors,
  };
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('a project crossing counties', () => {
  it('is in the 额敏县 user’s registry list, its count and its export; not in the 裕民县 user’s', async () => {
    const w = await world();
    const all = registrySearch.parse({});
    const emin = await listProjects(w.actors.eminViewer, all);
    expect(ids(emin.rows)).toEqual(ids([w.line, w.eminOwn]));
    expect(emin.total).toBe(2);
    const exported = await registryRows(w.actors.eminViewer, all);
    expect(exported.total).toBe(2);
    expect(ids(await collect(exported.rows))).toEqual(ids([w.line, w.eminOwn]));

    const yumin = await listProjects(w.actors.yuminViewer, all);
    expect(ids(yumin.rows)).toEqual([w.yuminOwn.id]);
    expect(yumin.total).toBe(1);
    const yuminExport = await registryRows(w.actors.yuminViewer, all);
    expect(ids(await collect(yuminExport.rows))).toEqual([w.yuminOwn.id]);
  });

  it('the registry names its counties in their order, and 未填报 (null) for a project without any', async () => {
    const w = await world();
    const { rows } = await listProjects(w.actors.prefecture, registrySearch.parse({}));
    const line = rows.find((r) => r.id === w.line.id)!;
    expect(line.countiesZh).toBe('塔城市、额敏县');
    expect(line.countyZh).toBeNull(); // responsible: 地区级
    expect(rows.find((r) => r.id === w.unlocated.id)!.countiesZh).toBeNull();
    expect(rows.find((r) => r.id === w.eminOwn.id)!.countiesZh).toBe('额敏县');
  });

  it('the county filter matches every project touching the county; none = location not reported', async () => {
    const w = await world();
    const byCounty = (county: string) => listProjects(w.actors.prefecture, registrySearch.parse({ county }));
    expect(ids((await byCounty(String(w.tacheng.id))).rows)).toEqual([w.line.id]);
    expect(ids((await byCounty(String(w.emin.id))).rows)).toEqual(ids([w.line, w.eminOwn]));
    expect(ids((await byCounty('none')).rows)).toEqual([w.unlocated.id]);
    // Within a county user's scope: another county's filter finds only what crosses into both.
    const eminSeesTacheng = await listProjects(w.actors.eminViewer, registrySearch.parse({ county: String(w.tacheng.id) }));
    expect(ids(eminSeesTacheng.rows)).toEqual([w.line.id]);
  });

  it('opens by id for the 额敏县 user (project, its problem, its report); 404 for the 裕民县 user', async () => {
    const w = await world();
    const project = await getProject(w.actors.eminViewer, w.line.id);
    expect(project?.counties.map((c) => c.nameZh)).toEqual(['塔城市', '额敏县']);
    expect(project?.countyIds).toEqual([w.tacheng.id, w.emin.id].sort((a, b) => a - b));
    expect((await getProblem(w.actors.eminViewer, w.problem.id))?.project.id).toBe(w.line.id);
    expect((await getReport(w.actors.eminViewer, w.report.id))?.project.id).toBe(w.line.id);

    expect(await getProject(w.actors.yuminViewer, w.line.id)).toBeNull();
    expect(await getProblem(w.actors.yuminViewer, w.problem.id)).toBeNull();
    expect(await getReport(w.actors.yuminViewer, w.report.id)).toBeNull();
  });

  it('its problems and reports are in the 额敏县 user’s lists and exports, not the 裕民县 user’s', async () => {
    const w = await world();
    const params = problemsSearch.parse({});
    const emin = await listProblems(w.actors.eminViewer, params);
    expect(emin.rows.map((r) => r.id)).toEqual([w.problem.id]);
    expect(emin.total).toBe(1);
    expect((await collect((await problemRows(w.actors.eminViewer, params)).rows)).map((r) => r.id)).toEqual([w.problem.id]);
    expect((await listReports(w.actors.eminViewer, { periodId: w.period.id })).map((r) => r.id)).toEqual([w.report.id]);

    expect((await listProblems(w.actors.yuminViewer, params)).total).toBe(0);
    expect((await problemRows(w.actors.yuminViewer, params)).total).toBe(0);
    expect(await listReports(w.actors.yuminViewer, { periodId: w.period.id })).toEqual([]);
  });

  it('is in scope of each county it touches for a permission check (Subject.countyIds)', async () => {
    const w = await world();
    const record = await projectResource.load(db(), w.actors.eminDispatch, w.line.id, false);
    expect(record?.countyIds).toEqual([w.tacheng.id, w.emin.id].sort((a, b) => a - b));
    const subject = projectSubject(record!);
    expect(can(w.actors.eminDispatch, 'project.update', subject)).toBe(true);
    expect(can(w.actors.yuminDispatch, 'project.update', subject)).toBe(false);
    expect(await projectResource.load(db(), w.actors.yuminDispatch, w.line.id, false)).toBeNull();
  });

  it('may be edited by a touched county’s office; another county’s office gets 404 and nothing changes', async () => {
    const w = await world();
    const ok = await updateProject.execute(w.actors.eminDispatch, { id: w.line.id, version: w.line.version, location: '塔城市至额敏县' });
    expect(ok).toMatchObject({ ok: true });
    const refused = await updateProject.execute(w.actors.yuminDispatch, { id: w.line.id, version: 2, location: '裕民' });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await getProject(w.actors.prefecture, w.line.id))?.location).toBe('塔城市至额敏县');
  });

  it('a county user’s own single-county projects are as before; a project touching nothing is the prefecture’s only', async () => {
    const w = await world();
    expect(await getProject(w.actors.eminViewer, w.eminOwn.id)).not.toBeNull();
    expect(await getProject(w.actors.yuminViewer, w.eminOwn.id)).toBeNull();
    expect(await getProject(w.actors.eminViewer, w.unlocated.id)).toBeNull();
    expect(await getProject(w.actors.prefecture, w.unlocated.id)).not.toBeNull();
    // The responsible county was added to the counties the project touches (the migration's trigger).
    const rows = await db().select().from(projectCounties).where(eq(projectCounties.projectId, w.eminOwn.id));
    expect(rows.map((r) => r.countyId)).toEqual([w.emin.id]);
  });

  it('the dispatch offices told of a crossing project are the prefecture’s and those of every county it touches', async () => {
    const w = await world();
    const prefectureOffice = await makeUser({ role: 'dispatch' });
    const office = await dispatchOfficeIds(db(), w.line.id);
    expect(office).toContain(w.actors.eminDispatch.id);
    expect(office).toContain(prefectureOffice.id);
    expect(office).not.toContain(w.actors.yuminDispatch.id);
    // A single-county project: its county's office and the prefecture's, no other county's.
    const own = await dispatchOfficeIds(db(), w.yuminOwn.id);
    expect(own).toContain(w.actors.yuminDispatch.id);
    expect(own).not.toContain(w.actors.eminDispatch.id);
  });
});
