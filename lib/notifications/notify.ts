import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifications, projectCounties, projects, users } from '@/db/schema';
import type { NotificationKind } from '@/db/schema/enums';
import { now } from '@/lib/clock';

export interface NotificationInput {
  kind: NotificationKind;
  projectId: number | null;
  entityType: string;
  entityId: number;
  href: string;
  params?: Record<string, string | number>;
}

/**
 * Creates one notification per recipient, in the caller's transaction (so a notification
 * exists exactly when the change it announces does). Duplicate and missing ids are dropped;
 * the actor is never notified of their own action when `exceptUserId` is given.
 */
export async function notify(
  tx: Executor,
  recipients: readonly (number | null | undefined)[],
  input: NotificationInput,
  exceptUserId?: number,
): Promise<number> {
  const ids = [...new Set(recipients.filter((r): r is number => typeof r === 'number' && r !== exceptUserId))];
  if (ids.length === 0) return 0;
  const createdAt = now();
  await tx.insert(notifications).values(
    ids.map((userId) => ({
      userId,
      kind: input.kind,
      projectId: input.projectId,
      entityType: input.entityType,
      entityId: input.entityId,
      href: input.href,
      params: input.params ?? {},
      createdAt,
    })),
  );
  return ids.length;
}

/**
 * Active dispatch-office users whose scope covers the project: the prefecture's office, and the
 * office of every county the project touches (its responsible county and the counties it
 * crosses, project_counties), so each office that sees the project hears of it.
 */
export async function dispatchOfficeIds(tx: Executor, projectId: number): Promise<number[]> {
  const touched = sql`${users.countyId} IN (SELECT ${projectCounties.countyId} FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${projectId}
    UNION SELECT ${projects.countyId} FROM ${projects} WHERE ${projects.id} = ${projectId})`;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'dispatch'), eq(users.disabled, false), or(isNull(users.countyId), touched)));
  return rows.map((r) => r.id);
}

/** Active users who belong to a unit (the people a problem assigned to that unit reaches). */
export async function unitMemberIds(tx: Executor, unitId: number | null): Promise<number[]> {
  if (unitId === null) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.disabled, false), inArray(users.role, ['lead', 'leader', 'dispatch'])));
  return rows.map((r) => r.id);
}
