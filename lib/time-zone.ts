/**
 * The deployment's time zone, the one setting that every date derived from an instant uses:
 * APP_TIME_ZONE (an IANA name such as `Asia/Shanghai` or `UTC`), `Asia/Shanghai` by default.
 *
 * It decides "today" (lib/clock), and with it what is overdue, what escalates, the current
 * reporting period and the dashboard's figures (the SQL gets today's date as a parameter, or
 * the zone itself in `AT TIME ZONE`, never the database session's zone); every displayed
 * date-time (lib/format, next-intl's `timeZone`); the wall-clock times written into Excel, CSV
 * and Word exports. Date-only values (YYYY-MM-DD: deadlines, planned dates) carry no zone and
 * are shown as the date they are.
 *
 * Read once, on the server, and validated: an unknown zone stops the server at start
 * (instrumentation.ts) with a message naming the variable. A client component cannot read the
 * server's environment: it gets the zone from next-intl's provider (`useTimeZone()`), which is
 * given this one (lib/i18n/request.ts).
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The zone a value of APP_TIME_ZONE names, in the runtime's canonical spelling (the one name
 * then goes to Intl and to PostgreSQL's AT TIME ZONE alike); the default when unset or blank.
 * Throws when the name is unknown, or an offset such as +08:00 (PostgreSQL reads offsets with
 * the opposite sign, and an offset knows no daylight saving time).
 */
export function parseTimeZone(value: string | undefined): string {
  const name = value?.trim() || DEFAULT_TIME_ZONE;
  const wrong = new Error(
    `APP_TIME_ZONE="${value}" is not a time zone name this runtime knows: use an IANA name such as Asia/Shanghai or UTC, or leave it unset for ${DEFAULT_TIME_ZONE}.`,
  );
  if (/^[+-]\d/.test(name)) throw wrong;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw wrong;
  }
}

let configured: string | undefined;
let forTests: string | null = null;

/** The deployment's time zone (APP_TIME_ZONE, read and checked on first use). Server side only. */
export function appTimeZone(): string {
  if (forTests !== null) return forTests;
  if (configured === undefined) {
    if (typeof window !== 'undefined') {
      throw new Error('appTimeZone() runs on the server only: in a client component pass the zone from next-intl (useTimeZone()).');
    }
    configured = parseTimeZone(process.env.APP_TIME_ZONE);
  }
  return configured;
}

/** Runs the code under another zone without re-importing modules (as setClockForTests); null restores APP_TIME_ZONE. */
export function setTimeZoneForTests(zone: string | null): void {
  forTests = zone === null ? null : parseTimeZone(zone);
}
