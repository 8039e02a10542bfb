import { and, ne } from 'drizzle-orm';
import { auditEvents, notifications, projects, reportingPeriods, reports } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { projectScope } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { readCadence } from './cadence';
import { assertNoOverlap, assertPeriodDates, lockPeriods } from './period-rules';
import { openPeriodSchema } from './schemas';

/** Projects that report: every project in scope that is not yet in operation (投运). */
export function activeProjectsWhere(actor: { countyId: number | null }) {
  return and(ne(projects.stage, 'operating'), projectScope(actor));
}

/**
 * The "period opened" notifications: one per lead, naming the period and how many of the lead's
 * projects have a draft to fill ("2026年11月报告已开启：您负责的 3 个项目待填报"), linking to the
 * period's reports. The actor is not told of their own opening.
 */
function periodOpenedSummaries(
  created: readonly { id: number; projectId: number }[],
  byProject: ReadonlyMap<number, { projectLeadId: number | null }>,
  period: typeof reportingPeriods.$inferSelect,
  actorId: number,
) {
  const reportsOf = new Map<number, number[]>();
  for (const r of created) {
    const lead = byProject.get(r.projectId)?.projectLeadId ?? null;
    if (lead === null || lead === actorId) continue;
    reportsOf.set(lead, [...(reportsOf.get(lead) ?? []), r.id]);
  }
  return [...reportsOf].map(([userId, ids]) => ({
    userId,
    kind: 'period_opened' as const,
    projectId: null,
    entityType: 'reporting_period',
    entityId: period.id,
    href: periodReportsHref(period.id),
    params: {
      periodKind: period.kind,
      periodStart: period.startDate,
      periodEnd: period.endDate,
      dueDate: period.dueDate,
      projects: ids.length,
    },
  }));
}

/** The period's reports list (a lead sees their own there). */
export const periodReportsHref = (periodId: number) => `/reports?period=${periodId}`;

const CHUNK = 1000;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Opens a reporting period (the prefecture's dispatch office; 定期调度 is run prefecture-wide): one
 * draft report for every active project in the prefecture, and one summary notification to each
 * lead of those projects (periodOpenedSummaries). Only a prefecture-wide actor may (prefectureOnly: a county user is refused before
 * anything is read). The kind is the cadence setting unless given; the dates must be one period
 * of that kind (a calendar month, a 旬), start no later than the end of next year, and overlap no
 * other period of any kind (period-rules.ts: checked under a table lock, so of two concurrent
 * opens exactly one wins; the unique index on kind + start backs up the same period twice).
 */
export const openPeriod = createAction({
  name: 'period.open',
  schema: openPeriodSchema,
  permission: 'period.open',
  prefectureOnly: true,
  run: async ({ actor, input, tx, audit, requestId, t }) => {
    const kind = input.kind ?? (await readCadence(tx));
    assertPeriodDates(t, kind, input);

    await lockPeriods(tx);
    await assertNoOverlap(tx, kind, input);

    const at = now();
    const [period] = await tx
      .insert(reportingPeriods)
      .values({ kind, startDate: input.startDate, endDate: input.endDate, dueDate: input.dueDate, openedById: actor.id, openedAt: at })
      .returning();
    if (!period) throw new AppError('INTERNAL', 'insert returned nothing');

    const active = await tx
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        countyId: projects.countyId,
        projectLeadId: projects.projectLeadId,
      })
      .from(projects)
      .where(activeProjectsWhere(actor))
      .orderBy(projects.id);

    const created: { id: number; projectId: number }[] = [];
    await insertChunks(active, async (chunk) => {
      const rows = await tx
        .insert(reports)
        .values(chunk.map((p) => ({ periodId: period.id, projectId: p.id, status: 'draft' as const, createdAt: at, updatedAt: at })))
        .returning({ id: reports.id, projectId: reports.projectId });
      created.push(...rows);
    });
    const byProject = new Map(active.map((p) => [p.id, p]));

    // Each report's history starts here (same transaction, same request id).
    await insertChunks(created, (chunk) =>
      tx.insert(auditEvents).values(
        chunk.map((r) => ({
          actorId: actor.id,
          actorName: actor.displayName,
          action: 'report.create',
          entityType: 'report',
          entityId: String(r.id),
          projectId: r.projectId,
          before: null,
          after: { periodId: period.id, status: 'draft' },
          requestId,
        })),
      ),
    );

    // One summary per lead for the period, not one per project: how many of their projects await a report.
    const notes = periodOpenedSummaries(created, byProject, period, actor.id);
    await insertChunks(notes, (chunk) => tx.insert(notifications).values(chunk));

    await audit({
      action: 'period.open',
      entityType: 'reporting_period',
      entityId: period.id,
      projectId: null,
      before: null,
      after: { kind, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate, reports: created.length },
    });
    return { id: period.id, kind, reportCount: created.length, notificationCount: notes.length };
  },
});
