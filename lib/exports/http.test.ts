import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projects } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/authz';
import { setClockForTests, today } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { recordDecision } from '@/lib/meetings/agenda-actions';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes } from '@/lib/meetings/meeting-actions';
import { snapshotRows } from '@/lib/meetings/queries';
import { buildMeetingWorld, ROLES, TODAY } from '@/lib/meetings/test-world';
import type { StatusRow } from '@/lib/meetings/types';
import { listProblems } from '@/lib/problems/queries';
import { problemsSearch } from '@/lib/problems/search-params';
import { buildProblemWorld, makeProblem } from '@/lib/problems/test-world';
import { listProjects } from '@/lib/projects/queries';
import { registrySearch } from '@/lib/projects/search-params';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';
import { addAgendaItem } from '@/lib/meetings/agenda-actions';
import type { Locale } from '@/lib/i18n/config';
import { contentDisposition, exportListRoute, exportMeetingRoute } from './http';
import { parseCsv, unzip } from './test-helpers';

const getDb = useTestDb();

/** A GET as the browser sends it: the language is the NEXT_LOCALE cookie. */
function get(path: string, locale: Locale): Request {
  return new Request(`http://localhost${path}`, { headers: { cookie: `NEXT_LOCALE=${locale}` } });
}
// The routes (lib/exports/http.ts through lib/http/route.ts) with the signed-in actor given.
const exportRegistry = (actor: Actor | null, format: string, search: URLSearchParams, locale: Locale) =>
  exportListRoute.execute(actor, get(`/api/exports/registry.${format}?${search}`, locale), { file: `registry.${format}` });
const exportProblems = (actor: Actor | null, format: string, search: URLSearchParams, locale: Locale) =>
  exportListRoute.execute(actor, get(`/api/exports/problems.${format}?${search}`, locale), { file: `problems.${format}` });
const exportStatusTable = (actor: Actor | null, id: string, format: string, locale: Locale) =>
  exportMeetingRoute.execute(actor, get(`/api/exports/meetings/${id}/status-table.${format}`, locale), {
    id,
    file: `status-table.${format}`,
  });
const exportMinutes = (actor: Actor | null, id: string, locale: Locale) =>
  exportMeetingRoute.execute(actor, get(`/api/exports/meetings/${id}/minutes.docx`, locale), { id, file: 'minutes.docx' });

async function body(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}
async function csvRecords(res: Response): Promise<string[][]> {
  const buf = await body(res);
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(buf.toString('utf8').slice(1));
}
async function sheet(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await body(res)) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

describe('Content-Disposition', () => {
  it('has an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('项目库-2026-06-10.xlsx', 'registry-2026-06-10.xlsx')).toBe(
      'attachment; filename="registry-2026-06-10.xlsx"; filename*=UTF-8\'\'%E9%A1%B9%E7%9B%AE%E5%BA%93-2026-06-10.xlsx',
    );
    expect(contentDisposition("a'b (c).csv", 'x".csv')).toBe('attachment; filename="x_.csv"; filename*=UTF-8\'\'a%27b%20%28c%29.csv');
  });
});

