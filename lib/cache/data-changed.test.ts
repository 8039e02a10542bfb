/**
 * The "data changed" signal: in this process (every database), and between app instances through
 * PostgreSQL's LISTEN/NOTIFY (PostgreSQL only): a notice only on commit, another instance's
 * notice drops the caches and this instance's own does not, and a LISTEN connection that drops —
 * killed, or the server unreachable for a while — stops the caches from serving until it listens
 * again, then drops them once. The two-process version is test/multi-instance.
 */
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Executor } from '@/db/client';
import { onPostgres } from '@/test/db';
import { cachedByScope, setDashboardCacheForTests } from './cache';
import {
  announceDataChange,
  cacheInvalidationLive,
  DATA_CHANGED_CHANNEL,
  dataChanged,
  dataChangedListenerState,
  dataGeneration,
  instanceId,
  onDataChanged,
  startDataChangedListener,
  stopDataChangedListener,
} from './data-changed';

/** An executor that records the statements it is given. */
function recorder() {
  const statements: { sql: string; params: unknown[] }[] = [];
  const dialect = new PgDialect();
  const executor = {
    execute: (q: Parameters<Executor['execute']>[0]) => {
      const { sql: text, params } = dialect.sqlToQuery(q as Parameters<PgDialect['sqlToQuery']>[0]);
      statements.push({ sql: text, params });
      return Promise.resolve([]);
    },
  } as unknown as Executor;
  return { statements, executor };
}

function counter() {
  let calls = 0;
  return Object.assign(() => Promise.resolve(++calls), { calls: () => calls });
}

afterEach(() => {
  vi.unstubAllEnvs();
  setDashboardCacheForTests(undefined);
});

describe('data changed: in this process', () => {
  it('moves the generation on and runs every listener, even after one that throws', () => {
    const g0 = dataGeneration();
    const heard: string[] = [];
    const offA = onDataChanged(() => {
      heard.push('a');
      throw new Error('a cache’s clean-up failed');
    });
    const offB = onDataChanged(() => heard.push('b'));
    dataChanged();
    expect(dataGeneration()).toBe(g0 + 1);
    expect(heard).toEqual(['a', 'b']);
    offA();
    offB();
    dataChanged();
    expect(heard).toEqual(['a', 'b']);
  });

  it('the embedded database: nothing is sent, and the caches serve', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const { statements, executor } = recorder();
    await announceDataChange(executor);
    expect(statements).toEqual([]);
    expect(cacheInvalidationLive()).toBe(true);
    setDashboardCacheForTests(30);
    const c = counter();
    await cachedByScope({ countyId: null }, c);
    await cachedByScope({ countyId: null }, c);
    expect(c.calls()).toBe(1);
  });

  it('PostgreSQL: the writing transaction notifies the channel with this instance’s id', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://nowhere.invalid/kpd');
    const { statements, executor } = recorder();
    await announceDataChange(executor);
    expect(statements).toEqual([{ sql: 'select pg_notify($1, $2)', params: [DATA_CHANGED_CHANNEL, instanceId()] }]);
  });

  it('PostgreSQL without a LISTEN connection: the caches stand aside (every request computes)', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://nowhere.invalid/kpd');
    expect(dataChangedListenerState()).toBeNull();
    expect(cacheInvalidationLive()).toBe(false);
    setDashboardCacheForTests(30);
    const c = counter();
    expect(await cachedByScope({ countyId: null }, c)).toBe(1);
    expect(await cachedByScope({ countyId: null }, c)).toBe(2);
  });
});

