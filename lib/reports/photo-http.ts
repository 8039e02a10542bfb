import 'server-only';
import type { Actor } from '@/lib/authz';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { addReportPhoto } from './photo-actions';
import { inspectPhoto, newStorageKey, PHOTO_MAX_BYTES, type PhotoRejection, readPhotoFile, removePhotoFiles, writePhotoFiles } from './photos';
import { getPhotoForServing, getReport } from './queries';
import { canEditReport, isEditable } from './rules';

/**
 * The photo endpoints, as functions of (actor, request) so the tests can call them without a
 * server: POST /api/reports/:id/photos (upload) and GET /api/photos/:id[?thumb=1] (serve).
 * The route files only add the session and the request's language.
 */

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Multipart framing around the file (boundary, headers, the caption field). */
const MULTIPART_ALLOWANCE = 64 * 1024;

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

function fail(code: ErrorCode, message: string, status: number = ERROR_STATUS[code]): Response {
  return Response.json({ ok: false, code, message }, { status, headers: NO_STORE });
}

const REJECTION_STATUS: Record<PhotoRejection, number> = {
  empty: 422,
  tooLarge: 413,
  unsupportedType: 415,
  corrupt: 422,
  tooManyPixels: 422,
};

function rejection(reason: PhotoRejection | 'noFile', t: Translate): Response {
  const message = t(`reports.photo.errors.${reason}`, { max: PHOTO_MAX_BYTES / 1024 / 1024 });
  return fail('INVALID', message, reason === 'noFile' ? 422 : REJECTION_STATUS[reason]);
}

/**
 * A browser sends Origin on every cross-origin POST: refuse one from another site (the session
 * cookie is SameSite=Lax already; this is the second lock). Requests without Origin (tests,
 * scripts with the cookie) pass.
 */
function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** POST /api/reports/:id/photos — multipart field `file` (one image), optional `caption`. */
export async function uploadPhoto(actor: Actor | null, rawReportId: string, request: Request, t: Translate): Promise<Response> {
  if (!actor) return fail('UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));
  if (crossSite(request)) return fail('FORBIDDEN', t('errors.FORBIDDEN'));
  const reportId = parseId(rawReportId);
  if (reportId === null) return fail('NOT_FOUND', t('errors.NOT_FOUND'));

  // Cheap checks first: who may upload here, before reading or decoding anything.
  const detail = await getReport(actor, reportId);
  if (!detail) return fail('NOT_FOUND', t('errors.NOT_FOUND'));
  if (!canEditReport(actor, detail.project)) return fail('FORBIDDEN', t('errors.FORBIDDEN'));
  if (!isEditable(detail.report.status)) return fail('CONFLICT', t('reports.errors.notEditable'));

  if (!/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) return rejection('noFile', t);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > PHOTO_MAX_BYTES + MULTIPART_ALLOWANCE) return rejection('tooLarge', t);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // A body cut short (e.g. by the proxy's body limit) does not parse.
    return rejection(Number.isFinite(declared) && declared > PHOTO_MAX_BYTES ? 'tooLarge' : 'noFile', t);
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') return rejection('noFile', t);
  if (file.size > PHOTO_MAX_BYTES) return rejection('tooLarge', t);

  const bytes = Buffer.from(await file.arrayBuffer());
  const checked = await inspectPhoto(bytes);
  if (!checked.ok) return rejection(checked.reason, t);

  const storageKey = newStorageKey();
  await writePhotoFiles(storageKey, bytes, checked.thumbnail);
  const caption = form.get('caption');
  const res = await addReportPhoto.execute(
    actor,
    {
      reportId,
      storageKey,
      mimeType: checked.mimeType,
      byteSize: bytes.length,
      width: checked.width,
      height: checked.height,
      originalName: (file.name || '').slice(0, 255),
      caption: typeof caption === 'string' ? caption.slice(0, 200) : undefined,
    },
    t,
  );
  if (!res.ok) {
    await removePhotoFiles(storageKey);
    // The action's message is already specific and in the user's language (messageKey).
    return fail(res.code, res.message);
  }
  return Response.json(
    { ok: true, data: { ...res.data, url: `/api/photos/${res.data.id}`, thumbUrl: `/api/photos/${res.data.id}?thumb=1` } },
    { status: 201, headers: NO_STORE },
  );
}

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * GET /api/photos/:id[?thumb=1] — the image, only to users who may see the project (another
 * county's user gets 404, as for a photo that does not exist).
 */
export async function servePhoto(actor: Actor | null, rawPhotoId: string, thumb: boolean): Promise<Response> {
  if (!actor) return new Response('Unauthorized', { status: 401, headers: NO_STORE });
  const id = parseId(rawPhotoId);
  const photo = id === null ? null : await getPhotoForServing(actor, id);
  if (!photo) return new Response('Not found', { status: 404, headers: NO_STORE });
  const bytes = await readPhotoFile(photo.storageKey, thumb ? 'thumb' : 'original');
  if (!bytes) {
    console.error(`[photos] file missing for photo ${photo.id}`);
    return new Response('Not found', { status: 404, headers: NO_STORE });
  }
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
}
