import { DrizzleQueryError, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz';
import { AppError, ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { translator } from '@/lib/i18n/translate';
import { buildWorld, type World } from '@/lib/projects/test-world';
import { milestoneResource } from '@/lib/milestones/resource';
import { useTestDb } from '@/test/db';
import { routeId } from './id';
import { isRoute, json, withRoute } from './route';

/** The session as getActor() would read it from the cookie (the bound handler's one input besides the request). */
const session = vi.hoisted(() => ({ actor: null as Actor | null, reads: 0 }));
vi.mock('@/lib/auth/session', () => ({
  getActor: async () => {
    session.reads += 1;
    return session.actor;
  },
}));

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let w: World;

beforeEach(async () => {
  w = await buildWorld();
  session.actor = null;
  session.reads = 0;
});
afterEach(() => vi.restoreAllMocks());

function request(path = '/api/x', init: RequestInit & { locale?: 'zh-CN' | 'en' } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.locale) headers.set('cookie', `theme=dark; NEXT_LOCALE=${init.locale}`);
  return new Request(`http://localhost${path}`, { ...init, headers });
}
const nextContext = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function answer(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

const echo = withRoute({
  name: 'test.echo',
  auth: true,
  params: z.object({ id: routeId }),
  handler: async ({ actor, params }) => json({ actor: actor.id, id: params.id }),
});

describe('the session', () => {
  it('401 without one, through the handler Next.js calls; the handler never runs', async () => {
    const handler = vi.fn(async () => json({}));
    const route = withRoute({ name: 'test.401', auth: true, handler });
    const res = await route(request('/api/x', { locale: 'en' }), nextContext());
    expect(res.status).toBe(401);
    expect(await answer(res)).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: en('errors.UNAUTHENTICATED'),
      requestId: res.headers.get('x-request-id'),
    });
    expect(session.reads).toBe(1);
    expect(handler).not.toHaveBeenCalled();
  });

  it('the signed-in actor and the awaited route params reach the handler', async () => {
    session.actor = w.actors.viewer;
    const res = await echo(request(), nextContext({ id: '42' }));
    expect(res.status).toBe(200);
    expect(await answer(res)).toEqual({ actor: w.actors.viewer.id, id: 42 });
  });

  it('auth: false reads no session and gives the handler no actor', async () => {
    session.actor = w.actors.admin;
    const route = withRoute({ name: 'test.open', auth: false, handler: async ({ actor }) => json({ actor }) });
    const res = await route(request(), nextContext());
    expect(await answer(res)).toEqual({ actor: null });
    expect(session.reads).toBe(0);
    expect(route.meta).toEqual({ name: 'test.open', auth: false });
  });

  it('a route without a session checks no permission (refused when defined)', () => {
    expect(() => withRoute({ name: 'x', auth: false, permission: 'project.read', handler: async () => json({}) })).toThrow(
      /without a session/,
    );
    expect(() =>
      withRoute({
        name: 'y',
        auth: true,
        params: z.object({ id: routeId }),
        load: { resource: milestoneResource, id: 'id' },
        handler: async () => json({}),
      }),
    ).toThrow(/load needs the permission/);
  });
});