/** Polls until `done()` (every 10 ms); the elapsed ms, or throws after `ms`. */
async function until(ms: number, done: () => boolean, what: string): Promise<number> {
  const t0 = performance.now();
  while (!done()) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${what} (${JSON.stringify(dataChangedListenerState())})`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - t0;
}

/** A TCP proxy in front of the PostgreSQL server that can be taken down and brought back. */
async function proxyTo(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((r) => server.listen(port, '127.0.0.1', () => r((server.address() as net.AddressInfo).port)));
  const port = await listen(0);
  return {
    port,
    down: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      });
    },
    up: () => listen(port),
  };
}

describe.runIf(onPostgres)('data changed between instances (PostgreSQL)', () => {
  const url = process.env.TEST_DATABASE_URL!;
  /** Another instance's connection, to notify and to listen. */
  let other: postgres.Sql;

  beforeAll(() => {
    other = postgres(url, { max: 2, onnotice: () => {} });
  });
  afterEach(() => stopDataChangedListener());
  afterAll(() => other.end({ timeout: 5 }));

  it('drops the caches on another instance’s notice, not on its own', async () => {
    await startDataChangedListener(url);
    expect(dataChangedListenerState()).toMatchObject({ live: true, listens: 1, heard: 0 });
    expect(cacheInvalidationLive()).toBe(true);
    const g0 = dataGeneration();
    // In this order, from one session: delivered in order, so once the second arrived the first did too.
    await other`select pg_notify(${DATA_CHANGED_CHANNEL}, ${instanceId()})`;
    await other`select pg_notify(${DATA_CHANGED_CHANNEL}, 'another-host:1:abcdef12')`;
    await until(1000, () => dataChangedListenerState()!.heard === 1, 'the other instance’s notice');
    expect(dataGeneration()).toBe(g0 + 1);
  });

  it('sends its notice when the writing transaction commits, never when it rolls back', async () => {
    vi.stubEnv('DATABASE_URL', url);
    const heard: string[] = [];
    const { unlisten } = await other.listen(DATA_CHANGED_CHANNEL, (payload) => heard.push(payload));
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const [{ drizzle }, schema] = await Promise.all([import('drizzle-orm/postgres-js'), import('@/db/schema')]);
    const db = drizzle(client, { schema });
    try {
      await expect(
        db.transaction(async (tx) => {
          await announceDataChange(tx);
          await tx.execute(sql`select 1/0`);
        }),
      ).rejects.toThrow();
      await db.transaction(async (tx) => {
        await announceDataChange(tx);
        await new Promise((r) => setTimeout(r, 200));
        // Not before the commit.
        expect(heard).toEqual([]);
      });
      await until(1000, () => heard.length === 1, 'the committed notice');
      expect(heard).toEqual([instanceId()]);
    } finally {
      await unlisten();
      await client.end({ timeout: 5 });
    }
  });

  it('a killed LISTEN connection: no cache serves until it listens again, then every cache is dropped once', async () => {
    await startDataChangedListener(url);
    const { backendPid } = dataChangedListenerState()!;
    const g0 = dataGeneration();
    await other`select pg_terminate_backend(${backendPid!})`;
    await until(1000, () => !dataChangedListenerState()!.live, 'noticing the drop');
    expect(cacheInvalidationLive()).toBe(false);
    await until(5000, () => dataChangedListenerState()!.live, 'listening again');
    expect(dataChangedListenerState()).toMatchObject({ listens: 2, heard: 0 });
    expect(dataChangedListenerState()!.backendPid).not.toBe(backendPid);
    expect(dataGeneration()).toBe(g0 + 1);
    await other`select pg_notify(${DATA_CHANGED_CHANNEL}, 'another-host:1:abcdef12')`;
    await until(1000, () => dataChangedListenerState()!.heard === 1, 'a notice after the reconnection');
    expect(dataGeneration()).toBe(g0 + 2);
  });

  it('a server out of reach for a while: retried until it is back, caches bypassed meanwhile', async () => {
    const target = new URL(url);
    const proxy = await proxyTo(target);
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    try {
      await startDataChangedListener(viaProxy.toString());
      expect(dataChangedListenerState()!.live).toBe(true);
      await proxy.down();
      await until(1000, () => !dataChangedListenerState()!.live, 'noticing the drop');
      // Unreachable for 1.5 s: the attempts fail, nothing serves from a cache.
      await new Promise((r) => setTimeout(r, 1500));
      expect(dataChangedListenerState()).toMatchObject({ live: false, listens: 1 });
      expect(error).toHaveBeenCalledWith(expect.stringContaining('[data-changed] could not LISTEN (attempt 1)'), expect.anything());
      setDashboardCacheForTests(30);
      const c = counter();
      await cachedByScope({ countyId: null }, c);
      await cachedByScope({ countyId: null }, c);
      expect(c.calls()).toBe(2);

      await proxy.up();
      const back = await until(5000, () => dataChangedListenerState()!.live, 'listening again once the server is back');
      console.log(`[data-changed test] listening again ${back.toFixed(0)} ms after the server came back`);
      expect(dataChangedListenerState()!.listens).toBe(2);
      await other`select pg_notify(${DATA_CHANGED_CHANNEL}, 'another-host:1:abcdef12')`;
      await until(1000, () => dataChangedListenerState()!.heard === 1, 'a notice after the outage');
      // And the caches serve again.
      await cachedByScope({ countyId: null }, c);
      await cachedByScope({ countyId: null }, c);
      expect(c.calls()).toBe(3);
    } finally {
      error.mockRestore();
      info.mockRestore();
      await stopDataChangedListener();
      await proxy.down().catch(() => {});
    }
  });
});
