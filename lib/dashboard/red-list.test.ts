import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problems, projectLights } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { listCurrentLights } from '@/lib/lights/list-lights';
import { overrideLight } from '@/lib/lights/overrides';
import { renderReason } from '@/lib/lights/reasons';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { buildLightWorld, type LightWorld, makeMonth } from '@/lib/lights/test-world';
import { activeTestDb, useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeProject, makeUser } from '@/test/factories';
import { getRedList } from './red-list';

useTestDb();

const behind = (completion: number, elapsed: number, light: 'red' | 'yellow'): LightReason => ({
  measure: 'investment_behind_time_elapsed_pp',
  value: elapsed - completion,
  threshold: light === 'red' ? 30 : 10,
  comparison: light === 'red' ? 'gt' : 'gte',
  light,
  ruleId: null,
  context: { completionPct: completion, timeElapsedPct: elapsed },
});
const overdueProblems = (n: number): LightReason => ({
  measure: 'overdue_problems',
  value: n,
  threshold: 1,
  comparison: 'gte',
  light: 'yellow',
  ruleId: null,
});

let w: LightWorld;
let periods: { aug: number; sep: number };

async function storeLight(projectId: number, periodId: number, light: Light, reasons: LightReason[]) {
  const ruleSet = await ensureDefaultRuleSet(activeTestDb());
  await activeTestDb()
    .insert(projectLights)
    .values({ projectId, periodId, light, reasons, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, measures: {} });
}

