/**
 * Formatting for numbers, money, capacity and dates in the user's language. Pure functions
 * (server and client). Money is stored in 万元 (10,000 yuan); capacity in the unit the project
 * states (万千瓦, MW, km ...).
 */
import type { Locale } from '@/lib/i18n/config';
import { appTimeZone } from '@/lib/time-zone';

// Constructing an Intl formatter costs ~25 µs (NumberFormat) to ~190 µs (DateTimeFormat);
// formatting with an existing one ~1 µs. The few combinations in use are built once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const nf = (locale: Locale, digits: number) =>
  memo(`n|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }));

export function formatNumber(value: number | string | null | undefined, locale: Locale, digits = 2): string {
  const n = toNumber(value);
  return n === null ? '—' : nf(locale, digits).format(n);
}

export function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Power capacity units we convert between: 万千瓦 (10 MW) and MW / GW / kW. */
const POWER_IN_MW: Record<string, number> = { 万千瓦: 10, MW: 1, 兆瓦: 1, GW: 1000, 千瓦: 0.001, kW: 0.001 };

const UNIT_EN: Record<string, string> = {
  公里: 'km',
  千米: 'km',
  亿立方米: '100 million m³',
  万立方米: '10,000 m³',
  立方米: 'm³',
  万吨: '10,000 t',
  吨: 't',
  亩: 'mu',
  万亩: '10,000 mu',
  座: 'sites',
  个: 'units',
  万千伏安: 'MVA (×10)',
  千伏: 'kV',
};

/**
 * Capacity with its unit. Power is shown in 万千瓦 in Chinese and in MW in English; other units
 * are kept and translated.
 */
/** '12.00' → '12', '8.50' → '8.5': a stored numeric as the user typed it (a form's initial value), not at the column's scale. */
export const plainDecimal = (v: string): string => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

export function formatCapacity(value: number | string | null | undefined, unit: string | null | undefined, locale: Locale): string {
  const n = toNumber(value);
  if (n === null) return '—';
  const u = (unit ?? '').trim();
  const mw = POWER_IN_MW[u];
  if (mw !== undefined) {
    if (locale === 'en') return `${nf(locale, 1).format(n * mw)} MW`;
    return `${nf(locale, 2).format((n * mw) / 10)} 万千瓦`;
  }
  if (locale === 'en') return `${nf(locale, 2).format(n)} ${UNIT_EN[u] ?? u}`.trim();
  return `${nf(locale, 2).format(n)} ${u}`.trim();
}

/**
 * A date-only value (YYYY-MM-DD): 2025年6月30日 / 30 Jun 2025, shown as the date it is (no zone).
 * An instant (a Date) is shown as its date in the app's time zone: `timeZone` from next-intl's
 * useTimeZone() in a client component, lib/time-zone's appTimeZone() by default on the server.
 */
export function formatDate(value: string | Date | null | undefined, locale: Locale, timeZone?: string): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  if (Number.isNaN(d.getTime())) return '—';
  const zone = typeof value === 'string' ? 'UTC' : (timeZone ?? appTimeZone());
  return memo(
    `d|${locale}|${zone}`,
    () =>
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
        year: 'numeric',
        month: locale === 'en' ? 'short' : 'long',
        day: 'numeric',
        timeZone: zone,
      }),
  ).format(d);
}

/** A month 'YYYY-MM' (an as-of month, lib/plans/as-of.ts): 2026年10月 / October 2026. */
export function formatMonth(key: string | null | undefined, locale: Locale): string {
  const match = key ? /^(\d{4})-(\d{2})$/.exec(key) : null;
  if (!match) return '—';
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return memo(
    `m|${locale}`,
    () => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(d);
}

/**
 * A moment in time (audit events, exports' "exported at"): 2025年6月30日 14:05 / 30 Jun 2025, 14:05,
 * in the app's time zone (`timeZone` as for formatDate).
 */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale, timeZone?: string): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '—';
  const zone = timeZone ?? appTimeZone();
  return memo(
    `t|${locale}|${zone}`,
    () =>
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
        year: 'numeric',
        month: locale === 'en' ? 'short' : 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZone: zone,
      }),
  ).format(d);
}

/** The time of day of a moment, HH:mm (or HH:mm:ss), in the app's time zone (`timeZone` as for formatDate). */
export function formatTime(value: string | Date, locale: Locale, opts: { seconds?: boolean; timeZone?: string } = {}): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '—';
  const zone = opts.timeZone ?? appTimeZone();
  const seconds = opts.seconds ?? false;
  return memo(
    `h|${locale}|${zone}|${seconds}`,
    () =>
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' as const } : {}),
        hour12: false,
        timeZone: zone,
      }),
  ).format(d);
}
