import { and, ne } from 'drizzle-orm';
import { auditEvents, notifications, projects, reportingPeriods, reports } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { projectScope } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { readCadence } from './cadence';
import { notificationParams, reportHref } from './rules';
import { assertNoOverlap, assertPeriodDates, lockPeriods } from './period-rules';
import { openPeriodSchema } from './schemas';

/** Projects that report: every project in scope that is not yet in operation (投运). */
export function activeProjectsWhere(actor: { countyId: number | null }) {
  return and(ne(projects.stage, 'operating'), projectScope(actor));
}

const CHUNK = 1000;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Opens a reporting period (the prefecture's dispatch office; 定期调度 is run prefecture-wide): one
 * draft report for every active project in the prefecture, and a notification to each project's
 * lead. Only a prefecture-wide actor may (prefectureOnly: a county user is refused before
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

    const notes = created.flatMap((r) => {
      const project = byProject.get(r.projectId)!;
      if (project.projectLeadId === null || project.projectLeadId === actor.id) return [];
      return [
        {
          userId: project.projectLeadId,
          kind: 'period_opened' as const,
          projectId: project.id,
          entityType: 'report',
          entityId: r.id,
          href: reportHref(r.id),
          params: notificationParams(project, period),
        },
      ];
    });
    await insertChunks(notes, (chunk) => tx.insert(notifications).values(chunk));

    await audit({
      action: 'period.open',
      entityType: 'reporting_period',
      entityId: period.id,
      projectId: null,
      before: null,
      after: { kind, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate, reports: created.length },
    });
    return { id: period.id, kind, reportCount: created.length };
  },
});
