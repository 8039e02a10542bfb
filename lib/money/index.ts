/**
 * Money: the one parser, the exact arithmetic, the one rounding rule and the display policy
 * that every page, export, report and the bench use. Pure functions (server and client).
 *
 * Amounts are in 万元 (10,000 yuan), stored as numeric(14,2), and travel as their decimal text
 * ('350.50'). Arithmetic is on integer hundredths of a 万元 (`Cents`, BigInt: 1 cent = 100
 * yuan), never on floating point; only a finished figure becomes a Number (a spreadsheet cell,
 * a chart point), through moneyToNumber.
 *
 * Parsing — parseMoney: a decimal string (or a number whose shortest text is one) with at most
 * two decimals, an optional leading '-', surrounding spaces allowed: '350.5', '-3', ' 007 '.
 * Text is read as people type it: NFKC first, so a Chinese IME's full-width digits, point,
 * minus, comma and space count as their ASCII forms ('３５６０', '１２．５', '－３'; U+2212 '−' is
 * a minus too), and the integer part may be grouped by thousands with commas ('1,234.5',
 * '1，234'), every group of three. Anything else is a MoneyError: '', '1.234', '1e3', '1,00',
 * ',100', '+1', '.5', '5.', NaN, Infinity, 0.1 + 0.2 (its text is 0.30000000000000004). Form
 * fields (./schema.ts) take strings only and add two rules: not negative (its own message),
 * and below 10^12 万元 (what numeric(14,2) holds).
 *
 * Rounding — one rule, half away from zero (divRound): 0.005 → 0.01, -0.005 → -0.01. It is
 * used wherever a figure loses digits: a summary in 亿元, a share of an amount (m/12 of a plan,
 * days of a month), a percentage.
 *
 * Percentages — one decimal (PERCENT_DECIMALS): percentOf(part, whole) computes it exactly in
 * integers; rateOf gives the same rounded figure as a fraction for a spreadsheet cell shown as
 * 0.0%; roundPercent applies the same rule to a figure that already is a float (the difference
 * of two percentages, a stored fraction × 100). Shown with exactly one decimal: 42.0%, 33.3%.
 *
 * Display — two functions, fixed decimals, the same in both languages:
 *   formatWan  tables, forms, details (every per-project amount), in 万元, 2 decimals (the
 *              stored precision, so nothing is ever rounded away):
 *                zh 350.50 万元 · 12,345.00 万元      en CNY 3,505,000 · CNY 123,450,000
 *              (English gives the same exact amount in yuan: 0.01 万元 is 100 yuan.) With
 *              { unit: false } just the number, 350.50, where a header or the sentence says
 *              the unit (the Excel and print tables, the plan forms).
 *   formatYi   summaries (the dashboard's headline figures), in 亿元 (= 10,000 万元),
 *              2 decimals, rounded by the one rule:
 *                zh 0.04 亿元 · 1.00 亿元 · 12.35 亿元  en CNY 4 m · CNY 100 m · CNY 1,235 m
 *              (English gives the same rounded amount in millions of yuan: 0.01 亿元 = CNY 1 m.)
 * Spreadsheets keep numbers in 万元 with the same decimals: EXCEL_MONEY_FORMAT, EXCEL_RATE_FORMAT.
 */
import type { Locale } from '@/lib/i18n/config';

/** Hundredths of a 万元 (100 yuan each): the unit of every exact money computation. */
export type Cents = bigint;

/** Decimals of an amount in 万元 in every table, form and export (the stored precision). */
export const WAN_DECIMALS = 2;
/** Decimals of an amount in 亿元 in every summary. */
export const YI_DECIMALS = 2;
/** Decimals of every percentage (completion rate, time-elapsed progress, points behind). */
export const PERCENT_DECIMALS = 1;
/** Excel number formats with the same decimals: money cells in 万元, rates as fractions. */
export const EXCEL_MONEY_FORMAT = '#,##0.00';
export const EXCEL_RATE_FORMAT = '0.0%';
/** The largest amount a form may store, exclusive: numeric(14,2) holds 12 integer digits. */
export const MONEY_LIMIT: Cents = 10n ** 14n;

