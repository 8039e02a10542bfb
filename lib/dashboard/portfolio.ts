/**
 * The portfolio query: every project in scope, grouped by category, county, stage and effective
 * light, with the year's planned and completed investment of each group, and the completed
 * investment per month. One statement; the headline counts, both breakdowns and the chart's
 * completed line are sums over its (at most a few hundred) rows.
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
import { effectiveLightsSql } from './drilldown-sql';
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

/** For a county-scoped actor, a join of the projects table restricted to the scope (nothing for the prefecture). */
function scopeJoin(actor: Actor, projectId: SQL): SQL {
  const scope = projectScope(actor);
  return scope ? sql`JOIN ${projects} ON ${projects.id} = ${projectId} AND ${scope}` : sql``;
}

/**
 * Approved reports' investment in the year's periods, in one pass over the reports (index
 * reports_approved_period_idx): per project (`month` NULL) and per month of the period's end
 * (`project_id` NULL), as GROUPING SETS.
 */
function doneCte(actor: Actor, year: number): SQL {
  return sql`done_g AS (
      SELECT r.project_id, extract(month FROM rp.end_date)::int AS month, sum(r.investment_this_period) AS amount
      FROM ${reportingPeriods} rp
      JOIN ${reports} r ON r.period_id = rp.id AND r.status = 'approved'
      ${scopeJoin(actor, sql`r.project_id`)}
      ${whereAll(sql`rp.start_date >= make_date(${year}::int, 1, 1)`, sql`rp.end_date <= make_date(${year}::int, 12, 31)`)}
      GROUP BY GROUPING SETS ((1), (2))
    )`;
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

export interface Portfolio {
  groups: PortfolioGroup[];
  /** Completed (approved) investment per month of the year, 万元. */
  completedByMonth: Map<number, string>;
  /** The year's plan by month (for the cumulative plan and 序时进度). */
  monthlyPlan: MonthlyPlan;
}

/** The year's plans by month: plans without monthly targets (m/12 applies) and the targets' per-month sums. */
export interface MonthlyPlan {
  /** Sum of the plans without monthly targets, 万元. */
  flat: string;
  /** Per-month sums of the monthly targets (January first), 万元. */
  targeted: string[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * One statement, three kinds of rows (UNION ALL): the project groups ('g'), the completed
 * investment per month ('m'), and one row with the plan by month ('p'). The projects and their
 * plans are read once (`pp`).
 */
export async function portfolio(db: Executor, actor: Actor, year: number, day: string): Promise<Portfolio> {
  const monthSums = sql.join(
    MONTHS.map((m) => sql`coalesce(sum((monthly ->> ${m - 1}::int)::numeric), 0)::numeric(16,2)::text`),
    sql`, `,
  );
  const rows = await rowsOf<{
    kind: 'g' | 'm' | 'p';
    category: string | null;
    county_id: number | null;
    stage: Stage | null;
    light: Light | null;
    n: number;
    planned: string | null;
    completed: string | null;
    month: number | null;
    months: string[] | null;
  }>(
    db,
    sql`WITH ${doneCte(actor, year)},
      done AS (SELECT project_id, amount AS completed FROM done_g WHERE project_id IS NOT NULL),
      pp AS MATERIALIZED (
        SELECT ${projects.id} AS id, ${projects.categoryCode} AS category, ${projects.countyId} AS county_id, ${projects.stage} AS stage,
          ${planAmountSql} AS plan, ${planMonthlySql} AS monthly
        FROM ${projects} ${planJoinSql(year)}
        ${whereAll(projectScope(actor))}
      )
      SELECT 'g' AS kind, pp.category, pp.county_id, pp.stage,
        el.light, count(*)::int AS n,
        coalesce(sum(pp.plan), 0)::numeric(16,2)::text AS planned,
        coalesce(sum(done.completed), 0)::numeric(16,2)::text AS completed,
        NULL::int AS month, NULL::text[] AS months
      FROM pp
      LEFT JOIN done ON done.project_id = pp.id
      -- The effective light (the registry's light filter uses the same derived table).
      LEFT JOIN ${effectiveLightsSql(day)} el ON el.project_id = pp.id
      GROUP BY 2, 3, 4, 5
      UNION ALL
      SELECT 'm', NULL, NULL, NULL, NULL, 0, NULL, amount::numeric(16,2)::text, month, NULL
      FROM done_g WHERE project_id IS NULL
      UNION ALL
      SELECT 'p', NULL, NULL, NULL, NULL, 0,
        coalesce(sum(plan) FILTER (WHERE monthly IS NULL), 0)::numeric(16,2)::text, NULL, NULL,
        ARRAY[${monthSums}]
      FROM pp WHERE plan IS NOT NULL`,
  );
  const groups: PortfolioGroup[] = [];
  const completedByMonth = new Map<number, string>();
  let monthlyPlan: MonthlyPlan = { flat: '0.00', targeted: MONTHS.map(() => '0.00') };
  for (const r of rows) {
    if (r.kind === 'm') {
      completedByMonth.set(Number(r.month), r.completed ?? '0.00');
      continue;
    }
    if (r.kind === 'p') {
      monthlyPlan = { flat: r.planned ?? '0.00', targeted: MONTHS.map((m) => r.months?.[m - 1] ?? '0.00') };
      continue;
    }
    groups.push({
      category: r.category!,
      countyId: r.county_id === null ? null : Number(r.county_id),
      stage: r.stage!,
      light: r.light,
      projects: Number(r.n),
      planned: r.planned ?? '0.00',
      completed: r.completed ?? '0.00',
    });
  }
  return { groups, completedByMonth, monthlyPlan };
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
