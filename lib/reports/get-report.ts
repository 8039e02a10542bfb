import 'server-only';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { auditEvents, counties, problems, projects, reportingPeriods, reportPhotos, reports, users } from '@/db/schema';
import { type Actor, projectCountyIdsSql, projectScope } from '@/lib/authz';
import type { PeriodRow, ReportRow } from './rules';
import { addMoney, percentOf } from '@/lib/money';
import { validId } from './list-reports';

/** Reads of one report: the report, its history, photos and problems (see queries.ts). */

const lead = alias(users, 'lead');
const leader = alias(users, 'leader');
const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');

export type PhotoRow = Pick<
  typeof reportPhotos.$inferSelect,
  'id' | 'mimeType' | 'byteSize' | 'width' | 'height' | 'originalName' | 'caption' | 'createdAt' | 'takenAt' | 'latitude' | 'longitude'
>;

export interface ReportDetail {
  report: ReportRow;
  period: PeriodRow;
  project: {
    id: number;
    code: string;
    name: string;
    nameEn: string | null;
    stage: typeof projects.$inferSelect.stage;
    countyId: number | null;
    /** The counties the project touches. */
    countyIds: number[];
    countyZh: string | null;
    countyEn: string | null;
    projectLeadId: number | null;
    responsibleLeaderId: number | null;
    responsibleUnitId: number | null;
    annualPlannedInvestment: string | null;
    leadName: string | null;
    leaderName: string | null;
  };
  submittedByName: string | null;
  reviewedByName: string | null;
  photos: PhotoRow[];
  /**
   * The year's cumulative investment (本年累计) as at this report: `others` = this project's
   * reports of earlier periods starting in the same calendar year that are submitted or
   * approved; `total` = others + this report's own figure, whatever its status (so the lead
   * sees what it will be). Periods never overlap, so nothing is counted twice. `rate` =
   * total ÷ annual planned investment, in percent (null without a plan).
   */
  cumulative: { others: string; total: string; annualPlan: string | null; rate: number | null };
}

/** One report with its project, period and photos; null when missing or not visible. */
export async function getReport(actor: Actor, id: number): Promise<ReportDetail | null> {
  if (!validId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      report: reports,
      period: reportingPeriods,
      project: {
        id: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        stage: projects.stage,
        countyId: projects.countyId,
        countyIds: projectCountyIdsSql,
        countyZh: counties.nameZh,
        countyEn: counties.nameEn,
        projectLeadId: projects.projectLeadId,
        responsibleLeaderId: projects.responsibleLeaderId,
        responsibleUnitId: projects.responsibleUnitId,
        annualPlannedInvestment: projects.annualPlannedInvestment,
        leadName: lead.displayName,
        leaderName: leader.displayName,
      },
      submittedByName: submitter.displayName,
      reviewedByName: reviewer.displayName,
    })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(lead, eq(lead.id, projects.projectLeadId))
    .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
    .leftJoin(submitter, eq(submitter.id, reports.submittedById))
    .leftJoin(reviewer, eq(reviewer.id, reports.reviewedById))
    .where(and(eq(reports.id, id), projectScope(actor)))
    .limit(1);
  if (!row) return null;

  const earlier = alias(reportingPeriods, 'earlier');
  const [photos, [sum]] = await Promise.all([
    db
      .select({
        id: reportPhotos.id,
        mimeType: reportPhotos.mimeType,
        byteSize: reportPhotos.byteSize,
        width: reportPhotos.width,
        height: reportPhotos.height,
        originalName: reportPhotos.originalName,
        caption: reportPhotos.caption,
        createdAt: reportPhotos.createdAt,
        takenAt: reportPhotos.takenAt,
        latitude: reportPhotos.latitude,
        longitude: reportPhotos.longitude,
      })
      .from(reportPhotos)
      .where(eq(reportPhotos.reportId, id))
      .orderBy(asc(reportPhotos.id)),
    db
      .select({ others: sql<string>`coalesce(sum(${reports.investmentThisPeriod}), 0)::numeric(16,2)::text` })
      .from(reports)
      .innerJoin(earlier, eq(earlier.id, reports.periodId))
      .where(
        and(
          eq(reports.projectId, row.project.id),
          ne(reports.id, id),
          inArray(reports.status, ['submitted', 'approved']),
          sql`extract(year from ${earlier.startDate}) = extract(year from ${row.period.startDate}::date)`,
          sql`${earlier.startDate} < ${row.period.startDate}::date`,
        ),
      ),
  ]);
  const others = sum?.others ?? '0.00';
  const total = addMoney(others, row.report.investmentThisPeriod ?? '0');
  const plan = row.project.annualPlannedInvestment;
  // A percentage with one decimal (lib/money), null without a positive plan.
  const rate = plan === null ? null : percentOf(total, plan);
  return { ...row, photos, cumulative: { others, total, annualPlan: plan, rate } };
}

export interface ReportHistoryEntry {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The report's history (its audit events and its photos'), newest first; empty when not visible. */
export async function getReportHistory(actor: Actor, reportId: number, { limit = 100 } = {}): Promise<ReportHistoryEntry[]> {
  if (!validId(reportId)) return [];
  const db = await getDb();
  const idText = String(reportId);
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .innerJoin(reports, eq(reports.id, reportId))
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .where(
      and(
        eq(auditEvents.projectId, projects.id),
        or(
          and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, idText)),
          and(
            eq(auditEvents.entityType, 'report_photo'),
            or(sql`${auditEvents.after}->>'reportId' = ${idText}`, sql`${auditEvents.before}->>'reportId' = ${idText}`),
          ),
        ),
        projectScope(actor),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(Math.max(1, Math.min(limit, 500)));
}

/** A photo's file reference, when the actor may see its project; null otherwise (→ 404). */
export async function getPhotoForServing(actor: Actor, photoId: number) {
  if (!validId(photoId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: reportPhotos.id,
      reportId: reportPhotos.reportId,
      storageKey: reportPhotos.storageKey,
      mimeType: reportPhotos.mimeType,
      byteSize: reportPhotos.byteSize,
    })
    .from(reportPhotos)
    .innerJoin(projects, eq(projects.id, reportPhotos.projectId))
    .where(and(eq(reportPhotos.id, photoId), projectScope(actor)))
    .limit(1);
  return row ?? null;
}

/** Problems raised from this report (问题清单), oldest first; empty when not visible. */
export async function listReportProblems(actor: Actor, reportId: number) {
  if (!validId(reportId)) return [];
  const db = await getDb();
  return db
    .select({
      id: problems.id,
      description: problems.description,
      type: problems.type,
      status: problems.status,
      deadline: problems.deadline,
      escalationLevel: problems.escalationLevel,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(eq(problems.reportId, reportId), projectScope(actor)))
    .orderBy(asc(problems.id));
}

export type ReportProblemRow = Awaited<ReturnType<typeof listReportProblems>>[number];
