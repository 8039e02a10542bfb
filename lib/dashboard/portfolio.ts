/**
 * The portfolio query: every project in scope, grouped by category, the counties it touches
 * (the set, so that a project crossing counties is one project of one group), stage, pipeline
 * stage in the year (lib/plan-years/pipeline-stage-sql.ts) and effective
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
import { type Actor, idArray, projectCountyIdsSql } from '@/lib/authz';
import { yearScope } from '@/lib/plan-years/in-year';
import type { PipelineStage } from '@/lib/plan-years/pipeline-stage';
import { pipelineStageSql } from '@/lib/plan-years/pipeline-stage-sql';
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
function scopeJoin(actor: Actor, year: number, projectId: SQL): SQL {
  return sql`JOIN ${projects} ON ${projects.id} = ${projectId} AND ${yearScope(actor, year)}`;
}

/**
 * Approved reports' investment in the year's periods (index reports_approved_period_idx),
 * grouped by `key` (the project, or the month of the period's end), as a derived table.
 */
function doneSql(actor: Actor, year: number, key: SQL): SQL {
  return sql`(SELECT ${key} AS key, sum(r.investment_this_period) AS amount
      FROM ${reportingPeriods} rp
      JOIN ${reports} r ON r.period_id = rp.id AND r.status = 'approved'
      ${scopeJoin(actor, year, sql`r.project_id`)}
      ${whereAll(sql`rp.start_date >= make_date(${year}::int, 1, 1)`, sql`rp.end_date <= make_date(${year}::int, 12, 31)`)}
      GROUP BY 1)`;
}

export interface PortfolioGroup {
  category: string;
  /** The counties the group's projects touch (ascending ids; empty: location not reported, 未填报). */
  countyIds: number[];
  stage: Stage;
  pipeline: PipelineStage;
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
 * Three statements, run together: the project groups, the completed investment per month, and
 * the plan by month. Each reads tables or grouped derived tables, never a CTE: a join with a CTE
 * has no statistics, its row estimate goes wrong by orders of magnitude, and the inflated cost
 * makes PostgreSQL JIT-compile the statement (seconds of compiling for a query of some tens of
 * milliseconds). Separate statements rather than one UNION ALL: the union is planned as a
 * Parallel Append, whose workers cost more CPU than they save when 20 requests run at once.
 */
export async function portfolio(db: Executor, actor: Actor, year: number, day: string): Promise<Portfolio> {
  const monthSums = sql.join(
    MONTHS.map((m) => sql`coalesce(sum((monthly ->> ${m - 1}::int)::numeric), 0)::numeric(16,2)::text`),
    sql`, `,
  );
  const [groupRows, monthRows, planRows] = await Promise.all([
    rowsOf<{
      category: string;
      county_ids: unknown;
      stage: Stage;
      pipeline: PipelineStage;
      light: Light | null;
      n: number;
      planned: string;
      completed: string;
    }>(
      db,
      sql`SELECT ${projects.categoryCode} AS category, ${projectCountyIdsSql} AS county_ids, ${projects.stage} AS stage,
          ${pipelineStageSql(year)} AS pipeline, el.light, count(*)::int AS n,
          coalesce(sum(${planAmountSql}), 0)::numeric(16,2)::text AS planned,
          coalesce(sum(done.amount), 0)::numeric(16,2)::text AS completed
        FROM ${projects}
        ${planJoinSql(year)}
        LEFT JOIN ${doneSql(actor, year, sql`r.project_id`)} done ON done.key = ${projects.id}
        -- The effective light (the registry's light filter uses the same derived table).
        LEFT JOIN ${effectiveLightsSql(day)} el ON el.project_id = ${projects.id}
        ${whereAll(yearScope(actor, year))}
        GROUP BY 1, 2, 3, 4, 5`,
    ),
    rowsOf<{ month: number; amount: string }>(
      db,
      sql`SELECT key AS month, amount::numeric(16,2)::text AS amount
        FROM ${doneSql(actor, year, sql`extract(month FROM rp.end_date)::int`)} per_month`,
    ),
    rowsOf<{ flat: string; months: string[] }>(
      db,
      sql`SELECT coalesce(sum(plan) FILTER (WHERE monthly IS NULL), 0)::numeric(16,2)::text AS flat, ARRAY[${monthSums}] AS months
        FROM (SELECT ${planAmountSql} AS plan, ${planMonthlySql} AS monthly
              FROM ${projects} ${planJoinSql(year)}
              ${whereAll(yearScope(actor, year))}) pp
        WHERE plan IS NOT NULL`,
    ),
  ]);
  const plan = planRows[0];
  return {
    groups: groupRows.map((r) => ({
      category: r.category,
      countyIds: idArray(r.county_ids),
      stage: r.stage,
      pipeline: r.pipeline,
      light: r.light,
      projects: Number(r.n),
      planned: r.planned,
      completed: r.completed,
    })),
    completedByMonth: new Map(monthRows.map((r) => [Number(r.month), r.amount])),
    monthlyPlan: { flat: plan?.flat ?? '0.00', targeted: MONTHS.map((m) => plan?.months?.[m - 1] ?? '0.00') },
  };
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
