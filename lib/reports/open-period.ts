import { and, gte, lte, ne, sql } from 'drizzle-orm';
import { auditEvents, notifications, projects, reportingPeriods, reports } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { projectScope } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { readCadence } from './cadence';
import { notificationParams, reportHref } from './rules';
import { openPeriodSchema, periodDateErrors } from './schemas';

/** Projects that report: every project in scope that is not yet in operation (投运). */
export function activeProjectsWhere(actor: { countyId: number | null }) {
  return and(ne(projects.stage, 'operating'), projectScope(actor));
}

const CHUNK = 1000;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Opens a reporting period (dispatch office): one draft report for every active project in the
 * actor's scope, and a notification to each project's lead. The kind is the cadence setting
 * unless given. Periods may not overlap (any kind): the same days are never reported twice,
 * which keeps the year's cumulative investment a plain sum. Opening the same period again is a
 * CONFLICT (the unique index on kind + start backs this up against a concurrent open).
 */
export const openPeriod = createAction({
  name: 'period.open',
  schema: openPeriodSchema,
  permission: 'period.open',
  run: async ({ actor, input, tx, audit, requestId }) => {
    const dateErrors = periodDateErrors(input);
    if (Object.keys(dateErrors).length) throw new AppError('INVALID', 'period dates', { fieldErrors: dateErrors });
    const kind = input.kind ?? (await readCadence(tx));

    // One opener at a time: the overlap check below must see every committed period.
    await tx.execute(sql`LOCK TABLE ${reportingPeriods} IN SHARE ROW EXCLUSIVE MODE`);
    const [clash] = await tx
      .select()
      .from(reportingPeriods)
      .where(and(lte(reportingPeriods.startDate, input.endDate), gte(reportingPeriods.endDate, input.startDate)))
      .limit(1);
    if (clash) {
      const same = clash.kind === kind && clash.startDate === input.startDate;
      const key = same ? 'reports.errors.periodExists' : 'reports.errors.periodOverlaps';
      throw new AppError('CONFLICT', same ? 'period exists' : 'period overlaps', {
        messageKey: key,
        fieldErrors: { startDate: [key] },
        current: { id: clash.id, kind: clash.kind, startDate: clash.startDate, endDate: clash.endDate, dueDate: clash.dueDate },
      });
    }

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
