import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { actorOf, makeUser } from '@/test/factories';
import { computeLights } from './compute';
import { listCurrentLights } from './list-lights';
import { overrideLight } from './overrides';
import { buildLightWorld, type LightWorld, makeMonth } from './test-world';

useTestDb();
let w: LightWorld;

beforeAll(() => setClockForTests(new Date('2026-10-08T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
  const period = await makeMonth(9);
  const res = await computeLights.execute(w.actors.dispatch, { periodId: period.id });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
});

describe('listCurrentLights', () => {
  it('the prefecture sees every project with a light, with code and name', async () => {
    const rows = await listCurrentLights(w.actors.dispatch);
    expect(rows.map((r) => r.code)).toEqual(['KP-L1', 'KP-L2']);
    const own = rows.find((r) => r.code === 'KP-L1')!;
    expect(own.name).toBe('柳树沟水库');
    expect(own.computed?.periodId).toBeDefined();
    expect(own.effective).toBe(own.computed?.light);
  });

  it('a county user sees only their county’s lights', async () => {
    const countyAViewer = actorOf(await makeUser({ role: 'viewer', countyId: w.countyA.id }));
    expect((await listCurrentLights(countyAViewer)).map((r) => r.code)).toEqual(['KP-L1']);
    expect((await listCurrentLights(w.actors.countyBDispatch)).map((r) => r.code)).toEqual(['KP-L2']);
    // A filter never widens the scope.
    const b = await listCurrentLights(w.actors.countyBDispatch);
    const other = await listCurrentLights(w.actors.countyBDispatch, { light: b[0]!.effective });
    expect(other.map((r) => r.code)).toEqual(['KP-L2']);
  });

  it('filters by the effective light, an active override included', async () => {
    const res = await overrideLight.execute(w.actors.dispatch, {
      projectId: w.project.id,
      light: 'red',
      reason: '征地受阻',
      endsOn: '2026-12-31',
    });
    if (!res.ok) throw new Error(`${res.code} ${res.message}`);
    const red = await listCurrentLights(w.actors.dispatch, { light: 'red' });
    expect(red.map((r) => r.code)).toContain('KP-L1');
    const row = red.find((r) => r.code === 'KP-L1')!;
    expect(row.override?.light).toBe('red');
    expect(row.override?.reason).toBe('征地受阻');
    const all = await listCurrentLights(w.actors.dispatch);
    for (const light of ['green', 'yellow', 'red'] as const) {
      const some = await listCurrentLights(w.actors.dispatch, { light });
      expect(some.every((r) => r.effective === light)).toBe(true);
      expect(some.length).toBe(all.filter((r) => r.effective === light).length);
    }
  });
});
