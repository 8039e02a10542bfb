import { takenAtAcceptable } from '@/lib/reports/photo-limits';

/**
 * A photo made fit for a slow uplink before it is sent (issue 13, A2): a 12 MP phone photo
 * (4–6 MB) becomes a JPEG of at most 2048 px on its long edge at quality 0.8 (some hundreds of
 * KB), turned upright by its EXIF orientation. The resized JPEG has no EXIF, so the time it was
 * taken is read here first and sent apart (`takenAt`). A small photo, or one the browser cannot
 * decode (HEIC in most browsers), goes as it is and the server decides.
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

async function readTakenAt(file: Blob): Promise<Date | null> {
  try {
    // Loaded when a photo is chosen, not with the form (34 KB compressed).
    const { parse } = await import('exifr');
    const tags = (await parse(file, { pick: ['DateTimeOriginal'] })) as { DateTimeOriginal?: unknown } | undefined;
    return takenAtFrom(tags?.DateTimeOriginal, new Date());
  } catch {
    return null;
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_JPEG_QUALITY));
}

/** Reads the taken-at, then resizes and re-encodes when that pays; any failure sends the original. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const takenAt = await readTakenAt(file);
  const original: PreparedPhoto = { blob: file, name: file.name, takenAt, resized: false };
  if (typeof createImageBitmap !== 'function') return original;
  let bitmap: ImageBitmap | null = null;
  try {
    // 'from-image': drawn upright by its EXIF orientation (the encoded JPEG has none).
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    if (keepOriginal(bitmap.width, bitmap.height, file.size)) return original;
    const size = targetSize(bitmap.width, bitmap.height);
    const blob = await encode(bitmap, size.width, size.height);
    // A re-encode that came out larger (an already well-compressed photo) is not worth it.
    if (!blob || blob.size === 0 || blob.size >= file.size) return original;
    return { blob, name: jpegName(file.name), takenAt, resized: true };
  } catch {
    // Not decodable here (e.g. HEIC): the server answers for the original.
    return original;
  } finally {
    bitmap?.close();
  }
}
