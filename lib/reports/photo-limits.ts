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
/** A taken-at before this is a camera with its clock never set (or a bogus value). */
export const TAKEN_AT_EARLIEST = Date.UTC(2000, 0, 1);
/** A taken-at may be ahead of the server's clock by at most this (a phone's clock or zone off by a little). */
export const TAKEN_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Whether a photo's taken-at is believable: not before 2000, not more than a day in the future. */
export function takenAtAcceptable(date: Date, now: Date): boolean {
  const ms = date.getTime();
  return Number.isFinite(ms) && ms >= TAKEN_AT_EARLIEST && ms <= now.getTime() + TAKEN_AT_MAX_AHEAD_MS;
}

/** A photo's caption, at most this many characters (counted like zod's max: UTF-16 length). */
export const PHOTO_CAPTION_MAX = 200;
