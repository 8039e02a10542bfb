import 'server-only';
import { and, count, desc, eq, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications, projects } from '@/db/schema';
import type { NotificationKind } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';

// Reads of the actor's own notifications. Every query is limited to userId = actor.id, and
// to projects still in the actor's scope (a notification never names a project they cannot see).

export const NOTIFICATION_PAGE_SIZE = 20;

function mine(actor: Actor) {
  const scope = projectScope(actor);
  return and(eq(notifications.userId, actor.id), scope ? or(isNull(notifications.projectId), scope) : undefined);
}

/** How many of the actor's notifications are unread (the badge in the header). */
export async function unreadCount(actor: Actor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .leftJoin(projects, eq(projects.id, notifications.projectId))
    .where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  href: string;
  entityType: string;
  entityId: number;
  params: Record<string, string | number>;
  projectId: number | null;
  projectName: string | null;
  projectNameEn: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** One page of the actor's notifications, newest first, with the total and the unread count. */
export async function listNotifications(
  actor: Actor,
  page = 1,
  { pageSize = NOTIFICATION_PAGE_SIZE, unreadOnly = false }: { pageSize?: number; unreadOnly?: boolean } = {},
): Promise<{ rows: NotificationRow[]; total: number; unread: number; page: number; pageSize: number }> {
  const db = await getDb();
  const size = Math.max(1, Math.min(Math.trunc(pageSize) || NOTIFICATION_PAGE_SIZE, 100));
  const p = Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 100_000) : 1;
  const where = and(mine(actor), unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total], unread] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        href: notifications.href,
        entityType: notifications.entityType,
        entityId: notifications.entityId,
        params: notifications.params,
        projectId: notifications.projectId,
        projectName: projects.name,
        projectNameEn: projects.nameEn,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .leftJoin(projects, eq(projects.id, notifications.projectId))
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(size)
      .offset((p - 1) * size),
    db.select({ n: count() }).from(notifications).leftJoin(projects, eq(projects.id, notifications.projectId)).where(where),
    unreadCount(actor),
  ]);
  return { rows, total: total?.n ?? 0, unread, page: p, pageSize: size };
}
