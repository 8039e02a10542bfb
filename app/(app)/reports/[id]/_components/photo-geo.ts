import { type PhotoLocation, usableLocation } from '@/lib/reports/photo-location';

/** How long the phone is given to find its position (a site on a weak network must not wait). */
export const GEOLOCATION_TIMEOUT_MS = 8000;

/**
 * The phone's position now, for a photo without GPS in its EXIF, just taken
 * (devicePositionFits), when the uploader chose to record the position: low accuracy is fine, a position up to a minute old is reused (several photos
 * chosen at once ask once). Null when location is denied, unavailable or too slow; never throws.
 */
export function devicePosition(timeout = GEOLOCATION_TIMEOUT_MS): Promise<PhotoLocation | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    // Some browsers never call back when the prompt is left open: the timer answers then.
    const timer = setTimeout(() => resolve(null), timeout + 500);
    const done = (value: PhotoLocation | null) => {
      clearTimeout(timer);
      resolve(value);
    };
    try {
      navigator.geolocation.getCurrentPosition(
        (p) => done(usableLocation(p.coords.latitude, p.coords.longitude, p.coords.accuracy)),
        () => done(null),
        { enableHighAccuracy: false, timeout, maximumAge: 60_000 },
      );
    } catch {
      done(null);
    }
  });
}