beforeAll(() => setClockForTests(new Date('2026-10-08T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
  const base = { categoryCode: w.category.code, stage: 'construction' as const, status: 'on_track' as const };
  const p3 = await makeProject({ ...base, code: 'KP-L3', countyId: w.countyA.id });
  const p4 = await makeProject({ ...base, code: 'KP-L4', countyId: w.countyA.id, responsibleLeaderId: w.users.leaderOwn.id });
  const p5 = await makeProject({ ...base, code: 'KP-L5', countyId: w.countyA.id });
  const aug = await makeMonth(8);
  const sep = await makeMonth(9);
  periods = { aug: aug.id, sep: sep.id };
  // August: an older period (P3 was red then, P1 green); it must not show.
  await storeLight(p3.id, aug.id, 'red', [behind(10, 60, 'red')]);
  await storeLight(w.project.id, aug.id, 'green', []);
  // September, the latest: P1 red (two reasons), P2 yellow, P3 green, P4 yellow, P5 green (overridden to red below).
  await storeLight(w.project.id, sep.id, 'red', [behind(56, 94, 'red'), overdueProblems(1)]);
  await storeLight(w.projectB.id, sep.id, 'yellow', [behind(60, 75, 'yellow')]);
  await storeLight(p3.id, sep.id, 'green', []);
  await storeLight(p4.id, sep.id, 'yellow', [overdueProblems(2)]);
  await storeLight(p5.id, sep.id, 'green', []);
  const res = await overrideLight.execute(w.actors.dispatch, { projectId: p5.id, light: 'red', reason: '征地受阻', endsOn: '2026-12-31' });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  // P1: two open problems and a closed one.
  const problem = { projectId: w.project.id, type: 'land' as const, deadline: '2026-12-01', description: '征地' };
  await activeTestDb()
    .insert(problems)
    .values([
      { ...problem, status: 'open' },
      { ...problem, status: 'in_progress' },
      {
        ...problem,
        status: 'closed',
        resolution: '已协调',
        resolvedAt: new Date('2026-09-01T00:00:00Z'),
        closedAt: new Date('2026-09-02T00:00:00Z'),
      },
    ]);
});

describe('getRedList', () => {
  it('lists the latest period’s red projects, then the yellow ones, with leader, open problems and links', async () => {
    const list = await getRedList(w.actors.dispatch);
    expect(list.period?.id).toBe(periods.sep);
    expect(list.rows.map((r) => [r.code, r.light])).toEqual([
      ['KP-L1', 'red'],
      ['KP-L5', 'red'],
      ['KP-L2', 'yellow'],
      ['KP-L4', 'yellow'],
    ]);
    expect(list.counts).toEqual({ red: 2, yellow: 2 });
    const p1 = list.rows[0]!;
    expect(p1.leaderName).toBe(w.users.leaderOwn.displayName);
    expect(p1.openProblems).toBe(2);
    expect(p1.href).toBe(`/projects/${w.project.id}`);
    expect(p1.problemsHref).toBe(`/problems?status=open,in_progress&project=${w.project.id}`);
    expect(p1.override).toBeNull();
    const p5 = list.rows[1]!;
    expect(p5.computedLight).toBe('green');
    expect(p5.override).toEqual({ light: 'red', reason: '征地受阻', endsOn: '2026-12-31' });
    expect(p5.openProblems).toBe(0);
    expect(list.lightsHref.red).toBe('/lights?light=red');
  });

  it('gives the lights page’s reason text, in both languages', async () => {
    const list = await getRedList(w.actors.dispatch);
    const page = await listCurrentLights(w.actors.dispatch);
    for (const locale of ['zh-CN', 'en'] as const) {
      const tr = translator(locale);
      for (const row of list.rows) {
        const onPage = page.find((p) => p.projectId === row.projectId)!;
        expect(onPage.effective).toBe(row.light);
        expect(onPage.computed?.periodId).toBe(periods.sep);
        const pageReason = onPage.computed?.reasons[0];
        expect(row.reasons[0] ? renderReason(tr, row.reasons[0], locale) : null).toBe(
          pageReason ? renderReason(tr, pageReason, locale) : null,
        );
      }
    }
    expect(renderReason(translator('zh-CN'), list.rows[0]!.reasons[0]!, 'zh-CN')).toBe(
      '完成率 56.0%，序时进度 94.0%，落后 38.0 个百分点 (>30) → 红灯',
    );
    // The lights page filtered by red lists the same projects (all of them are lit in the latest period here).
    const redOnPage = await listCurrentLights(w.actors.dispatch, { light: 'red' });
    expect(redOnPage.map((r) => r.code)).toEqual(list.rows.filter((r) => r.light === 'red').map((r) => r.code));
  });

  it('a county user sees only their county’s projects', async () => {
    const countyAViewer = actorOf(await makeUser({ role: 'viewer', countyId: w.countyA.id }));
    const a = await getRedList(countyAViewer);
    expect(a.rows.map((r) => r.code)).toEqual(['KP-L1', 'KP-L5', 'KP-L4']);
    expect(a.counts).toEqual({ red: 2, yellow: 1 });
    const b = await getRedList(w.actors.countyBDispatch);
    expect(b.rows.map((r) => r.code)).toEqual(['KP-L2']);
    expect(b.counts).toEqual({ red: 0, yellow: 1 });
  });

  it('takes the latest period with lights in the actor’s scope', async () => {
    // October has lights for county B's project only.
    const oct = await makeMonth(10);
    await storeLight(w.projectB.id, oct.id, 'red', [behind(5, 70, 'red')]);
    const all = await getRedList(w.actors.dispatch);
    expect(all.period?.id).toBe(oct.id);
    expect(all.rows.map((r) => [r.code, r.light])).toEqual([['KP-L2', 'red']]);
    const countyAViewer = actorOf(await makeUser({ role: 'viewer', countyId: w.countyA.id }));
    expect((await getRedList(countyAViewer)).period?.id).toBe(periods.sep);
  });

  it('is empty before any light is computed, and when the period has no red or yellow light', async () => {
    const county = await makeCounty();
    const green = await makeProject({ code: 'KP-X', countyId: county.id, categoryCode: w.category.code });
    const viewer = actorOf(await makeUser({ role: 'viewer', countyId: county.id }));
    expect(await getRedList(viewer)).toMatchObject({ period: null, rows: [], counts: { red: 0, yellow: 0 } });
    await storeLight(green.id, periods.sep, 'green', []);
    expect(await getRedList(viewer)).toMatchObject({ period: { id: periods.sep }, rows: [], counts: { red: 0, yellow: 0 } });
  });
});
