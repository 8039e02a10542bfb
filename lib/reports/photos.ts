import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { PHOTO_MAX_BYTES, type PhotoMime } from './photo-limits';
import { photoDir } from './photos-dir';
import { readTakenAt, stripMetadata } from './photos-metadata';

/**
 * Site photos of reports: checking an upload, and the files on disk.
 *
 * - Stored outside the web root, in PHOTO_DIR or `<cwd>/.data/photos` (git-ignored), under a
 *   random name that never comes from user input; `<key>` is the original picture re-encoded
 *   without its metadata (EXIF with GPS, XMP, IPTC: lib/reports/photos-metadata.ts), `<key>.thumb`
 *   a JPEG thumbnail. The time it was taken is read before and kept as a field (taken_at).
 * - The backup (lib/backup) archives this directory with the database.
 * - The type is decided by the file's first bytes (magic numbers), never by its name or the
 *   MIME type the browser sent; then the whole image is decoded (sharp), so a truncated or
 *   corrupt file, or one whose bytes only pretend to be an image, is refused.
 */

export { PHOTO_MAX_BYTES, PHOTO_TYPES, PHOTO_MAX_PER_REPORT, type PhotoMime } from './photo-limits';
export { photoDir } from './photos-dir';

/** Larger images are refused (a decompression bomb fits in a few KB of PNG). ~ 80 megapixels. */
export const PHOTO_MAX_PIXELS = 80_000_000;
/** The thumbnail fits in this square (CSS px × 2 for sharp phone screens). */
export const THUMB_SIZE = 480;

const KEY_RE = /^[0-9a-f]{32}$/;

/** A new random storage key (128 bits, hex). */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

function filePath(key: string, variant: 'original' | 'thumb'): string {
  if (!KEY_RE.test(key)) throw new Error('invalid photo storage key');
  return path.join(photoDir(), variant === 'thumb' ? `${key}.thumb` : key);
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The image type by magic bytes: JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), WebP (RIFF....WEBP). */
export function sniffImageType(bytes: Uint8Array): PhotoMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

const SHARP_FORMAT: Record<PhotoMime, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

export type PhotoRejection = 'empty' | 'tooLarge' | 'unsupportedType' | 'corrupt' | 'tooManyPixels';

export type InspectedPhoto =
  | {
      ok: true;
      mimeType: PhotoMime;
      width: number;
      height: number;
      /** What is stored and served: the picture without EXIF/GPS, XMP, IPTC or text chunks, orientation applied. */
      original: Buffer;
      thumbnail: Buffer;
      /** EXIF DateTimeOriginal of the upload, or null. */
      takenAt: Date | null;
    }
  | { ok: false; reason: PhotoRejection };

/**
 * Checks an uploaded file, strips its metadata and makes its thumbnail. Refuses: an empty or
 * oversized file, a type other than JPEG/PNG/WebP by its bytes, an image that does not decode
 * completely (truncated, corrupt) and one with too many pixels; and, rarely, a picture whose
 * re-encoded copy no longer fits the size limit.
 */
export async function inspectPhoto(bytes: Buffer): Promise<InspectedPhoto> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  const mimeType = sniffImageType(bytes);
  if (!mimeType) return { ok: false, reason: 'unsupportedType' };
  const options = { failOn: 'truncated', limitInputPixels: false } as const;
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== SHARP_FORMAT[mimeType] || !meta.width || !meta.height) return { ok: false, reason: 'corrupt' };
    if (meta.width * meta.height > PHOTO_MAX_PIXELS) return { ok: false, reason: 'tooManyPixels' };
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.height;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    // Decodes the whole image: a truncated or damaged file fails here.
    const decode = { ...options, limitInputPixels: PHOTO_MAX_PIXELS };
    const [original, thumbnail, takenAt] = await Promise.all([
      stripMetadata(bytes, mimeType, decode),
      // sharp writes no metadata into its output unless asked (withMetadata/withExif).
      sharp(bytes, decode)
        .rotate()
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 78 })
        .toBuffer(),
      readTakenAt(bytes),
    ]);
    if (original.length > PHOTO_MAX_BYTES) return { ok: false, reason: 'tooLarge' };
    return { ok: true, mimeType, width, height, original, thumbnail, takenAt };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/** Writes the original and its thumbnail; never overwrites (the key is new). */
export async function writePhotoFiles(key: string, original: Buffer, thumbnail: Buffer): Promise<void> {
  await mkdir(photoDir(), { recursive: true, mode: 0o700 });
  try {
    await writeFile(filePath(key, 'original'), original, { flag: 'wx', mode: 0o600 });
    await writeFile(filePath(key, 'thumb'), thumbnail, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    await removePhotoFiles(key);
    throw err;
  }
}

/** The stored bytes, or null when the file is missing. */
export async function readPhotoFile(key: string, variant: 'original' | 'thumb'): Promise<Buffer | null> {
  try {
    return await readFile(filePath(key, variant));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Removes both files; missing files are not an error. */
export async function removePhotoFiles(key: string): Promise<void> {
  await Promise.all([rm(filePath(key, 'original'), { force: true }), rm(filePath(key, 'thumb'), { force: true })]);
}
