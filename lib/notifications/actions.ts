'use server';

/**
 * Read receipts. A user marks only their own notifications: another user's id is NOT_FOUND
 * (the notification's resource loads only the actor's own) and changes nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { now } from '@/lib/clock';
import { notificationResource } from './resource';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Marks one of the actor's notifications read (already read: nothing changes, still ok). */
export const markRead = createAction({
  name: 'notification.read',
  schema: z.object({ id: idSchema }),
  permission: 'notification.read',
  load: { resource: notificationResource, id: 'id' },
  run: async ({ actor, tx, audit, record: row }) => {
    if (row.readAt) return { id: row.id, changed: 0 };
    await tx
      .update(notifications)
      .set({ readAt: now() })
      .where(and(eq(notifications.id, row.id), eq(notifications.userId, actor.id), isNull(notifications.readAt)));
    await audit({ action: 'notification.read', entityType: 'notification', entityId: row.id, before: null, after: { read: true } });
    return { id: row.id, changed: 1 };
  },
});

/** Marks all of the actor's unread notifications read. */
export const markAllRead = createAction({
  name: 'notification.readAll',
  schema: z.object({}).optional(),
  permission: 'notification.read',
  run: async ({ actor, tx, audit }) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now() })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) {
      await audit({ action: 'notification.readAll', entityType: 'user', entityId: actor.id, before: null, after: { count: rows.length } });
    }
    return { changed: rows.length };
  },
});

/**
 * The actor's unread count, for the header badge to refresh itself after client-side
 * navigation (a read, not a mutation; 0 when signed out).
 */
export async function fetchUnreadCount(): Promise<number> {
  const [{ getActor }, { unreadCount }] = await Promise.all([import('@/lib/auth/session'), import('./queries')]);
  const actor = await getActor();
  return actor ? unreadCount(actor) : 0;
}
