/** The route wrapper's one error answer and its log line (the other steps: route.test.ts). */
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz';
import { AppError, ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { buildWorld, type World } from '@/lib/projects/test-world';
import { useTestDb } from '@/test/db';
import { routeId } from './id';
import { isRoute, json, withRoute } from './route';

import { answer, en, request, UUID, zh } from './route-test-support';

/** The session as getActor() would read it from the cookie (the bound handler's one input besides the request). */
const session = vi.hoisted(() => ({ actor: null as Actor | null, reads: 0 }));
vi.mock('@/lib/auth/session', () => ({
  getActor: async () => {
    session.reads += 1;
    return session.actor;
  },
}));

const getDb = useTestDb();
let w: World;

beforeEach(async () => {
  w = await buildWorld();
  session.actor = null;
  session.reads = 0;
});
afterEach(() => vi.restoreAllMocks());

const echo = withRoute({
  name: 'test.echo',
  auth: true,
  params: z.object({ id: routeId }),
  handler: async ({ actor, params }) => json({ actor: actor.id, id: params.id }),
});

describe('one error answer', () => {
  const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

  it.each(CODES)('a thrown AppError %s answers its status and translated message, with the request id', async (code) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = withRoute({
      name: 'test.throw',
      auth: true,
      handler: async () => {
        throw new AppError(code, 'internal detail');
      },
    });
    for (const [locale, t] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const res = await route.execute(w.actors.viewer, request('/api/x', { locale }));
      const requestId = res.headers.get('x-request-id')!;
      expect(res.status).toBe(ERROR_STATUS[code]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(requestId).toMatch(UUID);
      const message = code === 'INTERNAL' ? t('errors.INTERNAL', { requestId }) : t(`errors.${code}`);
      expect(await answer(res)).toEqual({ ok: false, code, message, requestId });
      expect(message).not.toContain('internal detail');
    }
    // Only the unexpected is logged.
    expect(logged).toHaveBeenCalledTimes(code === 'INTERNAL' ? 2 : 0);
  });

  it('carries field errors (translated), the current record, a specific message and status', async () => {
    const route = withRoute({
      name: 'test.detail',
      auth: true,
      handler: async ({ search }) => {
        if (search.get('case') === 'conflict')
          throw new AppError('CONFLICT', 'stale', { current: { id: 3, version: 4, changedBy: '王五' } });
        if (search.get('case') === 'large') {
          throw new AppError('INVALID', 'too large', {
            messageKey: 'reports.photo.errors.tooLarge',
            messageValues: { max: 10 },
            httpStatus: 413,
          });
        }
        throw new AppError('INVALID', 'bad', { fieldErrors: { code: ['validation.required', 'free text'] } });
      },
    });
    const invalid = await route.execute(w.actors.viewer, request('/api/x', { locale: 'en' }));
    expect(await answer(invalid)).toMatchObject({ code: 'INVALID', fieldErrors: { code: [en('validation.required'), 'free text'] } });
    const conflict = await route.execute(w.actors.viewer, request('/api/x?case=conflict'));
    expect(conflict.status).toBe(409);
    expect(await answer(conflict)).toMatchObject({
      code: 'CONFLICT',
      message: zh('errors.CONFLICT'),
      current: { id: 3, version: 4, changedBy: '王五' },
    });
    const large = await route.execute(w.actors.viewer, request('/api/x?case=large', { locale: 'en' }));
    expect(large.status).toBe(413);
    expect((await answer(large)).message).toBe(en('reports.photo.errors.tooLarge', { max: 10 }));
  });

  it('an action’s { ok: false } is the same answer as the error it stands for; { ok: true } is 200 with the data', async () => {
    const failing = withRoute({
      name: 'test.action',
      auth: true,
      handler: async () => ({
        ok: false as const,
        code: 'CONFLICT' as const,
        message: 'translated by the action',
        current: { version: 2 },
      }),
    });
    const res = await failing.execute(w.actors.viewer, request());
    expect(res.status).toBe(409);
    expect(await answer(res)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'translated by the action',
      current: { version: 2 },
      requestId: res.headers.get('x-request-id'),
    });
    const passing = withRoute({ name: 'test.ok', auth: true, handler: async () => ({ ok: true as const, data: { id: 1 } }) });
    const ok = await passing.execute(w.actors.viewer, request());
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await answer(ok)).toEqual({ ok: true, data: { id: 1 } });
  });

  it('a database rule broken in the handler keeps its code (a unique violation is CONFLICT), not 500', async () => {
    const route = withRoute({
      name: 'test.duplicate',
      auth: true,
      handler: async () => {
        const db = getDb();
        await db.execute(sql`insert into counties (code, name_zh, name_en, sort) values (${w.countyA.code}, 'x', 'x', 99)`);
        return json({});
      },
    });
    const res = await route.execute(w.actors.dispatch, request());
    expect(res.status).toBe(409);
    expect(await answer(res)).toMatchObject({ code: 'CONFLICT', message: zh('errors.DUPLICATE') });
  });

  it('every response has a request id of its own, also a success the handler built', async () => {
    const a = await echo.execute(w.actors.viewer, request(), { id: '1' });
    const b = await echo.execute(w.actors.viewer, request(), { id: '1' });
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it('isRoute knows what withRoute made', () => {
    expect(isRoute(echo)).toBe(true);
    expect(isRoute(async () => new Response())).toBe(false);
    expect(isRoute(Object.assign(async () => new Response(), { execute: () => {}, meta: {} }))).toBe(false);
  });
});

describe('logging an unexpected error', () => {
  const SECRET = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA';
  const QUERY = 'update "users" set "password_hash" = $1 where "users"."id" = $2';

  function routeThrowing(make: () => unknown) {
    return withRoute({
      name: 'test.boom',
      auth: true,
      handler: async () => {
        throw make();
      },
    });
  }

  async function failWith(make: () => unknown): Promise<{ line: string; body: Record<string, unknown>; requestId: string; calls: number }> {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await routeThrowing(make).execute(w.actors.viewer, request());
    expect(res.status).toBe(500);
    const calls = logged.mock.calls.length;
    const line = logged.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
    return { line, body: await answer(res), requestId: res.headers.get('x-request-id')!, calls };
  }

  it('a driver error inside drizzle’s: logged once by name and message, never its query or parameters', async () => {
    const driver = Object.assign(new Error('connection terminated unexpectedly'), {
      name: 'PostgresError',
      query: QUERY,
      parameters: [SECRET, 7],
    });
    const { line, body, requestId, calls } = await failWith(() => new DrizzleQueryError(QUERY, [SECRET, 7], driver));
    expect(calls).toBe(1);
    expect(line).toBe(`[route test.boom] request ${requestId} failed: PostgresError: connection terminated unexpectedly`);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain('password_hash');
    expect(body).toEqual({ ok: false, code: 'INTERNAL', message: zh('errors.INTERNAL', { requestId }), requestId });
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('drizzle’s error without a cause: its name only, not the message that quotes the query', async () => {
    const { line, requestId } = await failWith(() => new DrizzleQueryError(QUERY, [SECRET, 7], undefined as unknown as Error));
    expect(line).toBe(`[route test.boom] request ${requestId} failed: Error: query failed`);
    expect(line).not.toContain(SECRET);
  });

  it('a real failed query on this database: the server’s message, not the parameter', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = withRoute({
      name: 'test.query',
      auth: true,
      handler: async () => {
        await getDb().execute(sql`select * from no_such_table where secret = ${SECRET}`);
        return json({});
      },
    });
    const res = await route.execute(w.actors.viewer, request());
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(1);
    const text = logged.mock.calls[0]!.map(String).join(' ');
    expect(text).toMatch(
      new RegExp(
        `^\\[route test\\.query\\] request ${res.headers.get('x-request-id')} failed: \\w+: relation "no_such_table" does not exist$`,
      ),
    );
    expect(text).not.toContain(SECRET);
  });

  it('a streamed body that fails half-way is logged the same way and aborted', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = withRoute({
      name: 'test.stream',
      auth: true,
      handler: async () => {
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (!sent) {
              sent = true;
              controller.enqueue(new TextEncoder().encode('a,b\n'));
              return;
            }
            controller.error(
              new DrizzleQueryError(
                QUERY,
                [SECRET],
                Object.assign(new Error('canceling statement due to statement timeout'), { name: 'PostgresError' }),
              ),
            );
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/csv' } });
      },
    });
    const res = await route.execute(w.actors.viewer, request());
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(logged).toHaveBeenCalledTimes(1);
    const text = logged.mock.calls[0]!.map(String).join(' ');
    expect(text).toBe(
      `[route test.stream] request ${res.headers.get('x-request-id')} failed: PostgresError: canceling statement due to statement timeout`,
    );
  });
});
