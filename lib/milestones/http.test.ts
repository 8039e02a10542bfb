import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { auditCount, buildWorld, milestoneRow, type World } from '@/lib/projects/test-world';
import { useTestDb } from '@/test/db';
import { updateMilestone } from './actions';
import { patchMilestoneRoute } from './http';

/** PATCH /api/milestones/:id end to end through the route (lib/milestones/http.ts), the signed-in actor given. */

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let w: World;

beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildWorld();
});

interface Answer {
  ok: boolean;
  code?: string;
  message?: string;
  requestId?: string;
  fieldErrors?: Record<string, string[]>;
  current?: Record<string, unknown>;
  data?: { id: number; projectId: number; version: number };
}

async function patch(
  actor: Actor | null,
  id: string | number,
  body: unknown,
  options: { contentType?: string; locale?: 'zh-CN' | 'en'; raw?: string } = {},
): Promise<{ status: number; body: Answer; headers: Headers }> {
  const request = new Request(`http://localhost/api/milestones/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': options.contentType ?? 'application/json', cookie: `NEXT_LOCALE=${options.locale ?? 'zh-CN'}` },
    body: options.raw ?? JSON.stringify(body),
  });
  const res = await patchMilestoneRoute.execute(actor, request, { id: String(id) });
  expect(res.headers.get('cache-control')).toBe('no-store');
  return { status: res.status, body: (await res.json()) as Answer, headers: res.headers };
}

const edit = (over: Record<string, unknown> = {}) => ({
  version: w.milestone.version,
  status: 'in_progress',
  forecastDate: '2025-07-15',
  note: '主体结构施工中',
  ...over,
});

describe('PATCH /api/milestones/:id', () => {
  it('200 with the new version; the row and one audit event are written, with the request id', async () => {
    const db = getDb();
    const { status, body, headers } = await patch(w.actors.leadOwn, w.milestone.id, edit());
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, data: { id: w.milestone.id, projectId: w.project.id, version: 2 } });
    expect(await milestoneRow(db, w.milestone.id)).toMatchObject({ forecastDate: '2025-07-15', note: '主体结构施工中', version: 2 });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'milestone.update'));
    expect(events).toHaveLength(1);
    // The audit event carries the request's id, the one the response names.
    expect(headers.get('x-request-id')).toMatch(UUID);
    expect(events[0]!.requestId).toBe(headers.get('x-request-id'));
  });

  it('only the editable fields reach the action: the id is the path’s, never the body’s', async () => {
    const db = getDb();
    const { status, body } = await patch(
      w.actors.dispatch,
      w.milestone.id,
      edit({ id: w.milestone.id + 1000, projectId: 999, name: '改名' }),
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ id: w.milestone.id, projectId: w.project.id, version: 2 });
    expect((await milestoneRow(db, w.milestone.id))!.name).toBe(w.milestone.name);
  });

  it('401 without a session, in the request’s language', async () => {
    const { status, body, headers } = await patch(null, w.milestone.id, edit(), { locale: 'en' });
    expect(status).toBe(401);
    expect(body).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: en('errors.UNAUTHENTICATED'),
      requestId: headers.get('x-request-id'),
    });
    expect(await auditCount(getDb())).toBe(0);
  });

  it('403 for the lead of another project; nothing written', async () => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);
    const { status, body } = await patch(w.actors.leadOther, w.milestone.id, edit());
    expect(status).toBe(403);
    expect(body).toMatchObject({ ok: false, code: 'FORBIDDEN', message: zh('errors.FORBIDDEN') });
    expect(await milestoneRow(db, w.milestone.id)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });

  it('404 for a milestone of another county, for one that does not exist, and for a malformed id', async () => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);
    for (const [actor, id] of [
      [w.actors.countyB, w.milestone.id],
      [w.actors.dispatch, w.milestone.id + 1000],
      [w.actors.dispatch, 'abc'],
      [w.actors.dispatch, '0'],
      [w.actors.dispatch, '1.5'],
      [w.actors.dispatch, '1e3'],
    ] as const) {
      const { status, body } = await patch(actor, id, edit());
      expect(status, String(id)).toBe(404);
      expect(body).toMatchObject({ ok: false, code: 'NOT_FOUND', message: zh('errors.NOT_FOUND') });
    }
    expect(await milestoneRow(db, w.milestone.id)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });

  it('409 for a stale version, with the current values and who changed them; the first change survives', async () => {
    const db = getDb();
    const first = await updateMilestone.execute(w.actors.dispatch, { id: w.milestone.id, ...edit({ note: 'first' }) });
    expect(first.ok).toBe(true);
    const { status, body } = await patch(w.actors.leadOwn, w.milestone.id, edit({ note: 'second' }));
    expect(status).toBe(409);
    expect(body).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: zh('errors.CONFLICT'),
      current: { id: w.milestone.id, note: 'first', version: 2, changedBy: w.users.dispatch.displayName },
    });
    expect(body.current!.changedAt).toEqual(expect.any(String));
    expect(body.requestId).toMatch(UUID);
    expect(await milestoneRow(db, w.milestone.id)).toMatchObject({ note: 'first', version: 2 });
  });

  it('422 for a bad body, with the field errors; 415 for a body that is not JSON', async () => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);

    const bad = await patch(w.actors.dispatch, w.milestone.id, edit({ status: 'finished', forecastDate: '2025-02-30' }));
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ ok: false, code: 'INVALID', message: zh('errors.INVALID') });
    expect(Object.keys(bad.body.fieldErrors!).sort()).toEqual(['forecastDate', 'status']);

    const done = await patch(w.actors.dispatch, w.milestone.id, edit({ status: 'done', actualDate: null }), { locale: 'en' });
    expect(done.status).toBe(422);
    expect(done.body.fieldErrors).toEqual({ actualDate: [en('validation.actualRequiredWhenDone')] });

    for (const raw of ['[1, 2]', '"text"', '{"version":']) {
      const res = await patch(w.actors.dispatch, w.milestone.id, null, { raw });
      expect(res.status, raw).toBe(422);
      expect(res.body).toMatchObject({ ok: false, code: 'INVALID' });
    }

    const form = await patch(w.actors.dispatch, w.milestone.id, null, {
      raw: 'version=1&status=done',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ ok: false, code: 'INVALID', message: zh('errors.INVALID') });

    // A NUL byte in the note would be refused by the database: a 422 naming the field, not a 500.
    const nul = await patch(w.actors.dispatch, w.milestone.id, edit({ note: 'a\u0000b' }));
    expect(nul.status).toBe(422);
    expect(nul.body.fieldErrors).toEqual({ note: [zh('validation.invalidCharacters')] });

    expect(await milestoneRow(db, w.milestone.id)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });
});