describe('route params', () => {
  it.each(['abc', '0', '-1', '1.5', '1e3', '0x10', ' 12', '12a', '1234567890', '../../etc/passwd', ''])(
    'a malformed id (%j) is 404',
    async (raw) => {
      const handler = vi.fn(async () => json({}));
      const route = withRoute({ name: 'test.id', auth: true, params: z.object({ id: routeId }), handler });
      const res = await route.execute(w.actors.admin, request(), { id: raw });
      expect(res.status).toBe(404);
      expect(await answer(res)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: zh('errors.NOT_FOUND') });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('the same digits the pages accept are ids', async () => {
    for (const [raw, id] of [
      ['7', 7],
      ['007', 7],
      ['999999999', 999_999_999],
    ] as const) {
      expect(await answer(await echo.execute(w.actors.admin, request(), { id: raw }))).toEqual({ actor: w.actors.admin.id, id });
    }
  });
});

describe('query and body', () => {
  const create = withRoute({
    name: 'test.create',
    auth: true,
    query: z.object({ dryRun: z.enum(['0', '1']).optional() }),
    body: z.object({ name: z.string().min(1).max(5), count: z.number().int() }),
    handler: async ({ body, query }) => json({ body, query }, { status: 201 }),
  });
  const post = (body: string, contentType = 'application/json', path = '/api/x', locale: 'zh-CN' | 'en' = 'zh-CN') =>
    create.execute(w.actors.dispatch, request(path, { method: 'POST', body, headers: { 'content-type': contentType }, locale }));

  it('a valid JSON body and query reach the handler, parsed', async () => {
    const res = await post('{"name":"ab","count":2,"extra":true}', 'application/json; charset=utf-8', '/api/x?dryRun=1');
    expect(res.status).toBe(201);
    expect(await answer(res)).toEqual({ body: { name: 'ab', count: 2 }, query: { dryRun: '1' } });
  });

  it('a body that fails its schema is 422 with per-field messages in the request’s language', async () => {
    const res = await post('{"name":"toolong","count":1.5}', 'application/json', '/api/x', 'en');
    expect(res.status).toBe(422);
    const body = await answer(res);
    expect(body).toMatchObject({ ok: false, code: 'INVALID', message: en('errors.INVALID'), requestId: expect.stringMatching(UUID) });
    expect(body.fieldErrors).toEqual({ name: [en('validation.tooLong', { max: 5 })], count: [expect.any(String)] });
  });

  it('a query that fails its schema is 422 with the field named', async () => {
    const res = await post('{"name":"ab","count":2}', 'application/json', '/api/x?dryRun=yes');
    expect(res.status).toBe(422);
    expect(Object.keys((await answer(res)).fieldErrors as object)).toEqual(['dryRun']);
  });

  it('a body that does not parse is 422; one that is not JSON is 415', async () => {
    const broken = await post('{"name":');
    expect(broken.status).toBe(422);
    expect(await answer(broken)).toMatchObject({ ok: false, code: 'INVALID', message: zh('errors.INVALID') });
    const form = await post('name=ab&count=2', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(await answer(form)).toMatchObject({ ok: false, code: 'INVALID', message: zh('errors.INVALID') });
  });

  it('sameOrigin refuses a browser request from another site (403) and lets the same host and scripts through', async () => {
    const route = withRoute({ name: 'test.origin', auth: true, sameOrigin: true, handler: async () => json({ ok: true }) });
    const from = (origin?: string) =>
      route.execute(
        w.actors.viewer,
        request('/api/x', { method: 'POST', headers: { host: 'kpd.example', ...(origin ? { origin } : {}) } }),
      );
    expect((await from('https://evil.example')).status).toBe(403);
    expect((await from('not a url')).status).toBe(403);
    expect((await from('https://kpd.example')).status).toBe(200);
    expect((await from()).status).toBe(200);
  });
});

describe('permission and load', () => {
  const read = withRoute({
    name: 'test.milestone',
    auth: true,
    permission: 'milestone.update',
    params: z.object({ id: routeId }),
    load: { resource: milestoneResource, id: 'id' },
    handler: async ({ record }) => json({ name: record.milestone.name }),
  });
  const get = (actor: Actor, id: number) => read.execute(actor, request(), { id: String(id) });

  it('loads the record through its resource and checks the grant on it: 200 / 403 / 404', async () => {
    expect(await answer(await get(w.actors.leadOwn, w.milestone.id))).toEqual({ name: w.milestone.name });
    expect((await get(w.actors.leadOther, w.milestone.id)).status).toBe(403);
    expect((await get(w.actors.countyB, w.milestone.id)).status).toBe(404);
    expect((await get(w.actors.dispatch, w.milestone.id + 1000)).status).toBe(404);
    expect(read.meta).toMatchObject({ name: 'test.milestone', auth: true, permission: 'milestone.update', load: { id: 'id' } });
  });

  it('a role that never holds the permission: 403 for what it sees, 404 for what it does not', async () => {
    expect((await get(w.actors.viewer, w.milestone.id)).status).toBe(403);
    const countyViewer = { ...w.actors.viewer, countyId: w.countyB.id };
    expect((await get(countyViewer, w.milestone.id)).status).toBe(404);
  });

  it('without load, only an ANY grant passes', async () => {
    const route = withRoute({ name: 'test.any', auth: true, permission: 'milestone.update', handler: async () => json({ ok: true }) });
    expect((await route.execute(w.actors.dispatch, request())).status).toBe(200);
    // The lead holds milestone.update only on the projects they lead: no record, no grant.
    expect((await route.execute(w.actors.leadOwn, request())).status).toBe(403);
  });
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
