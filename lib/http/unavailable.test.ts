/**
 * A database that cannot be reached is "the service is unavailable": 503 with the routes' JSON
 * error shape, code UNAVAILABLE, the message in the request's language and Retry-After; an action
 * answers { ok: false, code: 'UNAVAILABLE' } with the message. Both drivers' failures: errors as
 * postgres.js and the server raise them (thrown where the database call is), a real refused
 * connection through postgres.js, and a real closed PGlite.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type Db, setDbForTests } from '@/db/client';
import * as schema from '@/db/schema';
import { failureFrom } from '@/lib/actions/failure';
import { createAction } from '@/lib/actions/wrapper';
import type { Actor } from '@/lib/authz';
import { isUnavailable } from '@/lib/errors';
import { useTestDb } from '@/test/db';
import { actorOf, makeUser } from '@/test/factories';
import { RETRY_AFTER_SECONDS, withRoute } from './route';
import { answer, en, UUID, zh } from './route-test-support';

const getTestDb = useTestDb();
afterEach(() => {
  setDbForTests(getTestDb());
  vi.restoreAllMocks();
});

const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { name: 'PostgresError', code, severity: 'FATAL' });

/** What either driver throws when the database is gone, as it reaches the wrappers. */
const OUTAGES: [string, unknown][] = [
  ['ECONNREFUSED (postgres.js, server down)', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED', { errno: -111 })],
  ['CONNECTION_CLOSED (postgres.js)', withCode('write CONNECTION_CLOSED db:5432', 'CONNECTION_CLOSED')],
  ['CONNECTION_ENDED (postgres.js)', withCode('write CONNECTION_ENDED db:5432', 'CONNECTION_ENDED')],
  ['CONNECTION_DESTROYED (postgres.js)', withCode('write CONNECTION_DESTROYED db:5432', 'CONNECTION_DESTROYED')],
  ['CONNECT_TIMEOUT (postgres.js)', withCode('write CONNECT_TIMEOUT db:5432', 'CONNECT_TIMEOUT')],
  ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
  ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
  ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
  ['08006 connection failure', pgError('08006', 'connection failure')],
  ['08001 cannot establish', pgError('08001', 'could not connect')],
  ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
  ['inside drizzle’s query error', new Error('Failed query: insert into … params: secret', { cause: pgError('57P01', 'terminating') })],
  [
    'an AggregateError of both addresses',
    new AggregateError([
      withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ]),
  ],
  ['PGlite closed', new Error('PGlite is closed')],
];

let thrown: unknown;
const write = createAction({
  name: 'test.unavailable.write',
  schema: z.object({ n: z.number() }),
  permission: 'project.create',
  run: async () => {
    throw thrown;
  },
});
const route = withRoute({
  name: 'test.unavailable.route',
  auth: true,
  body: z.object({ n: z.number() }),
  handler: ({ actor, body, t, requestId }) => write.execute(actor, body, t, requestId),
});
const post = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  new Request('http://localhost/api/x', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `NEXT_LOCALE=${locale}` },
    body: '{"n":1}',
  });

async function dispatch(): Promise<Actor> {
  return actorOf(await makeUser({ role: 'dispatch' }));
}

describe('a database that cannot be reached', () => {
  it.each(OUTAGES)('%s: isUnavailable', (_label, err) => {
    expect(isUnavailable(err)).toBe(true);
  });

  it('input and rule failures are not outages', () => {
    for (const err of [
      pgError('23505', 'duplicate'),
      pgError('22P05', 'bad char'),
      new Error('boom'),
      withCode('x', 'ENOENT'),
      null,
      'x',
    ]) {
      expect(isUnavailable(err)).toBe(false);
    }
  });

  it.each(OUTAGES)(
    '%s: the route answers 503, the JSON error shape, Retry-After, the message in the request’s language',
    async (_label, err) => {
      thrown = err;
      const actor = await dispatch();
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      for (const [locale, t] of [
        ['zh-CN', zh],
        ['en', en],
      ] as const) {
        const res = await route.execute(actor, post(locale));
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = await answer(res);
        expect(body).toEqual({
          ok: false,
          code: 'UNAVAILABLE',
          message: t('errors.UNAVAILABLE'),
          requestId: res.headers.get('x-request-id'),
        });
        expect(body.requestId).toMatch(UUID);
      }
      // Logged once per request, never the query's parameters.
      expect(error).toHaveBeenCalledTimes(2);
      expect(String(error.mock.calls[0]![0])).not.toMatch(/secret/);
    },
  );

  it.each(OUTAGES)('%s: the action answers { ok: false, code: UNAVAILABLE } with the message', async (_label, err) => {
    thrown = err;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await write.execute(await dispatch(), { n: 1 }, en)).toEqual({
      ok: false,
      code: 'UNAVAILABLE',
      message: en('errors.UNAVAILABLE'),
    });
  });

  it('a real refused connection (postgres.js to a closed port): the action and the route answer UNAVAILABLE / 503', async () => {
    const actor = await dispatch();
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres('postgres://postgres@127.0.0.1:1/kpd_test_none', { max: 1, connect_timeout: 2, onnotice: () => {} });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const insert = createAction({
      name: 'test.unavailable.real',
      schema: z.object({}),
      permission: 'project.create',
      run: async ({ tx }) => tx.insert(schema.counties).values({ code: 'X1', nameZh: '甲', nameEn: 'A' }),
    });
    try {
      setDbForTests(drizzle(client, { schema }) as unknown as Db);
      expect(await insert.execute(actor, {}, zh)).toEqual({ ok: false, code: 'UNAVAILABLE', message: zh('errors.UNAVAILABLE') });
      const viaRoute = withRoute({ name: 'test.unavailable.real', auth: true, handler: ({ actor: a, t }) => insert.execute(a, {}, t) });
      const res = await viaRoute.execute(actor, new Request('http://localhost/api/x', { method: 'POST' }));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it('a real closed PGlite: UNAVAILABLE', async () => {
    const actor = await dispatch();
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const closed = await PGlite.create();
    await closed.close();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setDbForTests(drizzle(closed, { schema }) as unknown as Db);
    const read = createAction({
      name: 'test.unavailable.pglite',
      schema: z.object({}),
      permission: 'project.create',
      run: async ({ tx }) => tx.select().from(schema.counties),
    });
    expect(await read.execute(actor, {}, en)).toEqual({ ok: false, code: 'UNAVAILABLE', message: en('errors.UNAVAILABLE') });
    // Creating an embedded database is the slow part (a WebAssembly instance and a new data
    // directory): it timed out at 20 s in a full PostgreSQL run on a loaded 2-core machine.
  }, 90_000);

  it('an AppError or a rule of the data keeps its own answer (not every database error is an outage)', () => {
    expect(failureFrom(pgError('23505', 'dup'), en, 'r', 's')).toMatchObject({ code: 'CONFLICT' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(failureFrom(new Error('boom'), en, 'r', 's')).toMatchObject({ code: 'INTERNAL' });
  });
});
