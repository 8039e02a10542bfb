/**
 * Idempotency keys through both wrappers: an action's `idempotencyKey` field and a route's
 * `Idempotency-Key` header. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (the
 * concurrent repeats only there: PGlite is one connection).
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditEvents, idempotencyKeys, milestones, units } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { json, withRoute } from '@/lib/http/route';
import { translator } from '@/lib/i18n/translate';
import { patchMilestoneRoute } from '@/lib/milestones/http';
import { onPostgres, useTestDb } from '@/test/db';
import { actorOf, makeMilestone, makeProject, makeUser } from '@/test/factories';
import type { Actor } from '@/lib/authz';
import { IDEMPOTENCY_TTL_MS } from './idempotency';
import { createAction } from './wrapper';

const getDb = useTestDb();
const en = translator('en');
const zh = translator('zh-CN');

let runs = 0;
/** Creates a unit (a row to count); `fail` throws after the write, `sleepMs` holds the transaction open. */
const addUnit = createAction({
  name: 'test.idem.addUnit',
  schema: z.object({ name: z.string().min(1).max(50), fail: z.boolean().optional(), sleepMs: z.number().optional() }),
  permission: 'project.create',
  run: async ({ input, tx, audit }) => {
    runs++;
    const [u] = await tx.insert(units).values({ nameZh: input.name, nameEn: input.name, kind: 'responsible' }).returning();
    await audit({ action: '', entityType: 'unit', entityId: u!.id });
    if (input.sleepMs) await tx.execute(sql`select pg_sleep(${input.sleepMs / 1000})`);
    if (input.fail) throw new Error('boom after the write');
    return { id: u!.id, at: new Date('2025-06-15T04:00:00Z') };
  },
});

async function count(table: typeof units | typeof idempotencyKeys | typeof auditEvents): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(table);
  return row!.n;
}

let actor: Actor;
beforeEach(async () => {
  runs = 0;
  actor = actorOf(await makeUser({ role: 'dispatch' }));
});
afterEach(() => setClockForTests(null));

describe('an action with idempotencyKey', () => {
  it('runs once: a repeat with the same input returns the stored answer (the same data, through JSON), nothing written again', async () => {
    const first = await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'k-1' });
    expect(first).toEqual({ ok: true, data: { id: expect.any(Number), at: '2025-06-15T04:00:00.000Z' } });
    const audits = await count(auditEvents);
    const second = await addUnit.execute(actor, { idempotencyKey: 'k-1', name: '单位甲' });
    expect(second).toEqual(first);
    expect(runs).toBe(1);
    expect(await count(units)).toBe(1);
    expect(await count(auditEvents)).toBe(audits);
    const [row] = await getDb().select().from(idempotencyKeys);
    expect(row).toMatchObject({ actorId: actor.id, scope: 'test.idem.addUnit', key: 'k-1', answer: first });
  });

  it('the key is no part of the input: a strict schema never sees it', async () => {
    const strict = createAction({
      name: 'test.idem.strict',
      schema: z.strictObject({ n: z.number() }),
      permission: 'project.create',
      run: async ({ input }) => input,
    });
    expect(await strict.execute(actor, { n: 1, idempotencyKey: 'abc' })).toEqual({ ok: true, data: { n: 1 } });
    expect(await strict.execute(actor, { n: 2, idempotencyKey: '' })).toEqual({ ok: true, data: { n: 2 } });
  });

  it('the same key with another input: IDEMPOTENCY_MISMATCH (422), in the user’s language, nothing run', async () => {
    await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'k-2' });
    const res = await addUnit.execute(actor, { name: '单位乙', idempotencyKey: 'k-2' }, en);
    expect(res).toEqual({ ok: false, code: 'IDEMPOTENCY_MISMATCH', message: en('errors.IDEMPOTENCY_MISMATCH') });
    expect(runs).toBe(1);
    expect(await count(units)).toBe(1);
  });

  it('keys are per actor and per action: another user’s same key runs on its own', async () => {
    const other = actorOf(await makeUser({ role: 'dispatch' }));
    await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'shared' });
    const res = await addUnit.execute(other, { name: '单位乙', idempotencyKey: 'shared' });
    expect(res.ok).toBe(true);
    expect(await count(units)).toBe(2);
  });

  it('a failed first try stores no key (rolled back with the write): the retry runs', async () => {
    const failed = await addUnit.execute(actor, { name: '单位甲', fail: true, idempotencyKey: 'k-3' });
    expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await count(idempotencyKeys)).toBe(0);
    expect(await count(units)).toBe(0);
    // A retry of the same attempt with the same input, which now succeeds.
    const retry = await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'k-3' });
    expect(retry.ok).toBe(true);
    expect(await count(units)).toBe(1);
  });

  it('a malformed key is a field error (422) in the user’s language, nothing run', async () => {
    for (const key of ['has space', 'x'.repeat(201), 42, '键']) {
      const res = await addUnit.execute(actor, { name: '单位甲', idempotencyKey: key }, zh);
      expect(res).toEqual({
        ok: false,
        code: 'INVALID',
        message: zh('errors.INVALID'),
        fieldErrors: { idempotencyKey: [zh('errors.IDEMPOTENCY_KEY')] },
      });
    }
    expect(runs).toBe(0);
  });

  it('keys expire after 24 hours: the same key runs again, and expired rows of others are swept', async () => {
    const other = actorOf(await makeUser({ role: 'dispatch' }));
    setClockForTests(new Date('2025-06-15T04:00:00Z'));
    await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'k-4' });
    await addUnit.execute(other, { name: '单位乙', idempotencyKey: 'k-5' });
    setClockForTests(new Date(Date.parse('2025-06-15T04:00:00Z') + IDEMPOTENCY_TTL_MS - 1000));
    expect((await addUnit.execute(actor, { name: '单位甲', idempotencyKey: 'k-4' })).ok).toBe(true);
    expect(runs).toBe(2); // within the day: replayed
    setClockForTests(new Date(Date.parse('2025-06-15T04:00:00Z') + IDEMPOTENCY_TTL_MS + 1000));
    // Expired: the key is free again, so another input is no mismatch, and it runs.
    expect((await addUnit.execute(actor, { name: '单位丙', idempotencyKey: 'k-4' })).ok).toBe(true);
    expect(runs).toBe(3);
    const left = await getDb().select({ actorId: idempotencyKeys.actorId, key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left).toEqual([{ actorId: actor.id, key: 'k-4' }]); // the other actor's expired row is gone
  });

  it.runIf(onPostgres)('concurrent repeats (PostgreSQL): one runs, the other waits on the key and returns its answer', async () => {
    const [a, b] = await Promise.all([
      addUnit.execute(actor, { name: '单位甲', sleepMs: 300, idempotencyKey: 'k-c' }),
      (async () => {
        await new Promise((r) => setTimeout(r, 50));
        return addUnit.execute(actor, { name: '单位甲', sleepMs: 300, idempotencyKey: 'k-c' });
      })(),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(runs).toBe(1);
    expect(await count(units)).toBe(1);
  });

  it.runIf(onPostgres)('concurrent repeats where the first fails (PostgreSQL): the waiting one runs itself', async () => {
    const [a, b] = await Promise.all([
      addUnit.execute(actor, { name: '单位甲', sleepMs: 300, idempotencyKey: 'k-f', fail: true }),
      (async () => {
        await new Promise((r) => setTimeout(r, 50));
        return addUnit.execute(actor, { name: '单位甲', sleepMs: 300, idempotencyKey: 'k-f', fail: true });
      })(),
    ]);
    // Same input, both fail after their write: neither is replayed, nothing stays.
    expect(a).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(b).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(runs).toBe(2);
    expect(await count(units)).toBe(0);
    expect(await count(idempotencyKeys)).toBe(0);
  });
});

