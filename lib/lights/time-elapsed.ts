/**
 * Time-elapsed progress (序时进度): the share of the annual plan that should be done by a date.
 *
 * - Without monthly targets: m/12 by the end of month m.
 * - With monthly targets (twelve PER-MONTH amounts in 万元, see db/schema/plans.ts): the
 *   cumulative target of months 1..m ÷ the annual plan.
 * - Within a month (a dekad period 旬 ends on the 10th or 20th), the month's share is taken in
 *   proportion to the days elapsed, so the end of a month gives exactly the figures above.
 *
 * Results are percentages (0–100) with one decimal, computed and rounded by lib/money (the
 * month's share of its target rounded to the cent the same way).
 */
import { parseMoney, percentOf, shareOf } from '@/lib/money';

export interface PlanFigures {
  /** The annual planned investment, 万元. */
  plannedInvestment: string;
  /** Twelve per-month targets, 万元, or null. */
  monthlyTargets: readonly string[] | null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses YYYY-MM-DD into numbers. */
function parts(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function usableTargets(plan: PlanFigures | null | undefined): bigint[] | null {
  if (!plan?.monthlyTargets || plan.monthlyTargets.length !== 12) return null;
  if (parseMoney(plan.plannedInvestment) <= 0n) return null;
  return plan.monthlyTargets.map(parseMoney);
}

/** 序时进度 at the end of month m (1..12), in percent. */
export function timeElapsedForMonth(month: number, plan?: PlanFigures | null): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month out of range: ${month}`);
  const targets = usableTargets(plan);
  if (!targets) return percentOf(BigInt(month), 12n)!;
  const cumulative = targets.slice(0, month).reduce((a, b) => a + b, 0n);
  return percentOf(cumulative, parseMoney(plan!.plannedInvestment))!;
}

/** 序时进度 as at a date (the end of a reporting period), in percent; days of the month count pro rata. */
export function timeElapsedAt(date: string, plan?: PlanFigures | null): number {
  const { y, m, d } = parts(date);
  const dim = daysInMonth(y, m);
  if (d >= dim) return timeElapsedForMonth(m, plan);
  const targets = usableTargets(plan);
  if (!targets) {
    // (m − 1 + d/dim) / 12, in integer arithmetic: ((m−1)·dim + d) / (12·dim).
    return percentOf(BigInt((m - 1) * dim + d), BigInt(12 * dim))!;
  }
  const before = targets.slice(0, m - 1).reduce((a, b) => a + b, 0n);
  const within = shareOf(targets[m - 1]!, d, dim);
  return percentOf(before + within, parseMoney(plan!.plannedInvestment))!;
}
