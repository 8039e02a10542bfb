/**
 * Figures of an annual plan (年度计划) for the plan form and the read-only plan views: which plan
 * the lights compare against, the cumulative target to a date (累计计划), the running total of
 * the monthly targets, and an even split. Pure (no database), usable in the browser; money in
 * 万元 as decimal strings, added as integer cents (lib/money), never as floating point.
 *
 * The cumulative target follows 序时进度 exactly (./time-elapsed.ts): months 1..m−1 in full, and
 * the current month's target pro rata to the days elapsed; without monthly targets, the annual
 * plan × elapsed share of the year (m/12 at the end of month m). So percentOf(cumulative, plan)
 * equals timeElapsedAt(date, plan).
 */
import { moneyText, parseMoney, parseMoneyInput, shareOf } from '@/lib/money';
import { type PlanFigures, timeElapsedAt } from '@/lib/lights/time-elapsed';

export type { PlanFigures };

/** Where the plan figures the lights use come from (see measures.ts). */
export type PlanBasis = 'baseline' | 'plan' | 'registry';

export interface PlanColumns {
  plannedInvestment: string;
  monthlyTargets: readonly string[] | null;
  frozenInvestment: string | null;
  frozenMonthlyTargets: readonly string[] | null;
}

/**
 * The plan the lights compare against for a project and year, as lib/lights/measures.ts picks it:
 * the frozen baseline once the plan is frozen, else the current plan, else the registry's annual
 * planned investment (m/12); null when there is none.
 */
export function lightsPlan(plan: PlanColumns | null, registryPlan: string | null): { basis: PlanBasis; figures: PlanFigures } | null {
  if (plan && plan.frozenInvestment !== null) {
    return { basis: 'baseline', figures: { plannedInvestment: plan.frozenInvestment, monthlyTargets: plan.frozenMonthlyTargets } };
  }
  if (plan) return { basis: 'plan', figures: { plannedInvestment: plan.plannedInvestment, monthlyTargets: plan.monthlyTargets } };
  if (registryPlan !== null) return { basis: 'registry', figures: { plannedInvestment: registryPlan, monthlyTargets: null } };
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The cumulative target (万元) of the plan as at a date of the plan's year: 0 before the year, the
 * whole plan after it. Mirrors timeElapsedAt (integer cents, days of the month pro rata, shares
 * rounded to the cent by lib/money's one rule).
 */
export function cumulativeTargetAt(date: string, year: number, plan: PlanFigures): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const total = parseMoney(plan.plannedInvestment);
  if (y < year) return moneyText(0n);
  if (y > year) return moneyText(total);
  const dim = daysInMonth(y, m);
  const targets = plan.monthlyTargets?.length === 12 && total > 0n ? plan.monthlyTargets.map(parseMoney) : null;
  if (!targets) return moneyText(shareOf(total, (m - 1) * dim + Math.min(d, dim), 12 * dim));
  const before = targets.slice(0, m - 1).reduce((a, b) => a + b, 0n);
  const within = d >= dim ? targets[m - 1]! : shareOf(targets[m - 1]!, d, dim);
  return moneyText(before + within);
}

/**
 * 序时进度 of the plan's year as at today, in percent: 0 before the year, 100 after it, else
 * timeElapsedAt(today, plan).
 */
export function timeElapsedToDate(today: string, year: number, plan: PlanFigures): number {
  const y = Number(today.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 100;
  return timeElapsedAt(today, plan);
}

/** Splits an annual amount into twelve equal monthly targets; the leftover cents go to the last months, one each. */
export function splitEvenly(annual: string): string[] {
  const cents = parseMoney(annual);
  if (cents < 0n) throw new Error(`negative amount: ${annual}`);
  const base = cents / 12n;
  const rest = Number(cents - base * 12n);
  return Array.from({ length: 12 }, (_, i) => moneyText(base + (i >= 12 - rest ? 1n : 0n)));
}

export interface MonthlyTotals {
  /** The running (cumulative) total after each month; null from the first month that is not a valid amount. */
  cumulative: (string | null)[];
  /** The sum of the twelve months, or null when one is not a valid amount (blank counts as 0). */
  sum: string | null;
  /** annual − sum (negative when the months exceed the plan); null when either is not a valid amount. */
  remaining: string | null;
}

/** The running total of the monthly targets as typed (blank = 0) against the annual figure, for the form. */
export function monthlyTotals(months: readonly string[], annual: string): MonthlyTotals {
  // What the form's fields accept (lib/money's parseMoneyInput), so the total is what will be saved.
  let acc: bigint | null = 0n;
  const cumulative = months.map((m) => {
    const v = parseMoneyInput(m.trim() === '' ? '0' : m);
    acc = acc !== null && v !== null ? acc + parseMoney(v) : null;
    return acc === null ? null : moneyText(acc);
  });
  const sum = cumulative.length ? (cumulative[cumulative.length - 1] ?? null) : moneyText(0n);
  const plan = parseMoneyInput(annual);
  const remaining = sum !== null && plan !== null ? moneyText(parseMoney(plan) - parseMoney(sum)) : null;
  return { cumulative, sum, remaining };
}