describe('a route with Idempotency-Key', () => {
  const addUnitRoute = withRoute({
    name: 'test.idem.route',
    auth: true,
    body: z.object({ name: z.string() }),
    handler: async ({ actor, body, t, requestId }) => {
      const res = await addUnit.execute(actor, { name: body.name }, t, requestId);
      return res.ok ? json({ ok: true, data: res.data }, { status: 201 }) : res;
    },
  });
  const post = (body: string, key?: string, path = '/api/units') =>
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body,
    });

  it('a repeat of the same request (same body bytes) answers the first answer; the handler’s action does not run again', async () => {
    const first = await addUnitRoute.execute(actor, post('{"name":"单位甲"}', 'r-1'));
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const second = await addUnitRoute.execute(actor, post('{"name":"单位甲"}', 'r-1'));
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(firstBody);
    expect(runs).toBe(1);
    expect(await count(units)).toBe(1);
    const [row] = await getDb().select().from(idempotencyKeys);
    expect(row).toMatchObject({ scope: 'test.idem.route:test.idem.addUnit', key: 'r-1' });
  });

  it('the same key with another body or another path: 422 IDEMPOTENCY_MISMATCH, the message in the request’s language', async () => {
    await addUnitRoute.execute(actor, post('{"name":"单位甲"}', 'r-2'));
    for (const req of [post('{"name":"单位乙"}', 'r-2'), post('{"name":"单位甲"}', 'r-2', '/api/units?x=1')]) {
      const res = await addUnitRoute.execute(actor, req);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ ok: false, code: 'IDEMPOTENCY_MISMATCH', message: zh('errors.IDEMPOTENCY_MISMATCH') });
    }
    expect(runs).toBe(1);
  });

  it('without a key every request runs; a malformed key is 422 before anything runs', async () => {
    await addUnitRoute.execute(actor, post('{"name":"单位甲"}'));
    await addUnitRoute.execute(actor, post('{"name":"单位乙"}'));
    expect(runs).toBe(2);
    const bad = await addUnitRoute.execute(actor, post('{"name":"单位丙"}', 'bad key!'));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 'INVALID', message: zh('errors.IDEMPOTENCY_KEY') });
    expect(runs).toBe(2);
  });

  it('PATCH /api/milestones/:id retried after its first try committed: the stored 200, not a 409 for the version it moved on', async () => {
    const lead = await makeUser({ role: 'lead' });
    const project = await makeProject({ projectLeadId: lead.id });
    const m = await makeMilestone({ projectId: project.id, status: 'not_started' });
    const patch = () =>
      new Request(`http://localhost/api/milestones/${m.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'm-1' },
        body: JSON.stringify({ version: m.version, status: 'in_progress', note: '开工' }),
      });
    const first = await patchMilestoneRoute.execute(actor, patch(), { id: String(m.id) });
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const retry = await patchMilestoneRoute.execute(actor, patch(), { id: String(m.id) });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(firstBody);
    const [row] = await getDb().select().from(milestones).where(eq(milestones.id, m.id));
    expect(row!.version).toBe(m.version + 1); // applied once
    // Without the key the same retry is the stale version it is.
    const noKey = new Request(`http://localhost/api/milestones/${m.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: m.version, status: 'in_progress', note: '开工' }),
    });
    expect((await patchMilestoneRoute.execute(actor, noKey, { id: String(m.id) })).status).toBe(409);
  });
});
