import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';
import { buildProblemWorld, type ProblemWorld } from '@/lib/problems/test-world';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { markAllRead, markRead } from './actions';
import { listNotifications, unreadCount } from './queries';

const getDb = useTestDb();
let w: ProblemWorld;

const notice = (projectId: number | null, entityId = 1) => ({
  kind: 'problem_assigned' as const,
  projectId,
  entityType: 'problem',
  entityId,
  href: `/problems/${entityId}`,
  params: { title: '征地' },
});

async function idsOf(userId: number) {
  const rows = await getDb().select().from(notifications).where(eq(notifications.userId, userId));
  return rows;
}

beforeEach(async () => {
  w = await buildProblemWorld();
  const db = getDb();
  await notify(db, [w.users.leadUnit.id, w.users.leader.id], notice(w.project.id, 1));
  await notify(db, [w.users.leadUnit.id], notice(w.project.id, 2));
  await notify(db, [w.users.leader.id], notice(null, 3));
});

describe('reading notifications', () => {
  it('lists only the actor’s own, newest first, with the project name and the unread count', async () => {
    const mine = await listNotifications(w.actors.leadUnit);
    expect(mine.total).toBe(2);
    expect(mine.unread).toBe(2);
    expect(mine.rows.map((r) => r.entityId)).toEqual([2, 1]);
    expect(mine.rows[0]).toMatchObject({
      kind: 'problem_assigned',
      href: '/problems/2',
      projectName: w.project.name,
      params: { title: '征地' },
      readAt: null,
    });
    expect(await unreadCount(w.actors.leader)).toBe(2);
    expect(await unreadCount(w.actors.viewer)).toBe(0);
    expect((await listNotifications(w.actors.viewer)).rows).toEqual([]);
  });

  it('pages', async () => {
    const first = await listNotifications(w.actors.leadUnit, 1, { pageSize: 1 });
    const second = await listNotifications(w.actors.leadUnit, 2, { pageSize: 1 });
    expect(first.rows.map((r) => r.entityId)).toEqual([2]);
    expect(second.rows.map((r) => r.entityId)).toEqual([1]);
    expect(second.total).toBe(2);
  });

  it('leaves out notifications about projects outside the actor’s scope', async () => {
    const db = getDb();
    const inB = await makeProject({ countyId: w.countyB.id, categoryCode: w.category.code });
    // A county-A-scoped user somehow notified about county B's project (e.g. their scope changed).
    await notify(db, [w.users.leadUnit.id], notice(inB.id, 9));
    expect((await listNotifications(w.actors.leadUnit)).rows.map((r) => r.entityId)).toEqual([2, 1]);
    expect(await unreadCount(w.actors.leadUnit)).toBe(2);
  });
});

describe('markRead / markAllRead', () => {
  it('a user marks their own notification read (once; again is a no-op)', async () => {
    const db = getDb();
    const [n] = await idsOf(w.users.leadUnit.id);
    const res = await markRead.execute(w.actors.leadUnit, { id: n!.id });
    expect(res).toMatchObject({ ok: true, data: { id: n!.id, changed: 1 } });
    expect(await unreadCount(w.actors.leadUnit)).toBe(1);
    const again = await markRead.execute(w.actors.leadUnit, { id: n!.id });
    expect(again).toMatchObject({ ok: true, data: { changed: 0 } });
    expect(await db.select().from(auditEvents)).toHaveLength(1);
  });

  it('a user cannot mark someone else’s notification: NOT_FOUND, nothing changes', async () => {
    const db = getDb();
    const [theirs] = await idsOf(w.users.leader.id);
    const res = await markRead.execute(w.actors.leadUnit, { id: theirs!.id });
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await unreadCount(w.actors.leader)).toBe(2);
    expect(await db.select().from(auditEvents)).toHaveLength(0);
  });

  it('mark all read touches only the actor’s own', async () => {
    const res = await markAllRead.execute(w.actors.leadUnit, {});
    expect(res).toMatchObject({ ok: true, data: { changed: 2 } });
    expect(await unreadCount(w.actors.leadUnit)).toBe(0);
    expect(await unreadCount(w.actors.leader)).toBe(2);
    expect((await idsOf(w.users.leader.id)).every((n) => n.readAt === null)).toBe(true);
    expect(await markAllRead.execute(w.actors.leadUnit, undefined)).toMatchObject({ ok: true, data: { changed: 0 } });
  });

  it('refuses a signed-out caller', async () => {
    const [n] = await idsOf(w.users.leadUnit.id);
    expect(await markRead.execute(null, { id: n!.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await markAllRead.execute(null, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await unreadCount(w.actors.leadUnit)).toBe(2);
  });
});
