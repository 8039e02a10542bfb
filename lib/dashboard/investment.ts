/**
 * The year's investment by month: the cumulative plan (monthly targets where a plan has them,
 * else the plan × m/12, as 序时进度 does in lib/lights/time-elapsed.ts) and the cumulative
 * completed investment from approved reports, by the month their period ends (the per-month
 * sums come from the portfolio statement, lib/dashboard/portfolio.ts). Pure functions.
 */
import { moneyText, parseMoney, shareOf } from '@/lib/money';
import type { MonthlyPlan } from './portfolio';
import type { InvestmentMonth } from './types';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Cumulative planned (万元) at the end of each month 1..12. */
export function cumulativePlan(plan: MonthlyPlan): string[] {
  const flat = parseMoney(plan.flat);
  let targeted = 0n;
  return MONTHS.map((m) => {
    targeted += parseMoney(plan.targeted[m - 1] ?? '0');
    // The plans without monthly targets: m/12 of their sum, to the cent by lib/money's one rule.
    return moneyText(targeted + shareOf(flat, m, 12));
  });
}

/**
 * The chart's twelve months. The completed line has a value only for the reported months
 * (lib/plans/as-of.ts: every day covered by periods with approved reports) up to the as-of month
 * (`throughMonth`, 0 when none): a month not reported is null, drawn as a gap, never as a flat
 * line that reads as zero growth. The plan line continues through December (it is a plan).
 */
export function investmentMonths(
  plan: MonthlyPlan,
  completed: Map<number, string>,
  reported: readonly number[],
  throughMonth: number,
): InvestmentMonth[] {
  const planned = cumulativePlan(plan);
  const shown = new Set(reported.filter((m) => m <= throughMonth));
  let done = 0n;
  return MONTHS.map((m) => {
    done += parseMoney(completed.get(m) ?? '0');
    return {
      month: m,
      plannedCumulative: planned[m - 1]!,
      completedCumulative: shown.has(m) ? moneyText(done) : null,
    };
  });
}

/** The approved investment (万元) of months 1..month, whatever the months' reporting state. */
export function completedThrough(completed: Map<number, string>, month: number): string {
  let done = 0n;
  for (const m of MONTHS) if (m <= month) done += parseMoney(completed.get(m) ?? '0');
  return moneyText(done);
}
