/** Photo upload limits, shared by the upload form (client) and the server checks. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_TYPES)[number];
/** At most this many photos per report. */
export const PHOTO_MAX_PER_REPORT = 30;
