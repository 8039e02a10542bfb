/**
 * The dashboard's short-lived cache (cache.ts): hits, single flight, TTL, the day in the key,
 * invalidation by the "data changed" hook (and by a mutation through the action wrapper), and
 * scope separation — a county user never gets the prefecture's entry or another county's.
 */
import { z } from 'zod';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAction } from '@/lib/actions/wrapper';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeProject, makeUser } from '@/test/factories';
import { cachedByScope, dashboardCacheKey, dashboardCacheSeconds, setDashboardCacheForTests } from './cache';
import { dataChanged } from './data-changed';
import { getDashboard } from '@/lib/dashboard/queries';
import { getReferenceData } from '@/lib/reference/queries';

const T0 = new Date('2026-11-20T04:00:00Z'); // 12:00 in Asia/Shanghai
const at = (ms: number) => setClockForTests(new Date(T0.getTime() + ms));

const prefecture = { countyId: null };
const countyA = { countyId: 1 };
const countyB = { countyId: 2 };

/** A computation that counts its calls and resolves to "<label>#<call>". */
function counter(label: string) {
  let calls = 0;
  const fn = () => Promise.resolve(`${label}#${++calls}`);
  return Object.assign(fn, { calls: () => calls });
}

beforeEach(() => {
  at(0);
  setDashboardCacheForTests(30);
});
afterEach(() => setDashboardCacheForTests(undefined));
afterAll(() => setClockForTests(null));

