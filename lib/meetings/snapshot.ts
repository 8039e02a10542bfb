/**
 * Freezing a meeting's status table (调度表): one StatusRow per project in the meeting's scope,
 * from approved reports only, as of the moment of freezing. Rows are computed and written in
 * batches of projects (a 50,000-project table never sits in memory at once) inside the
 * freezing transaction, then never change (the database refuses UPDATE and DELETE).
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  annualPlans,
  categories,
  counties,
  lightOverrides,
  meetingSnapshotRows,
  milestones,
  problems,
  projectLights,
  projects,
  reportingPeriods,
  reports,
  units,
  users,
  type SnapshotMilestone,
} from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import { normalizeMoney, rateOf } from '@/lib/money';
import { pipelineStageSql } from '@/lib/plan-years/pipeline-stage-sql';
import { type MeetingScope, meetingProjectScope } from './scope';
import type { StatusRow } from './types';

export const SNAPSHOT_BATCH = 500;

const leader = alias(users, 'snapshot_leader');

/**
 * completed ÷ planned as a fraction of the one-decimal percentage every export shows (lib/money's
 * rateOf: 0.424 = 42.4%); null without a positive plan.
 */
export function completionRate(completed: string, planned: string | null): number | null {
  return planned === null ? null : rateOf(completed, planned);
}

/** The ids of the projects a meeting covers, in status-table order (category order, then code). */
export async function scopedProjectIds(ex: Executor, scope: MeetingScope, extra?: SQL): Promise<{ id: number; countyId: number | null }[]> {
  return ex
    .select({ id: projects.id, countyId: projects.countyId })
    .from(projects)
    .innerJoin(categories, eq(categories.code, projects.categoryCode))
    .where(and(meetingProjectScope(scope), extra))
    .orderBy(asc(categories.sort), asc(categories.code), asc(projects.code), asc(projects.id));
}

export interface BuiltRow {
  row: StatusRow;
  countyId: number | null;
  milestones: SnapshotMilestone[];
}

