import { takenAtAcceptable } from '@/lib/reports/photo-limits';
import { devicePositionFits, type PhotoLocation, usableLocation } from '@/lib/reports/photo-location';
import { devicePosition } from './photo-geo';
import { drawStamp } from './photo-stamp';

/**
 * A photo made fit for a slow uplink before it is sent (issue 13, A2): a 12 MP phone photo
 * (4–6 MB) becomes a JPEG of at most 2048 px on its long edge at quality 0.8 (some hundreds of
 * KB), turned upright by its EXIF orientation. The resized JPEG has no EXIF, so the time it was
 * taken is read here first and sent apart (`takenAt`). A small photo, or one the browser cannot
 * decode (HEIC in most browsers), goes as it is and the server decides.
 *
 * Two choices of the uploader, both off unless ticked: record the position (the photo's EXIF GPS,
 * else the phone's position now; sent apart as `location`, the server keeps it only in its row),
 * and stamp the photo (水印, photo-stamp.ts: drawn before encoding, so a stamped photo is always
 * re-encoded).
 */

export const PHOTO_LONG_EDGE = 2048;
export const PHOTO_JPEG_QUALITY = 0.8;
/** A photo at most this large and within PHOTO_LONG_EDGE is sent as it is. */
export const PHOTO_KEEP_BYTES = 1.5 * 1024 * 1024;

export interface PreparedPhoto {
  /** What is sent: the resized JPEG, or the original file. */
  blob: Blob;
  /** The name sent (a resized photo's extension becomes .jpg). */
  name: string;
  /** From the photo's EXIF DateTimeOriginal; null when it has none (the upload time is shown). */
  takenAt: Date | null;
  resized: boolean;
  /** Where it was taken, when asked for and found. */
  location: PhotoLocation | null;
  /** The position was asked for but none was found (denied, unavailable, too slow). */
  noLocation: boolean;
  /** Whether the stamp is on the picture sent. */
  stamped: boolean;
  /** The stamp was asked for but the browser could not draw it (the original goes unstamped). */
  noStamp: boolean;
}

export interface PrepareOptions {
  /** Record where it was taken. */
  location?: boolean;
  /** The stamp's lines, given what was read (null/absent: no stamp). */
  stamp?: ((facts: { takenAt: Date | null; location: PhotoLocation | null }) => string[]) | null;
}

/** The size to draw at: the long edge at most `max`, the aspect kept; a smaller image unchanged. */
export function targetSize(width: number, height: number, max = PHOTO_LONG_EDGE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const scale = max / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether the original is sent as it is: already small in pixels and in bytes. */
export function keepOriginal(width: number, height: number, bytes: number): boolean {
  return Math.max(width, height) <= PHOTO_LONG_EDGE && bytes <= PHOTO_KEEP_BYTES;
}

/** A taken-at from EXIF (a Date, or a string exifr did not revive); null when missing or unbelievable. */
export function takenAtFrom(value: unknown, now: Date): Date | null {
  const date = value instanceof Date ? value : typeof value === 'string' && value ? new Date(value) : null;
  return date && takenAtAcceptable(date, now) ? date : null;
}

/** The name of the resized photo: the original's with a .jpg extension. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'photo'}.jpg`;
}

async function readExif(file: Blob, gps: boolean): Promise<{ takenAt: Date | null; location: PhotoLocation | null }> {
  try {
    // Loaded when a photo is chosen, not with the form (34 KB compressed).
    const exifr = await import('exifr');
    const tags = (await exifr.parse(file, { pick: ['DateTimeOriginal'] })) as { DateTimeOriginal?: unknown } | undefined;
    const takenAt = takenAtFrom(tags?.DateTimeOriginal, new Date());
    if (!gps) return { takenAt, location: null };
    const position = (await exifr.gps(file).catch(() => undefined)) as { latitude?: unknown; longitude?: unknown } | undefined;
    return { takenAt, location: usableLocation(position?.latitude, position?.longitude) };
  } catch {
    return { takenAt: null, location: null };
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, stamp: string[] | null): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    if (stamp) drawStamp(ctx, stamp, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  if (stamp) drawStamp(ctx, stamp, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_JPEG_QUALITY));
}

/**
 * Reads the taken-at (and the position, when asked), then resizes, stamps and re-encodes when
 * that pays or a stamp is asked for; any failure sends the original (unstamped, said so).
 */
export async function preparePhoto(file: File, options: PrepareOptions = {}): Promise<PreparedPhoto> {
  const wantLocation = Boolean(options.location);
  const exif = await readExif(file, wantLocation);
  const takenAt = exif.takenAt;
  // The phone's position now only for a photo just taken: an old gallery photo gets none, not the wrong place.
  const location = wantLocation
    ? (exif.location ?? (devicePositionFits(takenAt, file.lastModified, new Date()) ? await devicePosition() : null))
    : null;
  const stamp = options.stamp ? options.stamp({ takenAt, location }) : null;
  const original: PreparedPhoto = {
    blob: file,
    name: file.name,
    takenAt,
    resized: false,
    location,
    noLocation: wantLocation && !location,
    stamped: false,
    noStamp: Boolean(stamp),
  };
  if (typeof createImageBitmap !== 'function') return original;
  let bitmap: ImageBitmap | null = null;
  try {
    // 'from-image': drawn upright by its EXIF orientation (the encoded JPEG has none).
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    if (!stamp && keepOriginal(bitmap.width, bitmap.height, file.size)) return { ...original, noStamp: false };
    const size = targetSize(bitmap.width, bitmap.height);
    const blob = await encode(bitmap, size.width, size.height, stamp);
    if (!blob || blob.size === 0) return original;
    // A re-encode that came out larger (an already well-compressed photo) is not worth it, unless stamped.
    if (!stamp && blob.size >= file.size) return original;
    return { ...original, blob, name: jpegName(file.name), resized: true, stamped: Boolean(stamp), noStamp: false };
  } catch {
    // Not decodable here (e.g. HEIC): the server answers for the original.
    return original;
  } finally {
    bitmap?.close();
  }
}
