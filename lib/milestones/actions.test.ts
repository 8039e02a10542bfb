import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, milestones } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { auditCount, buildWorld, milestoneRow, type RoleKey, type World } from '@/lib/projects/test-world';
import { useTestDb } from '@/test/db';
import { createMilestone, updateMilestone } from './actions';

const getDb = useTestDb();
let w: World;

beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildWorld();
});

const edit = (over: Record<string, unknown> = {}) => ({
  id: w.milestone.id,
  version: w.milestone.version,
  forecastDate: '2025-07-15',
  actualDate: '',
  status: 'in_progress',
  note: '主体结构施工中',
  ...over,
});

describe('updateMilestone: text the database cannot store', () => {
  it('a NUL in the note is a field error in the user’s language, and nothing is written', async () => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);
    const res = await updateMilestone.execute(w.actors.leadOwn, edit({ note: '主体\u0000结构' }), translator('zh-CN'));
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { note: ['含有无法保存的字符（如空字符），请删除后重试'] } });
    expect(await milestoneRow(db, w.milestone.id)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });
});

describe('updateMilestone: who may', () => {
  const table: [RoleKey, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'][] = [
    ['admin', 'ok'],
    ['dispatch', 'ok'],
    ['leader', 'FORBIDDEN'],
    ['leadOwn', 'ok'],
    ['leadOther', 'FORBIDDEN'],
    ['viewer', 'FORBIDDEN'],
    ['countyB', 'NOT_FOUND'],
  ];
  it.each(table)('%s → %s', async (role, expected) => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);
    const res = await updateMilestone.execute(w.actors[role], edit());
    const after = await milestoneRow(db, w.milestone.id);
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { id: w.milestone.id, version: 2 } });
      expect(after).toMatchObject({ forecastDate: '2025-07-15', note: '主体结构施工中', version: 2 });
      const events = await db.select().from(auditEvents);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'milestone.update',
        entityType: 'milestone',
        entityId: String(w.milestone.id),
        projectId: w.project.id,
        actorId: w.actors[role].id,
        before: { forecastDate: null, note: null },
        after: { forecastDate: '2025-07-15', note: '主体结构施工中' },
      });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      expect(after).toEqual(before);
      expect(await auditCount(db)).toBe(0);
    }
  });

  it('refuses a signed-out caller', async () => {
    const res = await updateMilestone.execute(null, edit());
    expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await auditCount(getDb())).toBe(0);
  });

  it('treats a missing milestone like an invisible one', async () => {
    const res = await updateMilestone.execute(w.actors.admin, edit({ id: w.milestone.id + 1000 }));
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('updateMilestone: versions', () => {
  it('the second of two updates from the same version gets CONFLICT with the current values; the first survives', async () => {
    const db = getDb();
    const first = await updateMilestone.execute(w.actors.dispatch, edit({ forecastDate: '2025-08-01', note: 'first' }));
    const second = await updateMilestone.execute(w.actors.leadOwn, edit({ forecastDate: '2025-09-01', note: 'second' }));
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: w.milestone.id, version: 2, forecastDate: '2025-08-01', note: 'first', changedBy: w.users.dispatch.displayName },
    });
    expect(await milestoneRow(db, w.milestone.id)).toMatchObject({ version: 2, forecastDate: '2025-08-01', note: 'first' });
    expect(await auditCount(db)).toBe(1);
  });

  it('an update from the new version goes through', async () => {
    await updateMilestone.execute(w.actors.dispatch, edit({ note: 'first' }));
    const res = await updateMilestone.execute(w.actors.dispatch, edit({ version: 2, note: 'again' }));
    expect(res).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it('an update that changes nothing writes nothing', async () => {
    const res = await updateMilestone.execute(w.actors.dispatch, { id: w.milestone.id, version: 1, status: 'in_progress' });
    expect(res).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await auditCount(getDb())).toBe(0);
  });
});

