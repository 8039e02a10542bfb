/**
 * A notification as a record that actions load: the query shows a user only their own
 * notifications (another user's id is not found), in every scope.
 */
import { and, eq } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export const notificationResource = defineResource<{ id: number; readAt: Date | null }>({
  entity: 'notification',
  load: async (db, actor, id) => {
    const [row] = await db
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
      .limit(1);
    return row ?? null;
  },
  subject: () => ({ countyId: null, everyScope: true }),
  id: (n) => n.id,
});
