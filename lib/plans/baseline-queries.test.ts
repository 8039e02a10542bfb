import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { getBaselineFreeze } from './baseline-queries';
import { freezeBaseline } from './plans';
import { buildLightWorld, type LightWorld } from '@/lib/lights/test-world';

useTestDb();
let w: LightWorld;

beforeAll(() => setClockForTests(new Date('2026-01-05T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
});

describe('getBaselineFreeze', () => {
  it('is null before the freeze, then says when and by whom', async () => {
    expect(await getBaselineFreeze(2026)).toBeNull();
    const res = await freezeBaseline.execute(w.actors.dispatch, { year: 2026 });
    if (!res.ok) throw new Error(`${res.code} ${res.message}`);
    const freeze = await getBaselineFreeze(2026);
    expect(freeze).toMatchObject({ year: 2026, frozenByName: w.users.dispatch.displayName, planCount: 2 });
    expect(freeze!.frozenAt.toISOString()).toBe('2026-01-05T04:00:00.000Z');
    expect(await getBaselineFreeze(2027)).toBeNull();
  });

  it('refuses nonsense years without a query error', async () => {
    expect(await getBaselineFreeze(Number.NaN)).toBeNull();
    expect(await getBaselineFreeze(99999)).toBeNull();
  });
});