export class MoneyError extends Error {
  constructor(value: unknown) {
    super(`not an amount in 万元 with at most two decimals: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
    this.name = 'MoneyError';
  }
}

const MONEY_TEXT = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Typed text as the parser reads it: NFKC (full-width → ASCII), '−' as '-', trimmed. */
const normalizeTyped = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();

/** The one parser: an amount in 万元 as cents. Throws MoneyError for anything else. */
export function parseMoney(value: string | number): Cents {
  const cents = tryParseMoney(value);
  if (cents === null) throw new MoneyError(value);
  return cents;
}

/** parseMoney, with null instead of the error (for a value a user is still typing). */
export function tryParseMoney(value: unknown): Cents | null {
  let text: string;
  if (typeof value === 'string') text = normalizeTyped(value);
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return null;
  const m = MONEY_TEXT.exec(text);
  if (!m) return null;
  const cents = BigInt(m[2]!.replace(/,/g, '')) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** True when parseMoney would accept the value. */
export const isMoney = (value: unknown): boolean => tryParseMoney(value) !== null;

/**
 * What a money form field accepts: an amount that is not negative and below MONEY_LIMIT, as its
 * canonical text ('12.5' → '12.50'); null otherwise. The zod helpers (./schema.ts) and the live
 * sums of the forms use it, so a form adds up exactly what the action will store.
 */
export function parseMoneyInput(value: unknown): string | null {
  return moneyInputProblem(value) === null ? moneyText(tryParseMoney(value)!) : null;
}

/**
 * Why a money form field refuses a value, as a catalogue key under "validation": 'negativeMoney'
 * for an amount below zero (also '-0'), 'invalidMoney' for anything else it refuses (not an
 * amount, more than two decimals, 10^12 万元 or more); null when parseMoneyInput accepts it.
 */
export function moneyInputProblem(value: unknown): 'invalidMoney' | 'negativeMoney' | null {
  const cents = tryParseMoney(value);
  if (cents === null) return 'invalidMoney';
  const signed = typeof value === 'string' ? normalizeTyped(value).startsWith('-') : Object.is(value, -0) || (value as number) < 0;
  if (signed) return 'negativeMoney';
  return cents < MONEY_LIMIT ? null : 'invalidMoney';
}

/** Cents as the canonical text of a numeric(…,2): 35050n → '350.50', -5n → '-0.05'. */
export function moneyText(cents: Cents): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The canonical text of an amount: '12.5' → '12.50', '007' → '7.00'. Throws MoneyError. */
export const normalizeMoney = (value: string | number): string => moneyText(parseMoney(value));

/** The exact sum of amounts, as text: ['0.1', '0.2'] → '0.30'. */
export function sumMoney(values: readonly (string | number)[]): string {
  return moneyText(values.reduce<Cents>((acc, v) => acc + parseMoney(v), 0n));
}

/** a + b, exactly: '12.5' + '0.75' → '13.25'. */
export const addMoney = (a: string | number, b: string | number): string => moneyText(parseMoney(a) + parseMoney(b));

/** a − b, exactly: '0.3' − '0.1' → '0.20'. */
export const subtractMoney = (a: string | number, b: string | number): string => moneyText(parseMoney(a) - parseMoney(b));

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareMoney(a: string | number, b: string | number): -1 | 0 | 1 {
  const d = parseMoney(a) - parseMoney(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** An amount as a Number in 万元, for a spreadsheet cell or a chart point; null for null or ''. */
export function moneyToNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  return centsToNumber(parseMoney(value));
}

/** Cents as a Number in 万元 (the nearest double to the exact decimal). */
export const centsToNumber = (cents: Cents): number => Number(moneyText(cents));

/** A running sum of amounts (null and '' skipped); `counted` says how many went in. */
export class MoneySum {
  cents: Cents = 0n;
  counted = 0;
  add(value: string | number | null | undefined): void {
    if (value === null || value === undefined || value === '') return;
    this.cents += parseMoney(value);
    this.counted += 1;
  }
  /** The sum as text, null when nothing was added. */
  get text(): string | null {
    return this.counted ? moneyText(this.cents) : null;
  }
  /** The sum as a Number in 万元, null when nothing was added. */
  get number(): number | null {
    return this.counted ? centsToNumber(this.cents) : null;
  }
}

// ── The one rounding rule ───────────────────────────────────────────────────────────────

/** n ÷ d rounded half away from zero (d > 0): divRound(5n, 2n) = 3n, divRound(-5n, 2n) = -3n. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divRound: the divisor must be positive');
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** cents × num ÷ den, rounded by the one rule: a share of an amount (m/12 of a plan). */
export const shareOf = (cents: Cents, num: bigint | number, den: bigint | number): Cents => divRound(cents * BigInt(num), BigInt(den));

// ── Percentages ─────────────────────────────────────────────────────────────────────────

/** part ÷ whole in tenths of a per cent, rounded by the one rule; null when whole is not positive. */
function percentTenths(part: bigint | string, whole: bigint | string): bigint | null {
  const p = typeof part === 'string' ? parseMoney(part) : part;
  const w = typeof whole === 'string' ? parseMoney(whole) : whole;
  if (w <= 0n) return null;
  return divRound(p * 1000n, w);
}

/**
 * part ÷ whole as a percentage with one decimal: ('1', '3') → 33.3, ('2', '3') → 66.7. Strings
 * are amounts in 万元; bigints are any two integer quantities of one unit (cents, days, months).
 * Null when whole is not positive.
 */
export function percentOf(part: bigint | string, whole: bigint | string): number | null {
  const tenths = percentTenths(part, whole);
  return tenths === null ? null : Number(tenths) / 10;
}

/** percentOf as a fraction for a cell shown as 0.0% (33.3% → 0.333). */
export function rateOf(part: bigint | string, whole: bigint | string): number | null {
  const tenths = percentTenths(part, whole);
  return tenths === null ? null : Number(tenths) / 1000;
}

/** A float percentage in tenths of a per cent, rounded by the one rule on its decimal text. */
function floatTenths(n: number): bigint {
  if (!Number.isFinite(n)) throw new RangeError(`not a percentage: ${n}`);
  const abs = Math.abs(n);
  // From 10^15 on a double has no decimals left to round.
  if (abs >= 1e15) return BigInt(Math.round(n)) * 10n;
  const [int = '0', frac = ''] = abs.toFixed(10).split('.');
  const tenths = divRound(BigInt(int + frac), 10n ** 9n);
  return n < 0 ? -tenths : tenths;
}

/**
 * A float percentage rounded to one decimal by the one rule, read as its decimal text:
 * 33.35 → 33.4, -12.25 → -12.3, (0.1 + 0.2) × 100 → 30. For the difference of two percentages
 * and stored fractions; a percentage of two amounts is percentOf.
 */
export function roundPercent(n: number): number {
  const tenths = floatTenths(n);
  return tenths === 0n ? 0 : Number(tenths) / 10;
}

/** A fraction (0.4237) as a percentage with one decimal (42.4); null stays null. */
export function ratePercent(fraction: number | null | undefined): number | null {
  return fraction === null || fraction === undefined ? null : roundPercent(fraction * 100);
}

// ── Display ─────────────────────────────────────────────────────────────────────────────

const integerFormats = new Map<Locale, Intl.NumberFormat>();
function grouped(n: bigint, locale: Locale): string {
  let f = integerFormats.get(locale);
  if (!f) integerFormats.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** A scaled integer (units of 10^-digits) as grouped text with exactly `digits` decimals. */
function fixed(units: bigint, digits: number, locale: Locale): string {
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const base = 10n ** BigInt(digits);
  const frac = digits > 0 ? `.${String(abs % base).padStart(digits, '0')}` : '';
  return `${neg ? '-' : ''}${grouped(abs / base, locale)}${frac}`;
}

const EMPTY = '—';
const isEmpty = (v: unknown): v is null | undefined | '' => v === null || v === undefined || v === '';

/**
 * An amount in a table, a form or a detail, in 万元 with two decimals: '350.5' → 350.50 万元
 * (zh) / CNY 3,505,000 (en); with { unit: false } 350.50 in both. '—' for null or ''; throws
 * MoneyError for anything parseMoney refuses.
 */
export function formatWan(value: string | number | null | undefined, locale: Locale, options: { unit?: boolean } = {}): string {
  if (isEmpty(value)) return EMPTY;
  const cents = parseMoney(value);
  if (options.unit === false) return fixed(cents, WAN_DECIMALS, locale);
  if (locale === 'en') {
    const yuan = cents * 100n;
    return `CNY ${yuan < 0n ? '-' : ''}${grouped(yuan < 0n ? -yuan : yuan, locale)}`;
  }
  return `${fixed(cents, WAN_DECIMALS, locale)} 万元`;
}

/**
 * An amount in a summary, in 亿元 with two decimals, rounded by the one rule: '350.50' →
 * 0.04 亿元 / CNY 4 m; '123456.78' → 12.35 亿元 / CNY 1,235 m. '—' for null or ''.
 */
export function formatYi(value: string | number | null | undefined, locale: Locale): string {
  if (isEmpty(value)) return EMPTY;
  // Hundredths of a 亿元 = millions of yuan = 10^4 cents.
  const units = divRound(parseMoney(value), 10n ** BigInt(6 - YI_DECIMALS));
  if (locale === 'en') return `CNY ${fixed(units, 0, locale)} m`;
  return `${fixed(units, YI_DECIMALS, locale)} 亿元`;
}

/** A percentage as its number with one decimal, for a sentence that carries the '%': 42.0. */
export function formatPercentNumber(pct: number | null | undefined, locale: Locale): string {
  if (pct === null || pct === undefined) return EMPTY;
  return fixed(floatTenths(pct), PERCENT_DECIMALS, locale);
}

/** A percentage with one decimal: 42 → 42.0%, 33.33 → 33.3%; '—' for null. */
export function formatPercent(pct: number | null | undefined, locale: Locale): string {
  return pct === null || pct === undefined ? EMPTY : `${formatPercentNumber(pct, locale)}%`;
}
