/**
 * The measures of every project (in a scope) for one reporting period, computed from the
 * database in a handful of set-based queries (no query per project).
 *
 * asOf = the period's end date, or today when the period has not ended yet.
 *
 * - investment_behind_time_elapsed_pp: 序时进度 − 完成率, in percentage points (negative when
 *   ahead). 完成率 = the year's cumulative investment from APPROVED reports only (periods of the
 *   same calendar year ending on or before this period's end) ÷ the annual plan. The plan is the
 *   project's annual plan for the year — its frozen baseline figures once the year is frozen,
 *   else the current plan — or, without a plan row, the registry's annual planned investment.
 *   null (rule does not apply) without a positive plan.
 * - start_overdue_months: the calendar months, from the planned start month on, that ended by
 *   asOf without works having started. Planned start = the start_works milestone's baseline (or
 *   planned) date; started = it has an actual date on or before asOf. Without such a milestone:
 *   the registry start date, started = stage is past 前期. null without a planned start.
 * - milestone_forecast_beyond_baseline_days: over open milestones (no actual date) with a
 *   baseline, the largest (forecast − baseline) in days, where the forecast is the forecast date,
 *   else the planned date, and never earlier than asOf (a milestone not reached by asOf cannot
 *   finish before it). null without such milestones.
 * - overdue_problems: problems still open or in progress whose deadline is before asOf
 *   (their current status; the problem list keeps no status history).
 * - missing_report: the project's reports in periods ending on or before this period's end that
 *   came after its last approved report and are not approved (a missing or unreviewed report
 *   counts; a period without a report row for the project was not expected of it).
 */
