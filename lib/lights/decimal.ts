/**
 * Money arithmetic for the lights: amounts are decimal strings in 万元 with at most two
 * decimals, added as integer cents (BigInt), never as floating point. Only the final ratio
 * (a percentage shown to one decimal) becomes a Number.
 */
const DECIMAL = /^-?\d+(\.\d{1,2})?$/;

export function toCents(s: string): bigint {
  const v = s.trim();
  if (!DECIMAL.test(v)) throw new Error(`not a decimal amount: ${s}`);
  const neg = v.startsWith('-');
  const [int = '0', frac = ''] = (neg ? v.slice(1) : v).split('.');
  const cents = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  return neg ? -cents : cents;
}

export function fromCents(c: bigint): string {
  const neg = c < 0n;
  const abs = neg ? -c : c;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function sumDecimals(values: readonly string[]): string {
  return fromCents(values.reduce((acc, v) => acc + toCents(v), 0n));
}

export const isDecimalAmount = (s: string) => DECIMAL.test(s.trim());

/** part ÷ whole as a percentage rounded (half up) to one decimal; null when whole is not positive. */
export function percentOf(partCents: bigint, wholeCents: bigint): number | null {
  if (wholeCents <= 0n) return null;
  const neg = partCents < 0n;
  const abs = neg ? -partCents : partCents;
  // Tenths of a percent: abs × 1000 ÷ whole, rounded half up, in integers.
  const tenths = (abs * 2000n + wholeCents) / (2n * wholeCents);
  return (neg ? -1 : 1) * (Number(tenths) / 10);
}

/** Round a number to one decimal (for differences of percentages). */
export const round1 = (n: number) => Math.round(n * 10) / 10;
