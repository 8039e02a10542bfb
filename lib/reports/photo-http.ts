import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { noteBody, routeKey } from '@/lib/actions/idempotency';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { routeId } from '@/lib/http/id';
import { readBody } from '@/lib/http/body';
import { json, withRoute } from '@/lib/http/route';
import { addReportPhoto } from './photo-actions';
import { PHOTO_REQUEST_MAX_BYTES, takenAtAcceptable } from './photo-limits';
import { checkLocation, type PhotoLocation } from './photo-location';
import {
  inspectPhoto,
  newStorageKey,
  PHOTO_MAX_BYTES,
  type PhotoMime,
  type PhotoRejection,
  readPhotoFile,
  removePhotoFiles,
  writePhotoFiles,
} from './photos';
import { servableBytes } from './photos-metadata';
import { reportPhotoResource, reportResource } from './resource';
import { isEditable } from './rules';

/**
 * The photo endpoints, made by the route wrapper (lib/http/route.ts: session, id, load and
 * authorize, one error answer): POST /api/reports/:id/photos (upload) and
 * GET /api/photos/:id[?thumb=1] (serve). The route files only name them.
 */

const REJECTION_STATUS: Record<PhotoRejection | 'noFile', number> = {
  noFile: 422,
  empty: 422,
  tooLarge: 413,
  unsupportedType: 415,
  corrupt: 422,
  tooManyPixels: 422,
};

/** A refused file: INVALID with the reason in the user's language and its own status (413, 415, 422). */
function rejection(reason: PhotoRejection | 'noFile'): AppError {
  return new AppError('INVALID', `photo refused: ${reason}`, {
    messageKey: `reports.photo.errors.${reason}`,
    messageValues: { max: PHOTO_MAX_BYTES / 1024 / 1024 },
    httpStatus: REJECTION_STATUS[reason],
  });
}

/**
 * The multipart body's `file` (one image) and optional `caption`. The body is read through the
 * one counting reader (lib/http/body.ts): past PHOTO_REQUEST_MAX_BYTES it stops reading and
 * cancels the stream (413), whatever Content-Length says or whether it is there at all; only
 * then is the multipart parsed.
 */
async function readUpload(request: Request): Promise<{
  file: File;
  bytes: Buffer;
  caption: FormDataEntryValue | null;
  takenAt: FormDataEntryValue | null;
  location: PhotoLocation | null;
}> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    await request.body?.cancel().catch(() => {});
    throw rejection('noFile');
  }
  const bytes = await readBody(request, PHOTO_REQUEST_MAX_BYTES, { tooLarge: () => rejection('tooLarge') });
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    // A body cut short or not multipart at all does not parse.
    throw rejection('noFile');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw rejection('noFile');
  if (file.size > PHOTO_MAX_BYTES) throw rejection('tooLarge');
  const fileBytes = Buffer.from(await file.arrayBuffer());
  const caption = form.get('caption');
  const takenAt = form.get('takenAt');
  const place = [form.get('latitude'), form.get('longitude'), form.get('locationAccuracy')] as const;
  const location = clientLocation(...place);
  // An Idempotency-Key compares the request by its content, not its raw bytes: a browser sends a
  // retry with a new multipart boundary, which would otherwise read as another request.
  noteBody(
    Buffer.concat([
      Buffer.from(
        `${JSON.stringify([file.name, file.type, typeof caption === 'string' ? caption : null, typeof takenAt === 'string' ? takenAt : null, ...place.map((v) => (typeof v === 'string' ? v : null))])}\n`,
      ),
      fileBytes,
    ]),
  );
  return { file, bytes: fileBytes, caption, takenAt, location };
}

/**
 * The client's `latitude`, `longitude` and `locationAccuracy` (sent only when the uploader chose
 * to record the position): none when all are absent; out of range, not a number or one without
 * the other is refused (422, the field named).
 */
