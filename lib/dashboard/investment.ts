/**
 * The year's investment by month: the cumulative plan (monthly targets where a plan has them,
 * else the plan × m/12, as 序时进度 does in lib/lights/time-elapsed.ts) and the cumulative
 * completed investment from approved reports, by the month their period ends (the per-month
 * sums come from the portfolio statement, lib/dashboard/portfolio.ts).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projects } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
import { fromCents, toCents } from '@/lib/lights/decimal';
import type { InvestmentMonth } from './types';
import { planAmountSql, planJoinSql, planMonthlySql } from './portfolio';
import { rowsOf, whereAll } from './sql-util';

export interface MonthlyPlan {
  /** Sum of the plans without monthly targets, 万元. */
  flat: string;
  /** Per-month sums of the monthly targets (January first), 万元. */
  targeted: string[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export async function monthlyPlan(db: Executor, actor: Actor, year: number): Promise<MonthlyPlan> {
  const monthCols = sql.join(
    MONTHS.map((m) => sql`coalesce(sum((monthly ->> ${m - 1}::int)::numeric), 0)::numeric(16,2)::text AS ${sql.identifier(`m${m}`)}`),
    sql`, `,
  );
  const [row] = await rowsOf<Record<string, string>>(
    db,
    sql`WITH pp AS (
        SELECT ${planAmountSql} AS plan, ${planMonthlySql} AS monthly
        FROM ${projects} ${planJoinSql(year)}
        ${whereAll(projectScope(actor))}
      )
      SELECT coalesce(sum(plan) FILTER (WHERE monthly IS NULL), 0)::numeric(16,2)::text AS flat, ${monthCols}
      FROM pp WHERE plan IS NOT NULL`,
  );
  return { flat: row?.flat ?? '0.00', targeted: MONTHS.map((m) => row?.[`m${m}`] ?? '0.00') };
}

/** cents × m / 12, rounded half up. */
function shareOf(cents: bigint, m: number): bigint {
  return (cents * BigInt(m) * 2n + 12n) / 24n;
}

/** Cumulative planned (万元) at the end of each month 1..12. */
export function cumulativePlan(plan: MonthlyPlan): string[] {
  const flat = toCents(plan.flat);
  let targeted = 0n;
  return MONTHS.map((m) => {
    targeted += toCents(plan.targeted[m - 1] ?? '0');
    return fromCents(targeted + shareOf(flat, m));
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
    done += toCents(completed.get(m) ?? '0');
    return {
      month: m,
      plannedCumulative: planned[m - 1]!,
      completedCumulative: m <= throughMonth ? fromCents(done) : null,
    };
  });
}

/** The last month (1..12) that has ended by `day`; 0 before the end of January. */
export function lastCompleteMonth(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= lastDay ? m : m - 1;
}

/** Fraction a / b (null when b is not positive). */
export function ratio(a: string, b: string): number | null {
  const den = toCents(b);
  if (den <= 0n) return null;
  // Six significant decimals are plenty for a percentage shown to one decimal.
  return Number((toCents(a) * 1_000_000n) / den) / 1_000_000;
}
