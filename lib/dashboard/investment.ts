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
 * The chart's twelve months. Completed figures are given up to the current month (`throughMonth`,
 * 12 for a past year, 0 for a future one) and null after it.
 */
export function investmentMonths(plan: MonthlyPlan, completed: Map<number, string>, throughMonth: number): InvestmentMonth[] {
  const planned = cumulativePlan(plan);
  let done = 0n;
  return MONTHS.map((m) => {
    done += parseMoney(completed.get(m) ?? '0');
    return {
      month: m,
      plannedCumulative: planned[m - 1]!,
      completedCumulative: m <= throughMonth ? moneyText(done) : null,
    };
  });
}

/** The last month (1..12) that has ended by `day`; 0 before the end of January. */
export function lastCompleteMonth(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= lastDay ? m : m - 1;
}
