/**
 * Correcting and cancelling a reporting period opened by mistake (the prefecture's dispatch
 * office, like opening one). Both load the period through periodResource with the version the
 * office saw (a stale one is CONFLICT with the period as it is now) and lock it.
 *
 * - correctPeriod changes the due date at any time, and the start and end dates only while no
 *   report of the period has ever been submitted (the same rules as opening: the kind's calendar
 *   shape, not too far ahead, no overlap). A report's late mark stays what it was when it was
 *   submitted. The leads' "period opened" notifications follow the new dates, and lights computed
 *   for the old dates are removed (they are recomputed for the period as it is now).
 * - cancelPeriod removes a period in which nothing was submitted: its draft reports (with their
 *   photos' rows and every notification about them), its computed lights and the period itself.
 *   The audit trail keeps the whole story: each report's history ends with a report.delete event,
 *   and the period.cancel event holds the period as it was and what went with it. Once any report
 *   was submitted the period is the record of that round and is refused (CONFLICT).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { auditEvents, notifications, projectLights, reportingPeriods, reportPhotos, reports } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import type { Actor } from '@/lib/authz';
import type { ActionResult } from '@/lib/actions/result';
import type { Translate } from '@/lib/i18n/translate';
import { AppError } from '@/lib/errors';
import { assertNoOverlap, assertPeriodDates, lockPeriods } from './period-rules';
import { periodResource } from './period-resource';
import { cancelPeriodSchema, correctPeriodSchema } from './period-schemas';
import { removePhotoFiles } from './photos';
import { reportFields } from './rules';
import { periodDateErrors } from './schemas';

/**
 * The period's reports, locked (a submission racing this change waits, then finds its report
 * gone or the period changed); CONFLICT with `messageKey` when any was ever submitted (not a
 * draft any more, or a draft with a submission time).
 */
async function lockUnsubmittedReports(tx: Tx, periodId: number, messageKey: string) {
  const rows = await tx.select().from(reports).where(eq(reports.periodId, periodId)).orderBy(reports.id).for('update');
  const submitted = rows.filter((r) => r.status !== 'draft' || r.submittedAt !== null).length;
  if (submitted > 0) {
    const err = await conflictWith(tx, periodResource, periodId, messageKey);
    throw new AppError('CONFLICT', 'period has submitted reports', {
      messageKey,
      messageValues: { count: submitted },
      current: { ...err.current, submitted },
    });
  }
  return rows;
}

export const correctPeriod = createAction({
  name: 'period.correct',
  schema: correctPeriodSchema,
  permission: 'period.open',
  prefectureOnly: true,
  load: { resource: periodResource, id: 'id', version: 'version', lock: true, conflictMessage: 'reports.errors.periodChanged' },
  run: async ({ input, record: period, tx, audit, t }) => {
    const next = { startDate: input.startDate, endDate: input.endDate, dueDate: input.dueDate };
    const datesMove = next.startDate !== period.startDate || next.endDate !== period.endDate;
    if (datesMove) {
      await lockUnsubmittedReports(tx, period.id, 'reports.errors.periodDatesLocked');
      assertPeriodDates(t, period.kind, next);
      await lockPeriods(tx);
      await assertNoOverlap(tx, period.kind, next, period.id);
    } else {
      const order = periodDateErrors(next);
      if (Object.keys(order).length) throw new AppError('INVALID', 'period dates', { fieldErrors: order });
    }
    if (!datesMove && next.dueDate === period.dueDate) return { id: period.id, version: period.version, changed: false };

    const [updated] = await tx
      .update(reportingPeriods)
      .set({ ...next, version: sql`${reportingPeriods.version} + 1` })
      .where(and(eq(reportingPeriods.id, period.id), eq(reportingPeriods.version, period.version)))
      .returning();
    if (!updated) throw await conflictWith(tx, periodResource, period.id, 'reports.errors.periodChanged');

    // The leads were told the period's dates when it opened: what they read follows the correction.
    await tx
      .update(notifications)
      .set({
        params: sql`${notifications.params} || jsonb_build_object('periodStart', ${next.startDate}::text, 'periodEnd', ${next.endDate}::text, 'dueDate', ${next.dueDate}::text)`,
      })
      .where(
        // One summary per lead names the period (lib/reports/open-period.ts).
        and(
          eq(notifications.kind, 'period_opened'),
          eq(notifications.entityType, 'reporting_period'),
          eq(notifications.entityId, period.id),
        ),
      );
    const staleLights = datesMove
      ? (await tx.delete(projectLights).where(eq(projectLights.periodId, period.id)).returning({ id: projectLights.id })).length
      : 0;

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['startDate', 'endDate', 'dueDate'] as const) {
      if (period[key] !== next[key]) {
        before[key] = period[key];
        after[key] = next[key];
      }
    }
    await audit({
      action: 'period.correct',
      entityType: 'reporting_period',
      entityId: period.id,
      projectId: null,
      before,
      after: staleLights ? { ...after, lightsRemoved: staleLights } : after,
    });
    return { id: updated.id, version: updated.version, changed: true };
  },
});

