/**
 * The portfolio query: every project in scope, grouped by category, county, stage and effective
 * light, with the year's planned and completed investment of each group. One statement; the
 * headline counts and both breakdowns are sums over its (at most a few hundred) groups.
 *
 * The plan of a project for the year is the one the lights use (lib/lights/measures.ts): the
 * frozen baseline where the year is frozen, else the current annual plan, else — for a project
 * not in operation — the registry's annual planned investment. Completed = approved reports'
 * investment in the year's periods (start on or after 1 January, end on or before 31 December).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { annualPlans, categories, counties, projects, reportingPeriods, reports } from '@/db/schema';
import type { Light, Stage } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { effectiveLightSql } from './drilldown-sql';
import { rowsOf, whereAll } from './sql-util';

/** The LEFT JOIN of the year's annual plan, as `ap`. */
export function planJoinSql(year: number): SQL {
  return sql`LEFT JOIN ${annualPlans} ap ON ap.project_id = ${projects.id} AND ap.year = ${year}::int`;
}

/** The plan amount (万元) of the project for the year; NULL when it has none (needs planJoinSql). */
export const planAmountSql: SQL = sql`(CASE
  WHEN ap.frozen_investment IS NOT NULL THEN ap.frozen_investment
  WHEN ap.id IS NOT NULL THEN ap.planned_investment
  WHEN ${projects.stage} <> 'operating' THEN ${projects.annualPlannedInvestment}
  END)`;

/** The monthly targets that go with planAmountSql (frozen with frozen), or NULL. */
export const planMonthlySql: SQL = sql`(CASE
  WHEN ap.frozen_investment IS NOT NULL THEN ap.frozen_monthly_targets
  WHEN ap.id IS NOT NULL THEN ap.monthly_targets
  END)`;

/** Approved reports' investment per project in the year's periods, as a derived table `done`. */
export function completedByProjectSql(year: number): SQL {
  return sql`(SELECT r.project_id, sum(r.investment_this_period) AS completed
    FROM ${reports} r JOIN ${reportingPeriods} rp ON rp.id = r.period_id
    WHERE r.status = 'approved' AND rp.start_date >= make_date(${year}::int, 1, 1) AND rp.end_date <= make_date(${year}::int, 12, 31)
    GROUP BY r.project_id) done`;
}

export interface PortfolioGroup {
  category: string;
  countyId: number | null;
  stage: Stage;
  light: Light | null;
  projects: number;
  /** 万元, two decimals. */
  planned: string;
  completed: string;
}

export async function portfolioGroups(db: Executor, actor: Actor, year: number, day: string): Promise<PortfolioGroup[]> {
  const rows = await rowsOf<{
    category: string;
    county_id: number | null;
    stage: Stage;
    light: Light | null;
    n: number;
    planned: string;
    completed: string;
  }>(
    db,
    sql`SELECT ${projects.categoryCode} AS category, ${projects.countyId} AS county_id, ${projects.stage} AS stage,
        ${effectiveLightSql(day)} AS light, count(*)::int AS n,
        coalesce(sum(${planAmountSql}), 0)::numeric(16,2)::text AS planned,
        coalesce(sum(done.completed), 0)::numeric(16,2)::text AS completed
      FROM ${projects}
      ${planJoinSql(year)}
      LEFT JOIN ${completedByProjectSql(year)} ON done.project_id = ${projects.id}
      ${whereAll(projectScope(actor))}
      GROUP BY 1, 2, 3, 4`,
  );
  return rows.map((r) => ({
    category: r.category,
    countyId: r.county_id === null ? null : Number(r.county_id),
    stage: r.stage,
    light: r.light,
    projects: Number(r.n),
    planned: r.planned,
    completed: r.completed,
  }));
}

export interface Labels {
  categories: { code: string; nameZh: string; nameEn: string; sort: number }[];
  counties: { id: number; nameZh: string; nameEn: string; sort: number }[];
}

/** The category and county names (two small reference tables). */
export async function labels(db: Executor): Promise<Labels> {
  const [cats, cts] = await Promise.all([
    db.select({ code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn, sort: categories.sort }).from(categories),
    db.select({ id: counties.id, nameZh: counties.nameZh, nameEn: counties.nameEn, sort: counties.sort }).from(counties),
  ]);
  return { categories: cats, counties: cts };
}
