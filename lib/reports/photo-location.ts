/**
 * Where a site photo was taken (issue 13, A2), shared by the uploader (client) and the upload
 * route: recorded only when the uploader ticks "record where it was taken", as WGS 84 degrees,
 * with the phone's accuracy in metres when the position came from the phone. The database backs
 * the same ranges (CHECK report_photos_location).
 */

export interface PhotoLocation {
  latitude: number;
  longitude: number;
  /** Metres, from the phone's geolocation; null for a position read from the photo's EXIF GPS. */
  accuracy: number | null;
}

/** The largest accuracy kept (a position a thousand km off is no position; the CHECK's bound). */
export const LOCATION_MAX_ACCURACY_M = 1_000_000;

export type LocationField = 'latitude' | 'longitude' | 'locationAccuracy';
export type LocationCheck = { ok: true; location: PhotoLocation | null } | { ok: false; field: LocationField };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal number as sent in a form field; null for anything else ("1e3", "NaN", "", " 1"). */
function decimal(value: unknown): number | null {
  if (typeof value !== 'string' || !DECIMAL.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const absent = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The form fields `latitude`, `longitude` and `locationAccuracy` of an upload: all absent (or
 * empty) is no location; otherwise latitude −90..90 and longitude −180..180, both decimal numbers,
 * and an accuracy, when given, 0..LOCATION_MAX_ACCURACY_M. One without the other is refused.
 */
export function checkLocation(latitude: unknown, longitude: unknown, accuracy: unknown): LocationCheck {
  if (absent(latitude) && absent(longitude) && absent(accuracy)) return { ok: true, location: null };
  const lat = decimal(latitude);
  if (lat === null || lat < -90 || lat > 90) return { ok: false, field: 'latitude' };
  const lng = decimal(longitude);
  if (lng === null || lng < -180 || lng > 180) return { ok: false, field: 'longitude' };
  if (absent(accuracy)) return { ok: true, location: { latitude: lat, longitude: lng, accuracy: null } };
  const acc = decimal(accuracy);
  if (acc === null || acc < 0 || acc > LOCATION_MAX_ACCURACY_M) return { ok: false, field: 'locationAccuracy' };
  return { ok: true, location: { latitude: lat, longitude: lng, accuracy: acc } };
}

/** A position the browser found (EXIF GPS, geolocation) that is worth sending; else null. */
export function usableLocation(latitude: unknown, longitude: unknown, accuracy?: unknown): PhotoLocation | null {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // A camera without a fix writes 0/0: that is the Gulf of Guinea, not a site.
  if (latitude === 0 && longitude === 0) return null;
  const acc =
    typeof accuracy === 'number' && Number.isFinite(accuracy) && accuracy >= 0
      ? Math.min(Math.round(accuracy * 10) / 10, LOCATION_MAX_ACCURACY_M)
      : null;
  return { latitude, longitude, accuracy: acc };
}

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * The coordinates as read under a photo and on its stamp, to 4 decimals (about 11 m), with the
 * hemisphere in words: "北纬 46.7461° 东经 82.9856°" / "46.7461° N, 82.9856° E". `t` is the
 * translator of the `reports.photo` namespace.
 */
export function coordinatesText(t: T, latitude: number, longitude: number): string {
  const lat = t(latitude < 0 ? 'location.south' : 'location.north', { value: Math.abs(latitude).toFixed(4) });
  const lng = t(longitude < 0 ? 'location.west' : 'location.east', { value: Math.abs(longitude).toFixed(4) });
  return t('location.coordinates', { lat, lng });
}

/** How recent a photo must be for the phone's position now to be where it was taken. */
export const FRESH_PHOTO_MINUTES = 15;

/**
 * Whether the phone's position at upload time may stand for where a photo without GPS in its
 * EXIF was taken: only for a photo taken (EXIF time, else the file's last change) within the
 * last FRESH_PHOTO_MINUTES. An older photo picked from the gallery gets no position rather than
 * the wrong one.
 */
export function devicePositionFits(takenAt: Date | null, lastModified: number | undefined, now: Date): boolean {
  const at = takenAt?.getTime() ?? lastModified;
  if (at === undefined || !Number.isFinite(at)) return false;
  const age = now.getTime() - at;
  return age >= -60_000 && age <= FRESH_PHOTO_MINUTES * 60_000;
}
