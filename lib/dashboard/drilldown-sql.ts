/**
 * The SQL predicates that both a dashboard figure and the list it drills down to use, so the
 * number on the dashboard and the row count of the list it opens are computed by the same
 * expression: the effective light, milestones due / overdue, the current period's missing
 * reports, the new-energy projects and their capacity, and the age of a problem.
 *
 * Each one is written against the drizzle tables (`projects`, `milestones`, `problems`), so it
 * can be used in any query whose FROM clause has those tables under their own names.
 */
import { sql, type SQL } from 'drizzle-orm';
import { lightOverrides, milestones, problems, projectLights, projects, reportingPeriods, reports, settings } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import { overdueSql } from '@/lib/milestones/overdue';
import { PROBLEM_AGE_BUCKETS, type ProblemAgeBucket } from '@/lib/problems/search-params';
import { appTimeZone } from '@/lib/time-zone';

/** How many days ahead "due" looks. */
export const DUE_WINDOW_DAYS = 30;

/**
 * A project's effective light today: the override that applies today (not cleared, today
 * within its dates; at most one is uncleared), else the light of the latest period with a
 * stored light; NULL when neither exists. The same rule as getCurrentLights (lib/lights/queries.ts).
 *
 * Two forms of the one rule: this scalar subquery, for a few rows (the timeline's page), and
 * effectiveLightsSql, a derived table of all projects joined by hash, for whole-portfolio
 * aggregates and filters (a subquery per row over 5,000 projects costs enough to make PostgreSQL
 * JIT-compile the statement, which alone takes longer than the query).
 */
export function effectiveLightSql(day: string): SQL<Light | null> {
  return sql<Light | null>`coalesce(
    (SELECT lo.light FROM ${lightOverrides} lo
      WHERE lo.project_id = ${projects.id} AND lo.cleared_at IS NULL
        AND lo.starts_on <= ${day}::date AND lo.ends_on >= ${day}::date
      LIMIT 1),
    (SELECT pl.light FROM ${projectLights} pl JOIN ${reportingPeriods} rp ON rp.id = pl.period_id
      WHERE pl.project_id = ${projects.id} AND rp.start_date <= ${day}::date
      ORDER BY rp.end_date DESC, rp.start_date DESC
      LIMIT 1))`;
}

/**
 * Derived table (project_id, light) of every project that has an effective light today (the
 * same rule as effectiveLightSql): the latest computed light per project of the periods started
 * by `day` (periods never overlap, so the latest end date is one period), replaced by the
 * override that applies on `day`. `day` is today, or a past plan year's last day.
 */
export function effectiveLightsSql(day: string): SQL {
  // UNION ALL rather than a FULL JOIN on coalesced ids: the planner's row estimates stay sane
  // (a FULL JOIN's estimate was off by 500×, which pushed the statement's cost over the JIT
  // threshold: 1.4 s of compiling for a 50 ms query).
  const overrides = sql`(SELECT lo.project_id, lo.light FROM ${lightOverrides} lo
      WHERE lo.cleared_at IS NULL AND lo.starts_on <= ${day}::date AND lo.ends_on >= ${day}::date)`;
  return sql`(SELECT ov.project_id, ov.light FROM ${overrides} ov
    UNION ALL
    SELECT lit.project_id, lit.light
    FROM (SELECT DISTINCT ON (pl.project_id) pl.project_id, pl.light
          FROM ${projectLights} pl JOIN ${reportingPeriods} lrp ON lrp.id = pl.period_id
          WHERE lrp.start_date <= ${day}::date
          ORDER BY pl.project_id, lrp.end_date DESC, lrp.start_date DESC) lit
    WHERE NOT EXISTS (SELECT 1 FROM ${overrides} ov2 WHERE ov2.project_id = lit.project_id))`;
}

