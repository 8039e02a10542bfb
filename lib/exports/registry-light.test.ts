/**
 * The registry's light column (issue 13): listProjects gives each row the effective light, the
 * latest reasons and today's override; the registry exports (CSV and xlsx) end with a light and
 * a reason column, worded as the lights page words the reason.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightReason } from '@/db/schema/lights';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { statusLightNote } from '@/lib/lights/light-text';
import { overrideLight } from '@/lib/lights/overrides';
import { buildLightWorld, type LightWorld, makeMonth, storeLight } from '@/lib/lights/test-world';
import { listProjects } from '@/lib/projects/queries';
import { registrySearch } from '@/lib/projects/search-params';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { registryExport } from './registry-export';
import { parseCsv, readAll } from './test-helpers';

useTestDb();

const RED: LightReason = {
  measure: 'investment_behind_time_elapsed_pp',
  value: 38,
  threshold: 30,
  comparison: 'gt',
  light: 'red',
  ruleId: null,
  context: { completionPct: 56, timeElapsedPct: 94 },
};
const RED_ZH = '完成率 56.0%，序时进度 94.0%，落后 38.0 个百分点 (>30) → 红灯';

let w: LightWorld;
let noLight: number;

beforeAll(() => setClockForTests(new Date('2026-10-08T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
  noLight = (await makeProject({ code: 'KP-L9', categoryCode: w.category.code, countyId: w.countyA.id })).id;
  const aug = await makeMonth(8);
  const sep = await makeMonth(9);
  // P1 was green in August, red in September (the latest counts); P2 green, overridden to yellow.
  await storeLight(w.project.id, aug.id, 'green', []);
  await storeLight(w.project.id, sep.id, 'red', [RED]);
  await storeLight(w.projectB.id, sep.id, 'green', []);
  const res = await overrideLight.execute(w.actors.dispatch, {
    projectId: w.projectB.id,
    light: 'yellow',
    reason: '征地受阻',
    endsOn: '2026-12-31',
  });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
});

describe('registry light column', () => {
  it('listProjects gives the effective light, the latest reasons and today’s override', async () => {
    const { rows } = await listProjects(w.actors.dispatch, registrySearch.parse(new URLSearchParams('sort=code.asc')));
    const by = new Map(rows.map((r) => [r.code, r]));
    expect(by.get('KP-L1')).toMatchObject({ light: 'red', lightReasons: [RED], lightOverride: null });
    expect(by.get('KP-L2')).toMatchObject({
      light: 'yellow',
      lightReasons: [],
      lightOverride: { light: 'yellow', reason: '征地受阻', endsOn: '2026-12-31' },
    });
    expect(by.get('KP-L9')).toMatchObject({ light: null, lightReasons: [], lightOverride: null });
    expect(noLight).toBe(by.get('KP-L9')!.id);
  });

  it('filtered by light, every row has that light; an on-track status says why it disagrees', async () => {
    const { rows } = await listProjects(w.actors.dispatch, registrySearch.parse(new URLSearchParams('light=red')));
    expect(rows.map((r) => [r.code, r.light])).toEqual([['KP-L1', 'red']]);
    const r = rows[0]!;
    const facts = { light: r.light, reasons: r.lightReasons, override: r.lightOverride };
    expect(statusLightNote(translator('zh-CN'), 'on_track', facts, 'zh-CN')).toBe(`状态为正常推进，但本期亮红灯：${RED_ZH}`);
    expect(statusLightNote(translator('en'), 'on_track', facts, 'en')).toBe(
      'Status “On track”, but this period’s light is red: Completion 56.0%, time-elapsed 94.0%, 38.0 points behind (>30) → red',
    );
    expect(statusLightNote(translator('zh-CN'), 'delayed', facts, 'zh-CN')).toBeNull();
    expect(statusLightNote(translator('zh-CN'), 'on_track', { ...facts, light: 'green' }, 'zh-CN')).toBeNull();
  });

  it('the CSV export ends with the light and its reason', async () => {
    const file = await registryExport(w.actors.dispatch, registrySearch.parse(new URLSearchParams('sort=code.asc')), 'csv', 'zh-CN');
    const records = parseCsv((await readAll(file.body)).toString('utf8').replace(/^\uFEFF/, ''));
    expect(records[0]!.slice(-2)).toEqual(['灯色', '亮灯原因']);
    const by = new Map(records.slice(1).map((r) => [r[1], r.slice(-2)]));
    expect(by.get('KP-L1')).toEqual(['红灯', RED_ZH]);
    expect(by.get('KP-L2')).toEqual(['黄灯', '人工调整为黄灯：征地受阻（计算结果：未触发任何规则）']);
    expect(by.get('KP-L9')).toEqual(['尚未计算', '']);
  });

  it('the xlsx export has the same columns, in English; a county user gets only their county', async () => {
    const file = await registryExport(w.actors.leadOwn, registrySearch.parse(new URLSearchParams('sort=code.asc')), 'xlsx', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readAll(file.body)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const texts: string[][] = [];
    sheet.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const header = texts.find((r) => r.includes('Why this light'))!;
    expect(header.slice(-2)).toEqual(['Light', 'Why this light']);
    const dataRows = texts.slice(texts.indexOf(header) + 1).filter((r) => r[1]?.startsWith('KP-'));
    expect(dataRows.map((r) => r[1])).toEqual(['KP-L1', 'KP-L9']);
    expect(dataRows[0]!.slice(-2)).toEqual(['red', 'Completion 56.0%, time-elapsed 94.0%, 38.0 points behind (>30) → red']);
  });
});