function clientLocation(
  latitude: FormDataEntryValue | null,
  longitude: FormDataEntryValue | null,
  accuracy: FormDataEntryValue | null,
): PhotoLocation | null {
  const checked = checkLocation(latitude, longitude, accuracy);
  if (checked.ok) return checked.location;
  const messageKey = `reports.photo.errors.${checked.field}`;
  throw new AppError('INVALID', `photo refused: ${checked.field}`, {
    messageKey,
    fieldErrors: { [checked.field]: [messageKey] },
    httpStatus: 422,
  });
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO date-time with its zone whose calendar date exists (Date would roll 30 February over). */
function isoDateTime(value: string): Date | null {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The client's `takenAt` (an ISO date-time with its zone, read from the photo's EXIF in the
 * browser before it was resized): null when absent or empty; a malformed or unbelievable one
 * (before 2000, more than a day ahead) is refused (422).
 */
function clientTakenAt(value: FormDataEntryValue | null): Date | null {
  if (value === null || value === '') return null;
  const date = typeof value === 'string' ? isoDateTime(value) : null;
  if (!date || !takenAtAcceptable(date, now())) {
    throw new AppError('INVALID', 'photo refused: takenAt', { messageKey: 'reports.photo.errors.takenAt', httpStatus: 422 });
  }
  return date;
}

/** The first `max` UTF-16 units of a text, never half of a surrogate pair (that would be unstorable). */
function clip(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * POST /api/reports/:id/photos — multipart field `file` (one image), optional `caption`,
 * `takenAt` (ISO, the client's reading of the EXIF of a photo it resized) and, when the uploader
 * chose to record it, `latitude`, `longitude` (degrees) and `locationAccuracy` (metres). The project lead only
 * (report.edit on the report's project), while the report is a draft or was returned; a request
 * from another site is refused. Who may upload is checked before the body is read or decoded.
 */
export const uploadPhotoRoute = withRoute({
  name: 'report.photo.upload',
  auth: true,
  sameOrigin: true,
  permission: 'report.edit',
  params: z.object({ id: routeId }),
  load: { resource: reportResource, id: 'id' },
  handler: async ({ actor, request, record, t, requestId }) => {
    const { report } = record;
    if (!isEditable(report.status)) throw await conflictWith(await getDb(), reportResource, report.id, 'reports.errors.notEditable');

    const { file, bytes, caption, takenAt, location } = await readUpload(request);
    const sentTakenAt = clientTakenAt(takenAt);
    const checked = await inspectPhoto(bytes);
    if (!checked.ok) throw rejection(checked.reason);

    const storageKey = newStorageKey();
    // The stored original is the stripped copy: no EXIF/GPS, XMP or IPTC on disk, in backups or served.
    await writePhotoFiles(storageKey, checked.original, checked.thumbnail);
    const res = await addReportPhoto.execute(
      actor,
      {
        reportId: report.id,
        storageKey,
        mimeType: checked.mimeType,
        byteSize: checked.original.length,
        width: checked.width,
        height: checked.height,
        // The file's own EXIF wins; a photo resized in the browser has none and sends it apart.
        takenAt: checked.takenAt ?? sentTakenAt,
        originalName: clip(file.name || '', 255),
        // Not cut: a caption over PHOTO_CAPTION_MAX is the action's field error (422), and the files go.
        caption: typeof caption === 'string' ? caption : undefined,
        // Only in the row: the stored file is stripped of its EXIF GPS like everything else.
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
        locationAccuracy: location?.accuracy ?? null,
      },
      t,
      requestId,
    );
    // A repeat of an upload that was stored already (Idempotency-Key) answers the first photo:
    // the files just written are not the stored photo's.
    if (!res.ok || routeKey()?.replayed) await removePhotoFiles(storageKey);
    if (!res.ok) {
      // The action's message is already specific and in the user's language (messageKey).
      return res;
    }
    const { id } = res.data;
    return json({ ok: true, data: { ...res.data, url: `/api/photos/${id}`, thumbUrl: `/api/photos/${id}?thumb=1` } }, { status: 201 });
  },
});

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * GET /api/photos/:id[?thumb=1] — the image (the thumbnail is a JPEG), only to users who may see
 * the project (another county's user gets 404, as for a photo that does not exist).
 * `Cache-Control: private`, `nosniff`, and a sandboxing CSP.
 */
export const servePhotoRoute = withRoute({
  name: 'report.photo.serve',
  auth: true,
  permission: 'project.read',
  params: z.object({ id: routeId }),
  load: { resource: reportPhotoResource, id: 'id' },
  handler: async ({ record: { photo }, search, requestId }) => {
    const thumb = search.get('thumb') === '1';
    const stored = await readPhotoFile(photo.storageKey, thumb ? 'thumb' : 'original');
    if (!stored) {
      console.error(`[route report.photo.serve] request ${requestId}: file missing for photo ${photo.id}`);
      throw new AppError('NOT_FOUND', 'photo file missing');
    }
    // Uploads are stored stripped; a file stored before that is stripped on the way out.
    const bytes = thumb ? stored : await servableBytes(stored, photo.mimeType as PhotoMime);
    const type = thumb ? 'image/jpeg' : photo.mimeType;
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': type,
        'content-length': String(bytes.length),
        // Only the signed-in user's browser may keep it; the content under an id never changes.
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="photo-${photo.id}${thumb ? '-thumb' : ''}.${thumb ? 'jpg' : EXTENSION[photo.mimeType]}"`,
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  },
});