import { and, eq, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { annualPlans, milestones, problems, projects, reportingPeriods, reports } from '@/db/schema';
import type { RuleMeasure } from '@/db/schema/enums';
import type { LightMeasures } from '@/db/schema/lights';
import { type Actor, projectScope } from '@/lib/authz';
import { parseMoney, percentOf, roundPercent } from '@/lib/money';
import type { MeasureContext, MeasureValues } from './rules';
import { timeElapsedAt } from './time-elapsed';

export type Period = Pick<typeof reportingPeriods.$inferSelect, 'id' | 'kind' | 'startDate' | 'endDate'>;

export interface ProjectMeasures {
  projectId: number;
  values: MeasureValues;
  context: MeasureContext;
  /** What is stored with the light (the figures behind the values). */
  snapshot: LightMeasures;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function isLastDayOfMonth(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/** Months, from the planned start month on, that ended by asOf (0 before the planned month has ended). */
export function monthsNotStarted(plannedStart: string, asOf: string): number {
  const lastEnded = monthIndex(asOf) - (isLastDayOfMonth(asOf) ? 0 : 1);
  return Math.max(0, lastEnded - monthIndex(plannedStart) + 1);
}

/** The projects that get a light: every project in the scope that is not in operation (投运). */
export function lightProjectsWhere(actor: Pick<Actor, 'countyId'>, projectIds?: readonly number[]): SQL | undefined {
  return and(ne(projects.stage, 'operating'), projectScope(actor), projectIds ? inArray(projects.id, [...projectIds]) : undefined);
}

export async function computeMeasures(
  db: Executor,
  period: Period,
  opts: { actor: Pick<Actor, 'countyId'>; today: string; projectIds?: readonly number[] },
): Promise<ProjectMeasures[]> {
  const asOf = period.endDate < opts.today ? period.endDate : opts.today;
  const year = Number(period.endDate.slice(0, 4));
  const where = lightProjectsWhere(opts.actor, opts.projectIds);

  const [base, cumulative, starts, forecasts, overdue, missing] = await Promise.all([
    // Projects with their plan for the year.
    db
      .select({
        id: projects.id,
        stage: projects.stage,
        startDate: projects.startDate,
        registryPlan: projects.annualPlannedInvestment,
        planned: annualPlans.plannedInvestment,
        monthly: annualPlans.monthlyTargets,
        frozen: annualPlans.frozenInvestment,
        frozenMonthly: annualPlans.frozenMonthlyTargets,
      })
      .from(projects)
      .leftJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, year)))
      .where(where)
      .orderBy(projects.id),
    // The year's cumulative investment from approved reports.
    db
      .select({
        projectId: reports.projectId,
        total: sql<string>`coalesce(sum(${reports.investmentThisPeriod}), 0)::numeric(16,2)::text`,
      })
      .from(reports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
      .innerJoin(projects, eq(projects.id, reports.projectId))
      .where(
        and(
          where,
          eq(reports.status, 'approved'),
          sql`${reportingPeriods.startDate} >= make_date(${year}, 1, 1)`,
          lte(reportingPeriods.endDate, period.endDate),
        ),
      )
      .groupBy(reports.projectId),
    // The start of works milestone: earliest committed date, earliest actual date.
    db
      .select({
        projectId: milestones.projectId,
        planned: sql<string>`min(coalesce(${milestones.baselineDate}, ${milestones.plannedDate}))::text`,
        actual: sql<string | null>`min(${milestones.actualDate})::text`,
      })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(and(where, eq(milestones.kind, 'start_works')))
      .groupBy(milestones.projectId),
    // The open milestone furthest beyond its baseline.
    db
      .selectDistinctOn([milestones.projectId], {
        projectId: milestones.projectId,
        name: milestones.name,
        nameEn: milestones.nameEn,
        baseline: sql<string>`${milestones.baselineDate}::text`,
        days: sql<number>`(greatest(coalesce(${milestones.forecastDate}, ${milestones.plannedDate}), ${asOf}::date) - ${milestones.baselineDate})::int`,
      })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(and(where, isNull(milestones.actualDate), sql`${milestones.baselineDate} IS NOT NULL`))
      .orderBy(
        milestones.projectId,
        sql`greatest(coalesce(${milestones.forecastDate}, ${milestones.plannedDate}), ${asOf}::date) - ${milestones.baselineDate} DESC`,
        milestones.id,
      ),
    db
      .select({ projectId: problems.projectId, n: sql<number>`count(*)::int` })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(and(where, inArray(problems.status, ['open', 'in_progress']), sql`${problems.deadline} < ${asOf}::date`))
      .groupBy(problems.projectId),
    // Reports after the last approved one, up to this period.
    db.execute<{ project_id: number; n: number }>(sql`
      WITH r AS (
        SELECT ${reports.projectId} AS project_id, ${reports.status} AS status, ${reportingPeriods.endDate} AS end_date
        FROM ${reports}
        JOIN ${reportingPeriods} ON ${reportingPeriods.id} = ${reports.periodId}
        JOIN ${projects} ON ${projects.id} = ${reports.projectId}
        WHERE ${reportingPeriods.endDate} <= ${period.endDate}::date ${where ? sql`AND ${where}` : sql``}
      ), last_ok AS (
        SELECT project_id, max(end_date) AS end_date FROM r WHERE status = 'approved' GROUP BY project_id
      )
      SELECT r.project_id, count(*)::int AS n
      FROM r LEFT JOIN last_ok l ON l.project_id = r.project_id
      WHERE r.status <> 'approved' AND (l.end_date IS NULL OR r.end_date > l.end_date)
      GROUP BY r.project_id`),
  ]);

  const cumulativeBy = new Map(cumulative.map((r) => [r.projectId, r.total]));
  const startBy = new Map(starts.map((r) => [r.projectId, r]));
  const forecastBy = new Map(forecasts.map((r) => [r.projectId, r]));
  const overdueBy = new Map(overdue.map((r) => [r.projectId, Number(r.n)]));
  const missingRows = (Array.isArray(missing) ? missing : (missing as unknown as { rows: { project_id: number; n: number }[] }).rows) as {
    project_id: number;
    n: number;
  }[];
  const missingBy = new Map(missingRows.map((r) => [Number(r.project_id), Number(r.n)]));

  return base.map((p) => {
    const values: MeasureValues = {};
    const context: MeasureContext = {};

    // Investment against 序时进度.
    const frozen = p.frozen !== null;
    const planAmount = frozen ? p.frozen : (p.planned ?? p.registryPlan);
    const monthly = frozen ? p.frozenMonthly : p.planned !== null ? p.monthly : null;
    const total = cumulativeBy.get(p.id) ?? '0.00';
    let completionPct: number | null = null;
    let timeElapsedPct: number | null = null;
    if (planAmount !== null && parseMoney(planAmount) > 0n) {
      completionPct = percentOf(total, planAmount);
      timeElapsedPct = timeElapsedAt(period.endDate, { plannedInvestment: planAmount, monthlyTargets: monthly ?? null });
      values.investment_behind_time_elapsed_pp = roundPercent(timeElapsedPct - (completionPct ?? 0));
      context.investment_behind_time_elapsed_pp = {
        completionPct,
        timeElapsedPct,
        cumulative: total,
        plan: planAmount,
        planSource: frozen ? 'baseline' : p.planned !== null ? 'plan' : 'registry',
      };
    } else {
      values.investment_behind_time_elapsed_pp = null;
    }

    // Start of works.
    const start = startBy.get(p.id);
    if (start) {
      const started = start.actual !== null && start.actual <= asOf;
      values.start_overdue_months = started ? 0 : monthsNotStarted(start.planned, asOf);
      context.start_overdue_months = { plannedMonth: start.planned.slice(0, 7) };
    } else if (p.startDate) {
      values.start_overdue_months = p.stage !== 'preliminary' ? 0 : monthsNotStarted(p.startDate, asOf);
      context.start_overdue_months = { plannedMonth: p.startDate.slice(0, 7) };
    } else {
      values.start_overdue_months = null;
    }

    const f = forecastBy.get(p.id);
    values.milestone_forecast_beyond_baseline_days = f ? Number(f.days) : null;
    if (f) context.milestone_forecast_beyond_baseline_days = { milestone: f.name, milestoneEn: f.nameEn, baseline: f.baseline };

    values.overdue_problems = overdueBy.get(p.id) ?? 0;
    values.missing_report = missingBy.get(p.id) ?? 0;

    const snapshot: LightMeasures = {
      ...(values as Partial<Record<RuleMeasure, number | null>>),
      completionPct,
      timeElapsedPct,
      cumulativeInvestment: total,
      plannedInvestment: planAmount,
    };
    return { projectId: p.id, values, context, snapshot };
  });
}