describe('dashboard cache: mechanism', () => {
  it('is off under vitest unless a test turns it on', async () => {
    setDashboardCacheForTests(undefined);
    expect(dashboardCacheSeconds()).toBe(0);
    const c = counter('p');
    expect(await cachedByScope(prefecture, c)).toBe('p#1');
    expect(await cachedByScope(prefecture, c)).toBe('p#2');
    setDashboardCacheForTests(0);
    expect(await cachedByScope(prefecture, c)).toBe('p#3');
  });

  it('serves a hit within the TTL and computes again after it', async () => {
    const c = counter('p');
    expect(await cachedByScope(prefecture, c)).toBe('p#1');
    at(29_999);
    expect(await cachedByScope(prefecture, c)).toBe('p#1');
    at(30_000);
    expect(await cachedByScope(prefecture, c)).toBe('p#2');
    expect(c.calls()).toBe(2);
  });

  it('keys by scope and day only, and starts afresh the next day', async () => {
    expect(dashboardCacheKey({ countyId: null })).toBe('all|2026-11-20');
    expect(dashboardCacheKey({ countyId: 7 })).toBe('7|2026-11-20');
    const c = counter('p');
    await cachedByScope(prefecture, c);
    setClockForTests(new Date('2026-11-20T16:00:05Z')); // 00:00:05 on the 21st in Asia/Shanghai
    expect(dashboardCacheKey(prefecture)).toBe('all|2026-11-21');
    expect(await cachedByScope(prefecture, c)).toBe('p#2');
  });

  it('keeps scopes apart: a county user never gets the prefecture entry or another county’s', async () => {
    const p = counter('prefecture');
    const a = counter('countyA');
    const b = counter('countyB');
    expect(await cachedByScope(prefecture, p)).toBe('prefecture#1');
    expect(await cachedByScope(countyA, a)).toBe('countyA#1');
    expect(await cachedByScope(countyB, b)).toBe('countyB#1');
    // Hits, each from its own entry.
    expect(await cachedByScope(countyA, a)).toBe('countyA#1');
    expect(await cachedByScope(prefecture, p)).toBe('prefecture#1');
    expect(await cachedByScope(countyB, b)).toBe('countyB#1');
    expect([p.calls(), a.calls(), b.calls()]).toEqual([1, 1, 1]);
  });

  it('keeps the entries of different kinds apart (dashboard figures, reference lists)', async () => {
    const figures = counter('figures');
    const lists = counter('lists');
    expect(await cachedByScope(prefecture, figures)).toBe('figures#1');
    expect(await cachedByScope(prefecture, lists, 'reference')).toBe('lists#1');
    expect(await cachedByScope(prefecture, figures)).toBe('figures#1');
    expect(await cachedByScope(prefecture, lists, 'reference')).toBe('lists#1');
    dataChanged();
    expect(await cachedByScope(prefecture, lists, 'reference')).toBe('lists#2');
  });

  it('shares one computation between concurrent misses (single flight)', async () => {
    let release!: (v: string) => void;
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<string>((r) => (release = r));
    };
    const all = Promise.all(Array.from({ length: 20 }, () => cachedByScope(prefecture, slow)));
    release('shared');
    expect(await all).toEqual(Array(20).fill('shared'));
    expect(calls).toBe(1);
  });

  it('drops every entry when data changed, including one still being computed', async () => {
    const c = counter('p');
    const a = counter('a');
    await cachedByScope(prefecture, c);
    await cachedByScope(countyA, a);
    dataChanged();
    expect(await cachedByScope(prefecture, c)).toBe('p#2');
    expect(await cachedByScope(countyA, a)).toBe('a#2');

    // A computation started before a write is not shared with requests after it.
    let release!: (v: string) => void;
    const before = cachedByScope(countyB, () => new Promise<string>((r) => (release = r)));
    dataChanged();
    const after = cachedByScope(countyB, () => Promise.resolve('fresh'));
    release('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await cachedByScope(countyB, () => Promise.resolve('unexpected'))).toBe('fresh');
  });

  it('does not keep a failed computation', async () => {
    await expect(cachedByScope(prefecture, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cachedByScope(prefecture, () => Promise.resolve('ok'))).toBe('ok');
  });
});

describe('dashboard cache: getDashboard on the database', () => {
  const getDb = useTestDb();

  /** A mutation through the real action wrapper: one project in the given county. */
  const addProject = createAction({
    name: 'test.addProject',
    schema: z.object({ countyId: z.number().int().nullable() }),
    permission: 'project.create',
    run: async ({ tx, input }) => (await makeProject({ countyId: input.countyId }, tx)).id,
  });

  it('serves cached figures per scope, and fresh ones at once after a mutation through the wrapper', async () => {
    const db = getDb();
    const [a, b] = [await makeCounty({}, db), await makeCounty({}, db)];
    await makeProject({ countyId: a.id }, db);
    await makeProject({ countyId: a.id }, db);
    await makeProject({ countyId: b.id }, db);
    await makeProject({ countyId: null }, db);
    const dispatch = actorOf(await makeUser({ role: 'dispatch' }, db));
    const inA = actorOf(await makeUser({ role: 'viewer', countyId: a.id }, db));

    const first = await getDashboard(dispatch);
    expect(first.headline.projects.count).toBe(4);
    expect(first.computedAt).toBe(T0.toISOString());
    // The county user, right after the prefecture was cached: its own scope.
    expect((await getDashboard(inA)).headline.projects.count).toBe(2);

    // A write outside this process's write paths (here: straight into the table) is not seen
    // until the TTL has passed.
    await makeProject({ countyId: a.id }, db);
    at(10_000);
    const cached = await getDashboard(dispatch);
    expect(cached.headline.projects.count).toBe(4);
    expect(cached.computedAt).toBe(T0.toISOString());
    expect((await getDashboard(inA)).headline.projects.count).toBe(2);
    at(30_000);
    expect((await getDashboard(dispatch)).headline.projects.count).toBe(5);
    expect((await getDashboard(inA)).headline.projects.count).toBe(3);

    // A mutation through the action wrapper invalidates at once, within the TTL.
    at(31_000);
    const res = await addProject.execute(dispatch, { countyId: a.id });
    expect(res.ok).toBe(true);
    const fresh = await getDashboard(dispatch);
    expect(fresh.headline.projects.count).toBe(6);
    expect(fresh.computedAt).toBe(new Date(T0.getTime() + 31_000).toISOString());
    expect((await getDashboard(inA)).headline.projects.count).toBe(4);

    // A refused mutation changes nothing and leaves the cache alone.
    await makeProject({ countyId: null }, db);
    const refused = await addProject.execute(dispatch, { countyId: 'x' });
    expect(refused.ok).toBe(false);
    expect((await getDashboard(dispatch)).headline.projects.count).toBe(6);
  });
});

describe('reference lists: cached per scope like the figures', () => {
  const getDb = useTestDb();
  const addLeader = createAction({
    name: 'test.addLeader',
    schema: z.object({ name: z.string() }),
    permission: 'user.manage',
    run: async ({ tx, input }) => (await makeUser({ role: 'leader', displayName: input.name }, tx)).id,
  });

  it('serves the lists of the actor’s scope, and fresh ones at once after a mutation through the wrapper', async () => {
    const db = getDb();
    const [a, b] = [await makeCounty({}, db), await makeCounty({}, db)];
    const admin = actorOf(await makeUser({ role: 'admin' }, db));
    const inA = actorOf(await makeUser({ role: 'viewer', countyId: a.id }, db));
    await makeUser({ role: 'leader', displayName: '甲领导' }, db);

    const all = await getReferenceData(admin);
    expect(all.counties.map((c) => c.value).sort()).toEqual([String(a.id), String(b.id)].sort());
    expect((await getReferenceData(inA)).counties.map((c) => c.value)).toEqual([String(a.id)]);
    expect(all.leaders.map((l) => l.labelZh)).toEqual(['甲领导']);

    // Straight into the table (not through a write path of this process): not seen within the TTL.
    await makeUser({ role: 'leader', displayName: '乙领导' }, db);
    at(10_000);
    expect((await getReferenceData(admin)).leaders).toHaveLength(1);

    // Through the action wrapper: seen at once, in every scope.
    const res = await addLeader.execute(admin, { name: '丙领导' });
    expect(res.ok).toBe(true);
    expect((await getReferenceData(admin)).leaders.map((l) => l.labelZh).sort()).toEqual(['丙领导', '乙领导', '甲领导'].sort());
    expect((await getReferenceData(inA)).counties.map((c) => c.value)).toEqual([String(a.id)]);
  });
});