/** The effective light is one of `lights` (`none`: no light). */
export function lightFilterSql(day: string, lights: readonly (Light | 'none')[]): SQL | undefined {
  if (lights.length === 0) return undefined;
  const colored = lights.filter((l): l is Light => l !== 'none');
  const parts: SQL[] = [];
  if (colored.length) {
    parts.push(
      sql`${projects.id} IN (SELECT el.project_id FROM ${effectiveLightsSql(day)} el WHERE el.light IN (${sql.join(
        colored.map((l) => sql`${l}`),
        sql`, `,
      )}))`,
    );
  }
  if (lights.includes('none')) parts.push(sql`${projects.id} NOT IN (SELECT el.project_id FROM ${effectiveLightsSql(day)} el)`);
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` OR `)})`;
}

/** A milestone is overdue (the app's one definition: lib/milestones/overdue.ts). */
export const milestoneOverdueSql = overdueSql;

/**
 * A milestone is due: not done, not overdue, and its expected date (the forecast, else the
 * planned date) falls within today .. today + 30 days.
 */
export function milestoneDueSql(day: string): SQL {
  return sql`(${milestones.actualDate} IS NULL
    AND NOT ${overdueSql(day)}
    AND coalesce(${milestones.forecastDate}, ${milestones.plannedDate}) BETWEEN ${day}::date AND ${day}::date + ${DUE_WINDOW_DAYS}::int)`;
}

/** The project has a milestone that is due (`due30`) or overdue. */
export function projectMilestoneSql(day: string, which: 'due30' | 'overdue'): SQL {
  const cond = which === 'due30' ? milestoneDueSql(day) : overdueSql(day);
  return sql`EXISTS (SELECT 1 FROM ${milestones} WHERE ${milestones.projectId} = ${projects.id} AND ${cond})`;
}

/**
 * The current reporting period: the latest one that has started, or before any has, the earliest
 * one opened (lib/inbox/queries.ts currentPeriod). A scalar subquery yielding its id (or NULL).
 */
export function currentPeriodIdSql(day: string): SQL<number | null> {
  return sql<number | null>`coalesce(
    (SELECT cp.id FROM ${reportingPeriods} cp WHERE cp.start_date <= ${day}::date ORDER BY cp.start_date DESC, cp.id DESC LIMIT 1),
    (SELECT cp.id FROM ${reportingPeriods} cp ORDER BY cp.start_date ASC, cp.id ASC LIMIT 1))`;
}

/** Report statuses that count as missing: not submitted (draft) or sent back and not resubmitted (returned). */
export const MISSING_REPORT_STATUSES = ['draft', 'returned'] as const;

/** The project's report for the period (null: the current period) is missing. */
export function reportMissingSql(day: string, periodId: number | null): SQL {
  const period = periodId === null ? currentPeriodIdSql(day) : sql`${periodId}`;
  return sql`EXISTS (SELECT 1 FROM ${reports} mr
    WHERE mr.project_id = ${projects.id} AND mr.period_id = ${period}::int AND mr.status IN ('draft', 'returned'))`;
}

/** The settings key of the new-energy capacity target (lib/seed/facts.ts NEW_ENERGY_CAPACITY_TARGET). */
export const NEW_ENERGY_SETTING = 'new_energy_capacity_target';
/** Used when the setting is missing or has no category list. */
export const DEFAULT_NEW_ENERGY_CATEGORIES = ['wind', 'solar', 'wind_solar'] as const;

/** The project's capacity in 万千瓦 (MW ÷ 10); NULL when it is not a power capacity. */
export const capacityWanKwSql: SQL<string | null> = sql<string | null>`(CASE btrim(${projects.capacityUnit})
  WHEN '万千瓦' THEN ${projects.capacity}
  WHEN 'MW' THEN ${projects.capacity} / 10
  ELSE NULL END)`;

/**
 * The category is one of the setting's new-energy categories. The setting's value is JSON; a
 * value that is not valid JSON would make this fail, so the seed and any editor must write JSON.
 */
export function newEnergyCategorySql(): SQL {
  const defaults = sql.join(
    DEFAULT_NEW_ENERGY_CATEGORIES.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`${projects.categoryCode} = ANY (coalesce(
    (SELECT array(SELECT jsonb_array_elements_text(s.value::jsonb -> 'categories')) FROM ${settings} s
      WHERE s.key = ${NEW_ENERGY_SETTING} AND jsonb_typeof(s.value::jsonb -> 'categories') = 'array'),
    ARRAY[${defaults}]::text[]))`;
}

/** Grid-connected: the grid-connection milestone has an actual date, or the project is in operation. */
export function gridConnectedSql(): SQL {
  return sql`(${projects.stage} = 'operating' OR EXISTS (SELECT 1 FROM ${milestones} gm
    WHERE gm.project_id = ${projects.id} AND gm.kind = 'grid_connection' AND gm.actual_date IS NOT NULL))`;
}

export type EnergyFilter = 'all' | 'connected' | 'pending' | 'unknown';

/**
 * New-energy projects with a positive power capacity (all, grid-connected, or not yet), or those
 * whose capacity is not known as a power capacity (unknown: none entered, zero, or another unit),
 * which the capacity panel lists as such instead of dropping them.
 */
export function energyFilterSql(which: EnergyFilter): SQL {
  if (which === 'unknown') return sql`(${newEnergyCategorySql()} AND coalesce(${capacityWanKwSql}, 0) <= 0)`;
  const base = sql`(${newEnergyCategorySql()} AND ${capacityWanKwSql} > 0)`;
  if (which === 'all') return base;
  return which === 'connected' ? sql`(${base} AND ${gridConnectedSql()})` : sql`(${base} AND NOT ${gridConnectedSql()})`;
}

export { PROBLEM_AGE_BUCKETS, type ProblemAgeBucket };

/** Days since the problem was raised (created), both days in the deployment's time zone (not the session's). */
export function problemAgeSql(day: string): SQL<number> {
  return sql<number>`(${day}::date - (${problems.createdAt} AT TIME ZONE ${appTimeZone()})::date)`;
}

/** The bucket of a problem's age as text ('0-30' …). */
export function problemAgeBucketSql(day: string): SQL<ProblemAgeBucket> {
  const age = problemAgeSql(day);
  return sql<ProblemAgeBucket>`(CASE WHEN ${age} <= 30 THEN '0-30' WHEN ${age} <= 90 THEN '31-90' WHEN ${age} <= 180 THEN '91-180' ELSE '180+' END)`;
}

/** The problem's age falls in one of the buckets. */
export function problemAgeFilterSql(day: string, buckets: readonly ProblemAgeBucket[]): SQL | undefined {
  if (buckets.length === 0) return undefined;
  return sql`${problemAgeBucketSql(day)} IN (${sql.join(
    buckets.map((b) => sql`${b}`),
    sql`, `,
  )})`;
}