export const cancelPeriod = createAction({
  name: 'period.cancel',
  schema: cancelPeriodSchema,
  permission: 'period.open',
  prefectureOnly: true,
  load: { resource: periodResource, id: 'id', version: 'version', lock: true, conflictMessage: 'reports.errors.periodChanged' },
  run: async ({ record: period, tx, audit, requestId, actor }) => {
    const drafts = await lockUnsubmittedReports(tx, period.id, 'reports.errors.periodCancelLocked');
    const ids = drafts.map((r) => r.id);
    const photos = ids.length
      ? await tx.select({ key: reportPhotos.storageKey }).from(reportPhotos).where(inArray(reportPhotos.reportId, ids))
      : [];
    const removedNotes = await tx
      .delete(notifications)
      .where(
        or(
          ids.length ? and(eq(notifications.entityType, 'report'), inArray(notifications.entityId, ids)) : undefined,
          // The leads' "period opened" summaries (lib/reports/open-period.ts).
          and(eq(notifications.entityType, 'reporting_period'), eq(notifications.entityId, period.id)),
        ),
      )
      .returning({ id: notifications.id });
    // Each report's history ends here (same transaction, same request id).
    if (drafts.length) {
      await tx.insert(auditEvents).values(
        drafts.map((r) => ({
          actorId: actor.id,
          actorName: actor.displayName,
          action: 'report.delete',
          entityType: 'report',
          entityId: String(r.id),
          projectId: r.projectId,
          before: { periodId: period.id, status: r.status, ...reportFields(r) },
          after: null,
          requestId,
        })),
      );
      // Photos' rows go with their report (ON DELETE CASCADE); their files once this commits.
      await tx.delete(reports).where(and(eq(reports.periodId, period.id), inArray(reports.id, ids)));
    }
    // Its computed lights go with it (ON DELETE CASCADE).
    const [gone] = await tx
      .delete(reportingPeriods)
      .where(and(eq(reportingPeriods.id, period.id), eq(reportingPeriods.version, period.version)))
      .returning({ id: reportingPeriods.id });
    if (!gone) throw await conflictWith(tx, periodResource, period.id, 'reports.errors.periodChanged');
    await audit({
      action: 'period.cancel',
      entityType: 'reporting_period',
      entityId: period.id,
      projectId: null,
      before: {
        kind: period.kind,
        startDate: period.startDate,
        endDate: period.endDate,
        dueDate: period.dueDate,
        openedById: period.openedById,
        openedAt: period.openedAt.toISOString(),
        version: period.version,
      },
      after: { reportsRemoved: drafts.length, notificationsRemoved: removedNotes.length, photosRemoved: photos.length },
    });
    return { id: period.id, reportsRemoved: drafts.length, storageKeys: photos.map((p) => p.key) };
  },
});

/** Cancels the period (audited, one transaction) and then removes its drafts' photo files. */
export async function cancelPeriodAs(
  actor: Actor | null,
  input: unknown,
  t?: Translate,
): Promise<ActionResult<{ id: number; reportsRemoved: number }>> {
  const res = await cancelPeriod.execute(actor, input, t);
  if (!res.ok) return res;
  for (const key of res.data.storageKeys) {
    await removePhotoFiles(key).catch((err) => console.error('[period.cancel] file removal failed', err));
  }
  return { ok: true, data: { id: res.data.id, reportsRemoved: res.data.reportsRemoved } };
}
