import { uploadPhotoRoute } from '@/lib/reports/photo-http';

/**
 * POST /api/reports/:id/photos — uploads one site photo to a report (multipart/form-data,
 * field `file`, optional `caption`). The project lead only, while the report is a draft or was
 * returned. JPEG, PNG or WebP by the file's bytes, at most 10 MB, decoded completely.
 *
 * 201 { ok: true, data: { id, reportId, width, height, byteSize, originalName, url, thumbUrl } }
 * or { ok: false, code, message, requestId } with the reason in the user's language
 * (401, 403, 404, 409, 413 too large, 415 not an image type we accept, 422 corrupt/empty).
 * The logic and its tests: lib/reports/photo-http.ts.
 */
export const dynamic = 'force-dynamic';

export const POST = uploadPhotoRoute;
