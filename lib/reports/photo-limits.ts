/** Photo upload limits, shared by the upload form (client) and the server checks. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Multipart framing around the file (boundary, part headers, the caption field). */
export const PHOTO_MULTIPART_ALLOWANCE = 64 * 1024;
/**
 * The most bytes an upload request's body may have: the photo plus its framing. The route stops
 * reading there (lib/http/body.ts), with or without a Content-Length.
 */
export const PHOTO_REQUEST_MAX_BYTES = PHOTO_MAX_BYTES + PHOTO_MULTIPART_ALLOWANCE;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_TYPES)[number];
/** At most this many photos per report. */
export const PHOTO_MAX_PER_REPORT = 30;
