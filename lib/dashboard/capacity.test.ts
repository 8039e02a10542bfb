import { beforeEach, describe, expect, it } from 'vitest';
import { capacityBaselines } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeMilestone, makeProject, makeUser, type County } from '@/test/factories';
import { capacityData } from './capacity';

/** The capacity panel's data (issue 14 §5): batches, the whole-capacity fallback, the cap, the year, the baseline. */
const getDb = useTestDb();
let prefecture: Actor;
let countyUser: Actor;
let county: County;

beforeEach(async () => {
  await makeCategory({ code: 'wind' });
  county = await makeCounty({ nameZh: '托里县' });
  prefecture = actorOf(await makeUser({ role: 'viewer' }));
  countyUser = actorOf(await makeUser({ role: 'viewer', countyId: county.id }));
});

const wind = (over: Parameters<typeof makeProject>[0] = {}) =>
  makeProject({ categoryCode: 'wind', capacity: '80', capacityUnit: '万千瓦', countyId: county.id, ...over });
const batch = (projectId: number, actualDate: string | null, capacity: string | null) =>
  makeMilestone({
    projectId,
    kind: 'grid_connection',
    plannedDate: '2025-06-30',
    actualDate,
    status: actualDate ? 'done' : 'not_started',
    capacity,
  });

describe('capacityData', () => {
  it('sums the batches connected by the end of the year, in 万千瓦 (MW ÷ 10), and cuts off at the year', async () => {
    const p = await wind();
    await batch(p.id, '2024-11-20', '20');
    await batch(p.id, '2025-08-01', '30.5');
    await batch(p.id, '2026-03-01', '29.5');
    const mw = await wind({ capacity: '600', capacityUnit: 'MW' });
    await batch(mw.id, '2025-12-31', '200');
    const d2025 = await capacityData(getDb(), prefecture, 2025);
    expect(d2025).toMatchObject({ connected: 70.5, total: 140, projects: 2, connectedProjects: 2, wholeProjects: 0 });
    expect(d2025.rows.find((r) => r.id === p.id)).toMatchObject({
      connectedCapacity: 50.5,
      connected: true,
      whole: false,
      connectedOn: '2024-11-20',
    });
    const d2024 = await capacityData(getDb(), prefecture, 2024);
    expect(d2024).toMatchObject({ connected: 20, connectedProjects: 1 });
    expect(d2024.rows.find((r) => r.id === mw.id)).toMatchObject({ connectedCapacity: 0, connected: false, connectedOn: null });
  });

  it('a connected project without batch capacities counts whole, and the panel counts how many; a pending one counts nothing', async () => {
    const dated = await wind({ capacity: '60' });
    await batch(dated.id, '2025-05-01', null);
    await wind({ capacity: '35', stage: 'operating' });
    const later = await wind({ capacity: '10', stage: 'operating' });
    await batch(later.id, '2026-01-10', null);
    await wind({ capacity: '25' });
    const d = await capacityData(getDb(), prefecture, 2025);
    expect(d).toMatchObject({ connected: 95, total: 130, connectedProjects: 2, wholeProjects: 2 });
    expect(d.rows.find((r) => r.id === dated.id)).toMatchObject({ whole: true, connectedCapacity: 60, connectedOn: '2025-05-01' });
    expect(d.rows.find((r) => r.id === later.id)).toMatchObject({ whole: false, connected: false, connectedCapacity: 0 });
  });

  it('never counts more than the project’s capacity', async () => {
    const p = await wind({ capacity: '50' });
    await batch(p.id, '2025-03-01', '40');
    await batch(p.id, '2025-09-01', '40');
    const d = await capacityData(getDb(), prefecture, 2025);
    expect(d.connected).toBe(50);
    expect(d.rows[0]).toMatchObject({ capacity: 50, connectedCapacity: 50 });
  });

  it('adds the baseline of the year for a prefecture-wide user only; a county user sees its county’s projects alone', async () => {
    const p = await wind();
    await batch(p.id, '2025-04-01', '30');
    await wind({ countyId: null, capacity: '40', stage: 'operating' });
    await getDb().insert(capacityBaselines).values({ year: 2025, amount: '350', source: '国网塔城供电公司 2024年底统计' });
    const all = await capacityData(getDb(), prefecture, 2025);
    expect(all).toMatchObject({ connected: 70, baseline: { amount: '350.00', source: '国网塔城供电公司 2024年底统计', year: 2025 } });
    expect((await capacityData(getDb(), prefecture, 2026)).baseline).toBeNull();
    const mine = await capacityData(getDb(), countyUser, 2025);
    expect(mine).toMatchObject({ connected: 30, projects: 1, baseline: null });
  });
});