describe('updateMilestone: validation, per field', () => {
  const zh = translator('zh-CN');
  it.each([
    ['forecastDate', 'a date that does not exist', { forecastDate: '2025-02-30' }, zh('validation.invalidDate')],
    ['forecastDate', 'not YYYY-MM-DD', { forecastDate: '15/07/2025' }, zh('validation.invalidDate')],
    ['actualDate', 'in the future', { actualDate: '2025-06-16' }, zh('validation.actualInFuture')],
    ['actualDate', 'missing when done', { status: 'done', actualDate: '' }, zh('validation.actualRequiredWhenDone')],
    ['note', 'over 2000 characters', { note: '字'.repeat(2001) }, zh('validation.tooLong', { max: 2000 })],
    ['status', 'not a status', { status: 'finished' }, zh('validation.invalidChoice')],
  ])('%s: %s', async (field, _why, over, message) => {
    const db = getDb();
    const before = await milestoneRow(db, w.milestone.id);
    const res = await updateMilestone.execute(w.actors.dispatch, edit(over));
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {})).toEqual([field]);
    expect(res.fieldErrors?.[field]).toEqual([message]);
    expect(await milestoneRow(db, w.milestone.id)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });

  it('reports every bad field at once', async () => {
    const res = await updateMilestone.execute(
      w.actors.dispatch,
      edit({ forecastDate: 'x', actualDate: '2030-01-01', note: 'n'.repeat(2001) }),
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['actualDate', 'forecastDate', 'note']);
  });

  it('done with today as the actual date is accepted', async () => {
    const res = await updateMilestone.execute(w.actors.leadOwn, edit({ status: 'done', actualDate: '2025-06-15' }));
    expect(res.ok).toBe(true);
    expect(await milestoneRow(getDb(), w.milestone.id)).toMatchObject({ status: 'done', actualDate: '2025-06-15' });
  });

  it('done without sending an actual date is refused when none is stored', async () => {
    const res = await updateMilestone.execute(w.actors.dispatch, { id: w.milestone.id, version: 1, status: 'done' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok) expect(res.fieldErrors?.actualDate).toHaveLength(1);
    expect(await milestoneRow(getDb(), w.milestone.id)).toMatchObject({ status: 'in_progress', version: 1 });
  });
});

describe('createMilestone', () => {
  const input = () => ({
    projectId: w.project.id,
    kind: 'grid_connection',
    name: '全容量并网',
    plannedDate: '2025-12-31',
    status: 'not_started',
  });
  const milestoneCount = async () =>
    (await getDb().select({ n: count() }).from(milestones).where(eq(milestones.projectId, w.project.id)))[0]?.n;

  const table: [RoleKey, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'][] = [
    ['admin', 'ok'],
    ['dispatch', 'ok'],
    ['leader', 'FORBIDDEN'],
    ['leadOwn', 'FORBIDDEN'],
    ['leadOther', 'FORBIDDEN'],
    ['viewer', 'FORBIDDEN'],
    ['countyB', 'NOT_FOUND'],
  ];
  it.each(table)('%s → %s', async (role, expected) => {
    const res = await createMilestone.execute(w.actors[role], input());
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { projectId: w.project.id, version: 1 } });
      expect(await milestoneCount()).toBe(2);
      const [event] = await getDb().select().from(auditEvents);
      expect(event).toMatchObject({ action: 'milestone.create', projectId: w.project.id, before: null });
      expect(event?.after).toMatchObject({ name: '全容量并网', kind: 'grid_connection', plannedDate: '2025-12-31' });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      expect(await milestoneCount()).toBe(1);
      expect(await auditCount(getDb())).toBe(0);
    }
  });

  it('validates per field', async () => {
    const res = await createMilestone.execute(w.actors.dispatch, { ...input(), name: ' ', plannedDate: '2025-13-01', kind: 'x' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['kind', 'name', 'plannedDate']);
    expect(await milestoneCount()).toBe(1);
  });
});
