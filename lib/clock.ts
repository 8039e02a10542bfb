/**
 * "Now" comes from here and nowhere else, so tests can fix the clock.
 */
import { appTimeZone } from './time-zone';

let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date();
}

// Building the formatter costs ~190 µs; formatting ~1 µs. Rebuilt only if the zone changes (tests).
let dayFormat: { tz: string; f: Intl.DateTimeFormat } | undefined;

/** The date of an instant as YYYY-MM-DD in the deployment's time zone (lib/time-zone). */
export function dayOf(d: Date): string {
  const tz = appTimeZone();
  if (dayFormat?.tz !== tz) {
    dayFormat = { tz, f: new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }) };
  }
  return dayFormat.f.format(d);
}

/** Today's date as YYYY-MM-DD in the deployment's time zone. */
export function today(): string {
  return dayOf(now());
}

export function setClockForTests(d: Date | null): void {
  fixed = d;
}
