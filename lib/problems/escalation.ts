/**
 * 督办: a problem past its deadline escalates, first to its responsible leader (level 1), and
 * when overdue by more than ESCALATE_TO_OFFICE_DAYS to the dispatch office (level 2). The
 * level is raised, never lowered, by this job; each raise is one audit event (actor: system)
 * and its notifications, all in one transaction. Running it again the same day changes nothing.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { problems } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now, today } from '@/lib/clock';
import { dispatchOfficeIds, notify, unitMemberIds } from '@/lib/notifications/notify';
import { problemNotice } from './internal';
import { ACTIVE_STATUSES, daysOverdue, ESCALATE_TO_OFFICE_DAYS, targetEscalationLevel } from './rules';

export { ESCALATE_TO_OFFICE_DAYS };

export interface EscalationChange {
  id: number;
  projectId: number;
  from: number;
  to: number;
  daysOverdue: number;
}

/** Raises the escalation level of every overdue problem that has not reached its level yet. */
export async function escalateOverdueProblems(db: Executor): Promise<EscalationChange[]> {
  const day = today();
  const at = now();
  return db.transaction(async (tx) => {
    // Candidates: active, past the deadline, below the level their lateness calls for. Locked,
    // so two runs at once (two servers on one PostgreSQL) cannot both raise the same problem.
    const target = sql`CASE WHEN ${day}::date - ${problems.deadline} > ${ESCALATE_TO_OFFICE_DAYS} THEN 2 ELSE 1 END`;
    const rows = await tx
      .select({ problem: problems })
      .from(problems)
      .where(and(inArray(problems.status, [...ACTIVE_STATUSES]), lt(problems.deadline, day), sql`${problems.escalationLevel} < ${target}`))
      .orderBy(asc(problems.id))
      .for('update', { of: problems });

    const changes: EscalationChange[] = [];
    for (const { problem: p } of rows) {
      const to = targetEscalationLevel(p, day);
      if (to <= p.escalationLevel) continue;
      const days = daysOverdue(p, day);
      // The version is left alone: escalation changes nothing a user edits, so it must not turn
      // someone's pending resolve or comment into a conflict.
      const [updated] = await tx
        .update(problems)
        .set({ escalationLevel: to, escalatedAt: at })
        .where(and(eq(problems.id, p.id), lt(problems.escalationLevel, to)))
        .returning();
      if (!updated) continue;

      await recordAudit(tx, null, {
        action: 'problem.escalate',
        entityType: 'problem',
        entityId: p.id,
        projectId: p.projectId,
        before: { escalationLevel: p.escalationLevel },
        after: { escalationLevel: to, daysOverdue: days },
      });

      if (p.escalationLevel < 1) {
        // Level 1: the responsible leader is told it is escalated to them; the unit that it is overdue.
        await notify(tx, [p.responsibleLeaderId], problemNotice(updated, 'problem_escalated', { level: 1, days }));
        await notify(tx, await unitMemberIds(tx, p.responsibleUnitId), problemNotice(updated, 'problem_overdue', { days }));
      }
      if (to >= 2) {
        await notify(tx, await dispatchOfficeIds(tx, p.projectId), problemNotice(updated, 'problem_escalated', { level: 2, days }));
      }
      changes.push({ id: p.id, projectId: p.projectId, from: p.escalationLevel, to, daysOverdue: days });
    }
    return changes;
  });
}
