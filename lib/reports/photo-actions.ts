import 'server-only';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { reportPhotos } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { createAction } from '@/lib/actions/wrapper';
import type { Actor } from '@/lib/authz';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { idSchema, optionalText } from '@/lib/projects/schemas';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PER_REPORT, PHOTO_TYPES, PHOTO_CAPTION_MAX } from './photo-limits';
import { LOCATION_MAX_ACCURACY_M } from './photo-location';
import { removePhotoFiles } from './photos';
import { reportPhotoResource, reportResource } from './resource';
import { isEditable } from './rules';
import { captionPhotoSchema, deletePhotoSchema } from './schemas';

/**
 * The database half of a photo upload: the row and its audit event in one transaction, after
 * the route (lib/reports/photo-http.ts) has checked the bytes and written the files. Not a
 * server action (this module has no 'use server'): only the route calls it, with a storage key
 * it generated itself.
 */
export const addReportPhoto = createAction({
  name: 'report.photo.add',
  schema: z.object({
    reportId: idSchema,
    storageKey: z.string().regex(/^[0-9a-f]{32}$/),
    mimeType: z.enum(PHOTO_TYPES),
    byteSize: z.number().int().positive().max(PHOTO_MAX_BYTES),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    originalName: optionalText(255),
    caption: optionalText(PHOTO_CAPTION_MAX),
    /** EXIF DateTimeOriginal, read by the route before the file was stripped, else the client's. */
    takenAt: z.date().nullable().optional(),
    /** Where it was taken, only as the uploader chose to send it (checked by the route). */
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    locationAccuracy: z.number().min(0).max(LOCATION_MAX_ACCURACY_M).nullable().optional(),
  }),
  permission: 'report.edit',
  load: { resource: reportResource, id: 'reportId', lock: true },
  run: async ({ actor, input, tx, audit, record }) => {
    const { report, project } = record;
    if (!isEditable(report.status)) throw await conflictWith(tx, reportResource, report.id, 'reports.errors.notEditable');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(reportPhotos).where(eq(reportPhotos.reportId, report.id));
    if (n >= PHOTO_MAX_PER_REPORT) {
      throw new AppError('INVALID', 'too many photos', {
        messageKey: 'reports.photo.errors.tooMany',
        fieldErrors: { file: ['reports.photo.errors.tooMany'] },
      });
    }
    const [row] = await tx
      .insert(reportPhotos)
      .values({
        reportId: report.id,
        projectId: project.id,
        storageKey: input.storageKey,
        mimeType: input.mimeType,
        byteSize: input.byteSize,
        width: input.width,
        height: input.height,
        originalName: input.originalName ?? null,
        caption: input.caption ?? null,
        uploadedById: actor.id,
        createdAt: now(),
        takenAt: input.takenAt ?? null,
        // Both or neither (CHECK report_photos_location); the accuracy only with a position.
        latitude: input.latitude ?? null,
        longitude: input.latitude == null ? null : (input.longitude ?? null),
        locationAccuracy: input.latitude == null || input.longitude == null ? null : (input.locationAccuracy ?? null),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', 'insert returned nothing');
    await audit({
      action: 'report.photo.add',
      entityType: 'report_photo',
      entityId: row.id,
      projectId: project.id,
      before: null,
      after: {
        reportId: report.id,
        originalName: row.originalName,
        mimeType: row.mimeType,
        byteSize: row.byteSize,
        // Whether a position was recorded, not the position itself (that stays with the photo).
        located: row.latitude !== null,
      },
    });
    return {
      id: row.id,
      reportId: report.id,
      width: row.width,
      height: row.height,
      byteSize: row.byteSize,
      originalName: row.originalName,
      caption: row.caption,
      // ISO strings: the answer is also stored as JSON for a replay (Idempotency-Key).
      takenAt: row.takenAt ? row.takenAt.toISOString() : null,
      latitude: row.latitude,
      longitude: row.longitude,
      locationAccuracy: row.locationAccuracy,
      createdAt: row.createdAt.toISOString(),
    };
  },
});

/** Sets or clears a photo's caption, while its report is a draft or was returned (the project lead). */
export const captionReportPhoto = createAction({
  name: 'report.photo.caption',
  schema: captionPhotoSchema,
  permission: 'report.edit',
  load: { resource: reportPhotoResource, id: 'id', lock: true },
  run: async ({ tx, input, audit, record }) => {
    const { photo, report, project } = record;
    if (!isEditable(report.status)) throw await conflictWith(tx, reportResource, report.id, 'reports.errors.notEditable');
    const caption = input.caption ?? null;
    const [row] = await tx
      .update(reportPhotos)
      .set({ caption })
      .where(eq(reportPhotos.id, photo.id))
      .returning({ caption: reportPhotos.caption });
    await audit({
      action: 'report.photo.caption',
      entityType: 'report_photo',
      entityId: photo.id,
      projectId: project.id,
      before: { originalName: photo.originalName, caption: photo.caption ?? null },
      after: { originalName: photo.originalName, caption: row?.caption ?? null },
    });
    return { id: photo.id, caption: row?.caption ?? null };
  },
});

/** Removes a photo of a draft or returned report (the project lead). Returns the key for the files. */
export const removeReportPhoto = createAction({
  name: 'report.photo.delete',
  schema: deletePhotoSchema,
  permission: 'report.edit',
  load: { resource: reportPhotoResource, id: 'id', lock: true },
  run: async ({ tx, audit, record }) => {
    const { photo, report, project } = record;
    if (!isEditable(report.status)) throw await conflictWith(tx, reportResource, report.id, 'reports.errors.notEditable');
    await tx.delete(reportPhotos).where(eq(reportPhotos.id, photo.id));
    await audit({
      action: 'report.photo.delete',
      entityType: 'report_photo',
      entityId: photo.id,
      projectId: project.id,
      before: { reportId: report.id, originalName: photo.originalName, mimeType: photo.mimeType, byteSize: photo.byteSize },
      after: null,
    });
    return { id: photo.id, reportId: report.id, storageKey: photo.storageKey };
  },
});

/** Deletes the photo's row (audited) and then its files; the files go only once the row is gone. */
export async function deleteReportPhotoAs(
  actor: Actor | null,
  input: unknown,
  t?: Translate,
): Promise<ActionResult<{ id: number; reportId: number }>> {
  const res = await removeReportPhoto.execute(actor, input, t);
  if (!res.ok) return res;
  await removePhotoFiles(res.data.storageKey).catch((err) => console.error('[report.photo.delete] file removal failed', err));
  return { ok: true, data: { id: res.data.id, reportId: res.data.reportId } };
}
