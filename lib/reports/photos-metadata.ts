import 'server-only';
import exifr from 'exifr';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { appTimeZone } from '@/lib/time-zone';
import type { PhotoMime } from './photo-limits';

/**
 * What a photo file gives away, and the copy of it that gives nothing away.
 *
 * A phone's picture carries EXIF (the camera, the time, often the GPS position of the site or
 * of the person's home), XMP and IPTC blocks, and PNG text chunks. None of that is served:
 * the stored original is re-encoded by sharp, which writes no metadata unless asked, with the
 * EXIF orientation applied to the pixels first (`.rotate()`), so the picture stands as the
 * camera meant it. Before that, the time the picture was taken (DateTimeOriginal) is read into
 * its own field (report_photos.taken_at). The position is never read here: it is kept only
 * when the uploader chose to record it, sent by the browser apart from the file
 * (report_photos.latitude/longitude, lib/reports/photo-location.ts).
 */

/** Re-encoding settings per type: JPEG and WebP at a quality the eye does not tell apart, PNG lossless. */
function encode(image: Sharp, mime: PhotoMime, meta: Metadata): Sharp {
  switch (mime) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 });
    case 'image/png':
      // A palette PNG stays a palette PNG (as a truecolour one it can grow several times over).
      return image.png({ compressionLevel: 9, palette: Boolean(meta.isPalette) });
    case 'image/webp':
      return image.webp({ quality: 90 });
  }
}

/** Whether the file carries anything besides pixels that a reader could take out of it. */
export function carriesMetadata(meta: Metadata): boolean {
  return Boolean(meta.exif || meta.xmp || meta.iptc || meta.comments?.length || (meta.orientation && meta.orientation !== 1));
}

/**
 * The image re-encoded without EXIF, XMP, IPTC or text chunks, orientation applied. `options`
 * are sharp's input options (the caller's pixel limit and failure level).
 */
export async function stripMetadata(bytes: Buffer, mime: PhotoMime, options: SharpOptions = {}): Promise<Buffer> {
  const meta = await sharp(bytes, options).metadata();
  return encode(sharp(bytes, options).rotate(), mime, meta).toBuffer();
}

/** The bytes to serve: the file itself when it carries nothing, else a stripped copy (files stored before stripping). */
export async function servableBytes(bytes: Buffer, mime: PhotoMime): Promise<Buffer> {
  const options = { limitInputPixels: false } as const;
  const meta = await sharp(bytes, options).metadata();
  if (!carriesMetadata(meta)) return bytes;
  return encode(sharp(bytes, options).rotate(), mime, meta).toBuffer();
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The offset of a zone from UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * An EXIF date-time ("2025:06:18 09:30:15") as an instant: with its offset ("+08:00",
 * OffsetTimeOriginal) when the camera wrote one, else as a wall-clock time in the deployment's
 * zone (lib/time-zone), where the site photos are taken. Null for anything that is not a real
 * date (cameras write "0000:00:00 00:00:00" when the clock was never set).
 */
export function exifDateTime(value: unknown, offset: unknown, timeZone: string = appTimeZone()): Date | null {
  if (typeof value !== 'string') return null;
  const m = EXIF_DATE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1970 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31 June over to 1 July: such a date is not real.
  if (new Date(wall).getUTCDate() !== d) return null;
  const o = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  if (o) {
    const sign = o[1] === '-' ? -1 : 1;
    return new Date(wall - sign * (Number(o[2]) * 60 + Number(o[3])) * 60_000);
  }
  // Two steps: the offset at the first guess may differ from the offset at the result (DST).
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/**
 * The EXIF block of any of the three types as a TIFF buffer, the form exifr reads (sharp finds
 * it in JPEG, PNG and WebP alike; exifr alone does not read WebP). Undefined when there is none.
 */
export function exifTiff(meta: Metadata): Buffer | undefined {
  const exif = meta.exif;
  if (!exif?.length) return undefined;
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** When the picture was taken (EXIF DateTimeOriginal, else CreateDate), or null. Never throws. */
export async function readTakenAt(bytes: Buffer): Promise<Date | null> {
  try {
    const tiff = exifTiff(await sharp(bytes, { limitInputPixels: false }).metadata());
    if (!tiff) return null;
    const tags = (await exifr.parse(tiff, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      reviveValues: false,
      gps: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return null;
    return exifDateTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ?? exifDateTime(tags.CreateDate, tags.OffsetTimeDigitized);
  } catch {
    return null;
  }
}