describe('registry export', () => {
  let countyA: { id: number };
  let countyB: { id: number };
  let dispatch: Actor;
  let countyUser: Actor;

  beforeEach(async () => {
    countyA = await makeCounty({ nameZh: '额敏县', nameEn: 'Emin County' });
    countyB = await makeCounty({ nameZh: '托里县', nameEn: 'Toli County' });
    const wind = await makeCategory({ code: 'wind', nameZh: '风电', nameEn: 'Wind' });
    const water = await makeCategory({ code: 'water', nameZh: '水利', nameEn: 'Water' });
    dispatch = actorOf(await makeUser({ role: 'dispatch' }));
    countyUser = actorOf(await makeUser({ role: 'viewer', countyId: countyA.id }));
    // 1,100 projects (more than two export batches): A and B alternate, wind every third.
    const values = Array.from({ length: 1100 }, (_, i) => ({
      code: `KP-${String(i + 1).padStart(5, '0')}`,
      name: i === 7 ? '=cmd|" /C calc"!A0' : `项目${i + 1}`,
      nameEn: `Project ${i + 1}`,
      categoryCode: i % 3 === 0 ? wind.code : water.code,
      countyId: i % 2 === 0 ? countyA.id : countyB.id,
      stage: 'construction' as const,
      // Ties on purpose: the sort must still be stable across batches (id breaks ties).
      totalInvestment: String(1000 + (i % 37) * 10) + '.50',
    }));
    await getDb().insert(projects).values(values);
  });

  it('exports every row the registry shows for the filters, in its order, across batches (CSV)', async () => {
    const search = new URLSearchParams('sort=totalInvestment.desc&page=3&size=10');
    const res = await exportRegistry(dispatch, 'csv', search, 'zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('x-total-rows')).toBe('1100');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="registry-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const records = await csvRecords(res);
    expect(records[0]).toEqual([
      '序号',
      '项目代码',
      '项目名称',
      '类别',
      '县市',
      '阶段',
      '状态',
      '总投资（万元）',
      '年度计划投资（万元）',
      '计划完工',
      '包抓领导',
      '责任单位',
      '逾期节点（个）',
      `${today().slice(0, 4)}年推进阶段`,
      '灯色',
      '亮灯原因',
    ]);
    // The page's own query, every page: the same codes in the same order (page and size ignored).
    const expected: string[] = [];
    for (let page = 1; ; page++) {
      const { rows } = await listProjects(dispatch, { ...registrySearch.parse(search), page, pageSize: 100 });
      expected.push(...rows.map((r) => r.code));
      if (rows.length < 100) break;
    }
    expect(records.slice(1).map((r) => r[1])).toEqual(expected);
    expect(new Set(expected).size).toBe(1100);
    expect(records[1]![0]).toBe('1');
    expect(records[1]![7]).toBe('1360.50');
    // Formula-looking names are neutralised.
    expect(records.find((r) => r[1] === 'KP-00008')![2]).toBe('\'=cmd|" /C calc"!A0');
  });

  it('a county user never gets another county’s row; filters narrow further (xlsx)', async () => {
    const res = await exportRegistry(countyUser, 'xlsx', new URLSearchParams('category=wind'), 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { total } = await listProjects(countyUser, registrySearch.parse(new URLSearchParams('category=wind')));
    expect(res.headers.get('x-total-rows')).toBe(String(total));
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''project-registry-");
    const ws = await sheet(res);
    expect(ws.getCell('A1').value).toBe('Key project registry');
    expect(String(ws.getCell('A2').value)).toContain(`${total} projects (filtered)`);
    expect(ws.getCell('A3').value).toBe('No.');
    expect(ws.getCell('H3').value).toBe('Total investment (10k yuan)');
    const data = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getRow(i + 4));
    expect(data).toHaveLength(total);
    // i % 2 === 0 (county A) and i % 3 === 0 (wind) → every sixth project.
    expect(total).toBe(Math.ceil(1100 / 6));
    for (const r of data) {
      expect(r.getCell(5).value).toBe('Emin County');
      expect(r.getCell(4).value).toBe('Wind');
      expect(typeof r.getCell(8).value).toBe('number');
      expect(r.getCell(8).numFmt).toBe('#,##0.00');
    }
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('answers 401 signed out and 404 for an unknown format', async () => {
    expect((await exportRegistry(null, 'csv', new URLSearchParams(), 'zh-CN')).status).toBe(401);
    const res = await exportRegistry(dispatch, 'pdf', new URLSearchParams(), 'en');
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe('This export format is not supported.');
  });
});

describe('problem list export', () => {
  it('exports exactly the filtered list in the actor’s scope', async () => {
    const w = await buildProblemWorld();
    const otherProject = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code, name: '托里项目' });
    await makeProblem(w, { description: '+协调用电', type: 'power', deadline: '2025-01-31' });
    await makeProblem(w, { description: '资金到位滞后', type: 'funding', status: 'closed' });
    await makeProblem(w, { description: '用地预审', type: 'land' });
    await makeProblem(w, { projectId: otherProject.id, description: 'B县的问题', type: 'land' });

    const all = await csvRecords(await exportProblems(w.actors.dispatch, 'csv', new URLSearchParams(), 'zh-CN'));
    expect(all).toHaveLength(1 + 4);
    expect(all[0]).toEqual([
      '序号',
      '编号',
      '项目代码',
      '项目名称',
      '县市',
      '问题描述',
      '类型',
      '状态',
      '办结期限',
      '逾期天数',
      '升级情况',
      '责任单位',
      '包抓领导',
      '提出时间',
    ]);
    // Same order as the list's own query.
    const listed = (await listProblems(w.actors.dispatch, problemsSearch.parse(new URLSearchParams()))).rows.map((r) => String(r.id));
    expect(all.slice(1).map((r) => r[1])).toEqual(listed);
    expect(all.find((r) => r[5] === "'+协调用电")).toBeDefined();

    // County B's user sees only county B's problem; county A's problems never appear.
    const b = await csvRecords(await exportProblems(w.actors.countyB, 'csv', new URLSearchParams(), 'zh-CN'));
    expect(b.slice(1).map((r) => r[5])).toEqual(['B县的问题']);

    // Filters: land problems, not closed.
    const res = await exportProblems(w.actors.dispatch, 'xlsx', new URLSearchParams('type=land&status=open,in_progress'), 'zh-CN');
    expect(res.headers.get('x-total-rows')).toBe('2');
    const ws = await sheet(res);
    expect(ws.getCell('A1').value).toBe('问题清单');
    const descriptions = [ws.getCell('F4').value, ws.getCell('F5').value].sort();
    expect(descriptions).toEqual(['B县的问题', '用地预审']);
    expect(ws.rowCount).toBe(5);
    expect(ws.getCell('G4').value).toBe('用地');
    expect(ws.getCell('I4').value).toBeInstanceOf(Date);
    expect(ws.getCell('I4').numFmt).toBe('yyyy-mm-dd');
  });
});

describe('meeting exports', () => {
  beforeAll(() => setClockForTests(TODAY));
  afterAll(() => setClockForTests(null));

  async function frozenMeeting() {
    const w = await buildMeetingWorld();
    const by = w.actors.dispatch;
    const m = ok(
      await createMeeting.execute(by, {
        title: '六月调度会',
        meetingDate: '2026-06-15',
        chairId: w.users.leader.id,
        participantIds: [w.users.leader.id, w.users.leader2.id],
        unitIds: [w.unitA.id],
      }),
    );
    const item = ok(
      await addAgendaItem.execute(by, { meetingId: m.id, version: m.version, title: 'S317 征地', projectId: w.projects.a1.id }),
    );
    let version = ok(await freezeMeeting.execute(by, { id: m.id, version: item.version })).version;
    version = ok(await holdMeeting.execute(by, { id: m.id, version, confirmEarly: true })).version;
    const { getMeeting } = await import('@/lib/meetings/queries');
    const detail = await getMeeting(by, m.id);
    const agendaItem = detail!.agenda.find((a) => a.id === item.id)!;
    ok(
      await recordDecision.execute(by, {
        id: item.id,
        version: agendaItem.version,
        decision: '由交通运输局牵头，月底前完成征地',
        problem: { description: '征地补偿未到位', type: 'land', deadline: '2026-06-30' },
      }),
    );
    ok(await publishMinutes.execute(by, { id: m.id, version }));
    return { w, id: m.id };
  }

  async function collect(actor: Actor, id: number): Promise<StatusRow[]> {
    const out: StatusRow[] = [];
    for await (const r of snapshotRows(actor, id)) out.push(r);
    return out;
  }

  it('the status table workbook and CSV equal the frozen snapshot, and a county user gets their county’s part', async () => {
    const { w, id } = await frozenMeeting();
    const snapshot = await collect(w.actors.dispatch, id);
    expect(snapshot.length).toBe(4);

    const res = await exportStatusTable(w.actors.dispatch, String(id), 'xlsx', 'zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename="meeting-${id}-status-table.xlsx"`);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('六月调度会-调度表.xlsx');
    const ws = await sheet(res);
    expect(ws.getCell('A1').value).toBe('六月调度会 · 调度表');
    const projectRows = [];
    for (let r = 5; r <= ws.rowCount; r++) if (typeof ws.getCell(`A${r}`).value === 'number') projectRows.push(ws.getRow(r));
    expect(projectRows.map((r) => r.getCell(2).value)).toEqual(snapshot.map((s) => s.name));
    projectRows.forEach((r, i) => {
      const s = snapshot[i]!;
      expect(r.getCell(1).value).toBe(i + 1);
      expect(r.getCell(4).value).toBe(s.totalInvestment === null ? null : Number(s.totalInvestment));
      expect(r.getCell(5).value).toBe(s.annualPlanned === null ? null : Number(s.annualPlanned));
      expect(r.getCell(6).value).toBe(Number(s.completedThisYear));
      expect(r.getCell(7).value).toBe(s.completionRate);
      expect(r.getCell(9).value ?? '').toBe(
        s.problems.length === 1 ? s.problems[0] : s.problems.map((p, k) => `${k + 1}. ${p}`).join('\n'),
      );
      expect(r.getCell(12).value).toBe(s.light ? { red: '红灯', yellow: '黄灯', green: '绿灯' }[s.light] : '未计算');
      expect(r.getCell(13).value).toBe(translator('zh-CN')(`enums.pipelineStage.${s.pipelineStage}`));
    });
    // The total, then its split by the frozen pipeline stages (新开工, 续建, 前期, 谋划储备, 建成投运).
    const total = ws.getRow(ws.rowCount - 5);
    expect(total.getCell(1).value).toBe('合计（4 个项目）');
    expect(total.getCell(6).value).toBe(snapshot.reduce((a, s) => a + Number(s.completedThisYear), 0));
    const split = [1, 2, 3, 4, 5].map((k) => ws.getRow(ws.rowCount - 5 + k));
    expect(split.map((r) => String(r.getCell(1).value).replace(/（.*/, ''))).toEqual([
      '其中：新开工',
      '其中：续建',
      '其中：前期',
      '其中：谋划储备',
      '其中：建成投运',
    ]);
    expect(split.reduce((a, r) => a + Number(String(r.getCell(1).value).match(/（(\d+) 个项目）/)![1]), 0)).toBe(4);

    const csv = await csvRecords(await exportStatusTable(w.actors.dispatch, String(id), 'csv', 'zh-CN'));
    expect(csv.slice(1).map((r) => r[2])).toEqual(snapshot.map((s) => s.name));
    expect(csv.slice(1).map((r) => r[6])).toEqual(snapshot.map((s) => s.completedThisYear));

    // County A's viewer: only county A's rows of the prefecture meeting.
    const countyRows = await collect(w.actors.viewerA, id);
    const countyCsv = await csvRecords(await exportStatusTable(w.actors.viewerA, String(id), 'csv', 'zh-CN'));
    expect(countyCsv.slice(1).map((r) => r[2])).toEqual(countyRows.map((s) => s.name));
    expect(
      countyCsv
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual([w.projects.a1.name, w.projects.a2.name].sort());
  });

  it('for every role, the exported rows are exactly the snapshot rows that role may see', async () => {
    const { w, id } = await frozenMeeting();
    const countyOf = new Map<string, number | null>(Object.values(w.projects).map((p) => [p.name, p.countyId]));
    for (const role of ROLES) {
      const actor = w.actors[role];
      const visible = (await collect(actor, id)).map((s) => s.name);
      const csv = await csvRecords(await exportStatusTable(actor, String(id), 'csv', 'zh-CN'));
      expect(
        csv.slice(1).map((r) => r[2]),
        role,
      ).toEqual(visible);
      // A county user's rows are all in their county.
      if (actor.countyId !== null) for (const name of visible) expect(countyOf.get(name), `${role}: ${name}`).toBe(actor.countyId);
      else expect(visible, role).toHaveLength(4);
    }
  });

  it('a meeting the actor may not see is 404, like one that does not exist', async () => {
    const w = await buildMeetingWorld();
    const m = ok(
      await createMeeting.execute(w.actors.dispatch, {
        title: '托里县专题会',
        meetingDate: '2026-06-15',
        chairId: w.users.leader.id,
        participantIds: [],
        unitIds: [],
        scopeCountyId: w.countyB.id,
      }),
    );
    expect((await exportStatusTable(w.actors.viewerA, String(m.id), 'xlsx', 'zh-CN')).status).toBe(404);
    expect((await exportMinutes(w.actors.viewerA, String(m.id), 'zh-CN')).status).toBe(404);
    expect((await exportStatusTable(w.actors.dispatch, '999999', 'csv', 'zh-CN')).status).toBe(404);
    expect((await exportStatusTable(w.actors.dispatch, 'abc', 'csv', 'zh-CN')).status).toBe(404);
    expect((await exportStatusTable(null, String(m.id), 'csv', 'zh-CN')).status).toBe(401);
    expect((await exportStatusTable(w.actors.dispatch, String(m.id), 'csv', 'zh-CN')).status).toBe(200);
  });

  it('the minutes document carries the decision with its unit, leader and deadline', async () => {
    const { w, id } = await frozenMeeting();
    const res = await exportMinutes(w.actors.dispatch, String(id), 'zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = unzip(await body(res))
      .get('word/document.xml')!
      .toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('六月调度会');
    expect(text).toContain('由交通运输局牵头，月底前完成征地');
    expect(text).toContain('2026年6月30日');
    expect(text).toContain(w.users.leader.displayName);
    expect(text).toContain('参会人员：');
  });
});
