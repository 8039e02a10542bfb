import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz';
import { buildWorld, type World } from '@/lib/projects/test-world';
import { milestoneResource } from '@/lib/milestones/resource';
import { useTestDb } from '@/test/db';
import { routeId } from './id';
import { json, withRoute } from './route';

import { answer, en, nextContext, request, UUID, zh } from './route-test-support';

/** The session as getActor() would read it from the cookie (the bound handler's one input besides the request). */
const session = vi.hoisted(() => ({ actor: null as Actor | null, reads: 0 }));
vi.mock('@/lib/auth/session', () => ({
  getActor: async () => {
    session.reads += 1;
    return session.actor;
  },
}));

useTestDb();
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
