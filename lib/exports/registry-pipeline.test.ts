/**
 * The registry's pipeline stage (issue 14 §2): each row carries its stage in the plan year (the
 * URL's `year`, else the current one), `pipeline=` filters the list, its count and both exports
 * the same way, and a stage or year off the whitelist is ignored rather than an error.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { listProjects } from '@/lib/projects/list-projects';
import { registrySearch } from '@/lib/projects/search-params';
import { buildWorld } from '@/lib/projects/test-world';
import { useTestDb } from '@/test/db';
import { makeMilestone, makeProject } from '@/test/factories';
import { hasRegistryFilters, registryExport } from './registry-export';
import { parseCsv, readAll } from './test-helpers';

useTestDb();

// 10 June 2026 in Asia/Shanghai: the current plan year is 2026.
const TODAY = new Date('2026-06-10T04:00:00Z');
afterAll(() => setClockForTests(null));

async function world() {
  setClockForTests(TODAY);
  const w = await buildWorld(); // KP-0001…: under construction, works planned 2025-05-31 → 续建 in 2026
  const base = { countyId: w.countyA.id, categoryCode: w.category.code };
  const fresh = await makeProject({ ...base, code: 'KP-NEW', stage: 'construction', startDate: null });
  await makeMilestone({ projectId: fresh.id, kind: 'start_works', plannedDate: '2025-12-01', actualDate: '2026-01-01', status: 'done' });
  const planned = await makeProject({ ...base, code: 'KP-PLAN', stage: 'preliminary', startDate: '2027-01-01' });
  const idea = await makeProject({ ...base, code: 'KP-IDEA', stage: 'preliminary', startDate: null });
  const done = await makeProject({ ...base, code: 'KP-DONE', stage: 'operating' });
  return { ...w, fresh, planned, idea, done };
}

const codes = (rows: { code: string }[]) => rows.map((r) => r.code).sort();

describe('the registry’s pipeline stage', () => {
  beforeEach(() => setClockForTests(TODAY));

  it('shows each project’s stage in the current year, or in the year the URL names', async () => {
    const w = await world();
    const stageOf = async (query: string) =>
      new Map((await listProjects(w.actors.dispatch, registrySearch.parse(query))).rows.map((r) => [r.code, r.pipelineStage]));
    const now = await stageOf('');
    expect(now.get(w.project.code)).toBe('continuing');
    expect(now.get('KP-NEW')).toBe('new_start');
    expect(now.get('KP-PLAN')).toBe('preliminary');
    expect(now.get('KP-IDEA')).toBe('reserve');
    expect(now.get('KP-DONE')).toBe('operating');
    const in2027 = await stageOf('year=2027');
    expect(in2027.get('KP-NEW')).toBe('continuing');
    expect(in2027.get('KP-PLAN')).toBe('new_start');
    const in2025 = await stageOf('year=2025');
    expect(in2025.get(w.project.code)).toBe('new_start');
  });

  it('filters the list and its count by one or several stages, for the plan year', async () => {
    const w = await world();
    const list = (query: string) => listProjects(w.actors.dispatch, registrySearch.parse(query));
    const news = await list('pipeline=new_start');
    expect(codes(news.rows)).toEqual(['KP-NEW']);
    expect(news.total).toBe(1);
    const two = await list('pipeline=reserve,preliminary');
    expect(codes(two.rows)).toEqual(['KP-IDEA', 'KP-PLAN']);
    expect(two.total).toBe(2);
    expect(codes((await list('pipeline=new_start&year=2027')).rows)).toEqual(['KP-PLAN']);
    // Combined with the other filters and the actor's scope: county B sees none of county A's.
    expect(codes((await list('pipeline=new_start,continuing&stage=construction')).rows)).toEqual([w.project.code, 'KP-NEW'].sort());
    expect((await listProjects(w.actors.countyB, registrySearch.parse('pipeline=new_start'))).total).toBe(0);
  });

  it('ignores an unknown stage or a bad year instead of failing', async () => {
    const w = await world();
    const all = (await listProjects(w.actors.dispatch, registrySearch.parse(''))).total;
    expect(registrySearch.parse('pipeline=bogus,new_start').pipeline).toEqual(['new_start']);
    expect(registrySearch.parse('pipeline=bogus').pipeline).toEqual([]);
    expect((await listProjects(w.actors.dispatch, registrySearch.parse('pipeline=bogus'))).total).toBe(all);
    for (const year of ['1999', '2101', '20x6', '-1', "2026'"]) expect(registrySearch.parse({ year }).year).toBeNull();
    expect(registrySearch.query(registrySearch.parse('pipeline=continuing,new_start&year=2027'))).toBe(
      'pipeline=continuing,new_start&year=2027',
    );
  });

  it('the exports get the column for the plan year and honour the filter', async () => {
    const w = await world();
    const csv = await registryExport(w.actors.dispatch, registrySearch.parse('pipeline=new_start,reserve&sort=code.asc'), 'csv', 'zh-CN');
    const records = parseCsv((await readAll(csv.body)).toString('utf8').replace(/^\uFEFF/, ''));
    const col = records[0]!.indexOf('2026年推进阶段');
    expect(col).toBeGreaterThan(0);
    expect(records.slice(1).map((r) => [r[1], r[col]])).toEqual([
      ['KP-IDEA', '谋划储备'],
      ['KP-NEW', '新开工'],
    ]);
    expect(csv.total).toBe(2);
    const xlsx = await registryExport(w.actors.dispatch, registrySearch.parse('pipeline=new_start&year=2027'), 'xlsx', 'en');
    expect(xlsx.total).toBe(1);
    expect(hasRegistryFilters(registrySearch.parse('year=2027'))).toBe(false);
    expect(hasRegistryFilters(registrySearch.parse('pipeline=reserve'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readAll(xlsx.body)) as unknown as ArrayBuffer);
    const texts: string[][] = [];
    book.worksheets[0]!.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const header = texts.find((r) => r.includes('Pipeline stage 2027'))!;
    const at = header.indexOf('Pipeline stage 2027');
    expect(texts.slice(texts.indexOf(header) + 1).map((r) => [r[1], r[at]])).toEqual([['KP-PLAN', 'New start']]);
  });
});
