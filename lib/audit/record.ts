import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/authz';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  projectId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes one audit event; call it with the mutation's transaction. */
export async function recordAudit(
  tx: Executor,
  actor: Pick<Actor, 'id' | 'displayName'> | null,
  ev: AuditInput,
  requestId?: string,
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'system',
    action: ev.action,
    entityType: ev.entityType,
    entityId: String(ev.entityId),
    projectId: ev.projectId ?? null,
    before: ev.before ?? null,
    after: ev.after ?? null,
    requestId: requestId ?? null,
  });
}

/** Only the fields that changed, as { before, after } for the history view. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      b[key] = was;
      a[key] = now;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Who changed a record last and when (its newest audit event): what a CONFLICT answer shows. */
export async function lastChange(
  tx: Executor,
  entityType: string,
  id: number,
): Promise<{ changedBy: string | null; changedAt: Date | null }> {
  const [last] = await tx
    .select({ actorName: auditEvents.actorName, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(id))))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return { changedBy: last?.actorName ?? null, changedAt: last?.at ?? null };
}