/** The status rows of these projects (in the given order) as of `day` ('YYYY-MM-DD') for `year`. */
export async function buildRows(ex: Executor, ids: number[], year: number, day: string): Promise<BuiltRow[]> {
  if (ids.length === 0) return [];
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [base, plans, sums, progress, probs, computed, overrides, ms] = await Promise.all([
    ex
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        categoryCode: projects.categoryCode,
        categoryZh: categories.nameZh,
        categoryEn: categories.nameEn,
        categorySort: categories.sort,
        countyId: projects.countyId,
        countyZh: counties.nameZh,
        countyEn: counties.nameEn,
        constructionContent: projects.constructionContent,
        totalInvestment: projects.totalInvestment,
        annualPlannedInvestment: projects.annualPlannedInvestment,
        leaderName: leader.displayName,
        unitName: units.nameZh,
        unitNameEn: units.nameEn,
        stage: projects.stage,
        // 新开工 / 续建 / … in the meeting's year, kept in the frozen row as it is now.
        pipelineStage: pipelineStageSql(year),
        status: projects.status,
      })
      .from(projects)
      .innerJoin(categories, eq(categories.code, projects.categoryCode))
      .leftJoin(counties, eq(counties.id, projects.countyId))
      .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
      .leftJoin(units, eq(units.id, projects.responsibleUnitId))
      .where(inArray(projects.id, ids)),
    ex
      .select({ projectId: annualPlans.projectId, planned: annualPlans.plannedInvestment })
      .from(annualPlans)
      .where(and(inArray(annualPlans.projectId, ids), eq(annualPlans.year, year))),
    ex
      .select({
        projectId: reports.projectId,
        total: sql<string>`coalesce(sum(${reports.investmentThisPeriod}), 0)::numeric(16,2)::text`,
      })
      .from(reports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
      .where(
        and(
          inArray(reports.projectId, ids),
          eq(reports.status, 'approved'),
          sql`${reportingPeriods.startDate} BETWEEN ${yearStart}::date AND ${yearEnd}::date`,
          sql`${reportingPeriods.startDate} <= ${day}::date`,
        ),
      )
      .groupBy(reports.projectId),
    ex
      .selectDistinctOn([reports.projectId], { projectId: reports.projectId, text: reports.physicalProgress })
      .from(reports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
      .where(and(inArray(reports.projectId, ids), eq(reports.status, 'approved')))
      .orderBy(reports.projectId, desc(reportingPeriods.endDate), desc(reportingPeriods.startDate), desc(reports.id)),
    ex
      .select({ projectId: problems.projectId, description: problems.description })
      .from(problems)
      .where(and(inArray(problems.projectId, ids), inArray(problems.status, ['open', 'in_progress'])))
      .orderBy(asc(problems.projectId), asc(problems.deadline), asc(problems.id)),
    ex
      .selectDistinctOn([projectLights.projectId], { projectId: projectLights.projectId, light: projectLights.light })
      .from(projectLights)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
      .where(inArray(projectLights.projectId, ids))
      .orderBy(projectLights.projectId, desc(reportingPeriods.endDate), desc(reportingPeriods.startDate)),
    ex
      .select({ projectId: lightOverrides.projectId, light: lightOverrides.light })
      .from(lightOverrides)
      .where(
        and(
          inArray(lightOverrides.projectId, ids),
          isNull(lightOverrides.clearedAt),
          sql`${lightOverrides.startsOn} <= ${day}::date`,
          sql`${lightOverrides.endsOn} >= ${day}::date`,
        ),
      ),
    ex
      .select({
        projectId: milestones.projectId,
        id: milestones.id,
        name: milestones.name,
        nameEn: milestones.nameEn,
        plannedDate: milestones.plannedDate,
        baselineDate: milestones.baselineDate,
        forecastDate: milestones.forecastDate,
        actualDate: milestones.actualDate,
        status: milestones.status,
      })
      .from(milestones)
      .where(inArray(milestones.projectId, ids))
      .orderBy(asc(milestones.projectId), asc(milestones.sort), asc(milestones.id)),
  ]);

  const planBy = new Map(plans.map((p) => [p.projectId, p.planned]));
  const sumBy = new Map(sums.map((s) => [s.projectId, s.total]));
  const progressBy = new Map(progress.map((p) => [p.projectId, p.text]));
  const lightBy = new Map<number, Light>(computed.map((c) => [c.projectId, c.light]));
  for (const o of overrides) lightBy.set(o.projectId, o.light);
  const problemsBy = new Map<number, string[]>();
  for (const p of probs) problemsBy.set(p.projectId, [...(problemsBy.get(p.projectId) ?? []), p.description]);
  const msBy = new Map<number, SnapshotMilestone[]>();
  for (const { projectId, ...m } of ms) msBy.set(projectId, [...(msBy.get(projectId) ?? []), m]);
  const baseBy = new Map(base.map((b) => [b.id, b]));

  return ids.flatMap((id) => {
    const b = baseBy.get(id);
    if (!b) return [];
    const annualPlanned = planBy.get(id) ?? b.annualPlannedInvestment ?? null;
    const completed = normalizeMoney(sumBy.get(id) ?? '0');
    const row: StatusRow = {
      projectId: b.id,
      code: b.code,
      name: b.name,
      nameEn: b.nameEn,
      categoryCode: b.categoryCode,
      categoryZh: b.categoryZh,
      categoryEn: b.categoryEn,
      categorySort: b.categorySort,
      countyZh: b.countyZh,
      countyEn: b.countyEn,
      constructionContent: b.constructionContent,
      totalInvestment: b.totalInvestment,
      annualPlanned,
      completedThisYear: completed,
      completionRate: completionRate(completed, annualPlanned),
      physicalProgress: progressBy.get(id) ?? null,
      problems: problemsBy.get(id) ?? [],
      leaderName: b.leaderName,
      unitName: b.unitName,
      unitNameEn: b.unitNameEn,
      stage: b.stage,
      pipelineStage: b.pipelineStage,
      status: b.status,
      light: lightBy.get(id) ?? null,
    };
    return [{ row, countyId: b.countyId, milestones: msBy.get(id) ?? [] }];
  });
}

/** Computes and writes the snapshot rows of a meeting; returns how many were written. */
export async function writeSnapshot(ex: Executor, meetingId: number, scope: MeetingScope, year: number, day: string): Promise<number> {
  const ids = await scopedProjectIds(ex, scope);
  let sort = 0;
  for (let i = 0; i < ids.length; i += SNAPSHOT_BATCH) {
    const batch = ids.slice(i, i + SNAPSHOT_BATCH).map((p) => p.id);
    const rows = await buildRows(ex, batch, year, day);
    if (rows.length === 0) continue;
    await ex.insert(meetingSnapshotRows).values(
      rows.map((r) => ({
        meetingId,
        sort: ++sort,
        projectId: r.row.projectId,
        countyId: r.countyId,
        row: r.row,
        milestones: r.milestones,
      })),
    );
  }
  return sort;
}
