/**
 * Money arrives as decimal strings (万元, numeric(…, 2) in the database). Sums for subtotals are
 * exact: they add scaled integers (BigInt, 4 decimal places) and only the finished sum becomes a
 * JavaScript number for the spreadsheet cell, so 0.1 + 0.2 stays 0.3.
 */
const SCALE_DIGITS = 4;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** Parses '12345.67', '-3', '0.5' into scaled units; null for null, '' or anything not a decimal. */
export function parseDecimal(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const m = /^\s*(-)?(\d+)(?:\.(\d*))?\s*$/.exec(value);
  if (!m) return null;
  const frac = (m[3] ?? '').slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  const units = BigInt(m[2]!) * SCALE + BigInt(frac);
  return m[1] ? -units : units;
}

/** Scaled units back to a decimal string with `digits` places (rounded half away from zero). */
export function formatDecimal(units: bigint, digits = 2): string {
  const negative = units < 0n;
  let abs = negative ? -units : units;
  const drop = 10n ** BigInt(SCALE_DIGITS - digits);
  abs = (abs + drop / 2n) / drop;
  const base = 10n ** BigInt(digits);
  const whole = abs / base;
  const frac = abs % base;
  const text = digits > 0 ? `${whole}.${frac.toString().padStart(digits, '0')}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** Scaled units as a number (for a spreadsheet cell). */
export function decimalToNumber(units: bigint): number {
  return Number(formatDecimal(units, SCALE_DIGITS));
}

/** A decimal string as a number for a numeric cell; null when empty or not a decimal. */
export function toNumber(value: string | null | undefined): number | null {
  const units = parseDecimal(value);
  return units === null ? null : decimalToNumber(units);
}

/** Running sum of decimal strings; `counted` says how many non-null values went in. */
export class DecimalSum {
  units = 0n;
  counted = 0;
  add(value: string | null | undefined): void {
    const u = parseDecimal(value);
    if (u === null) return;
    this.units += u;
    this.counted += 1;
  }
  get value(): number | null {
    return this.counted ? decimalToNumber(this.units) : null;
  }
  get text(): string | null {
    return this.counted ? formatDecimal(this.units) : null;
  }
}
