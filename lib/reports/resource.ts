/**
 * A report and a report photo as records that actions and routes load and authorize
 * (lib/authz/resource.ts). A report is visible when its project is; its relations are its
 * project's (the project lead edits it, the responsible leader reviews it), so the permission
 * table's grants of report.edit / report.review / report.reopen are read on projectSubject.
 * Both load with the report row locked (FOR UPDATE OF reports): an edit, a photo upload or
 * removal and a status change of the same report cannot interleave.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projects, reportingPeriods, reportPhotos, reports } from '@/db/schema';
import { projectScope } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations, projectSubject } from '@/lib/projects/resource';
import { type PeriodRow, reportFields, type ReportRow } from './rules';

/** What the report actions need of the report's project (its relations, and what notifications name). */
export interface ReportProject extends ProjectRelations {
  id: number;
  code: string;
  name: string;
}

export interface ReportRecord {
  report: ReportRow;
  period: PeriodRow;
  project: ReportProject;
}

const projectColumns = { id: projects.id, code: projects.code, name: projects.name, ...projectRelationColumns };

/** The report as it is now, as a CONFLICT answer shows it: the lead's fields and its state. */
async function currentReport(db: Executor, id: number): Promise<Record<string, unknown> | null> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).limit(1);
  if (!row) return null;
  return { ...reportFields(row), id: row.id, status: row.status, version: row.version, reviewComment: row.reviewComment };
}

export const reportResource = defineResource<ReportRecord>({
  entity: 'report',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({ report: reports, period: reportingPeriods, project: projectColumns })
      .from(reports)
      .innerJoin(projects, eq(projects.id, reports.projectId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
      .where(and(eq(reports.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: reports }) : await q;
    return row ?? null;
  },
  subject: (r) => projectSubject(r.project),
  version: (r) => r.report.version,
  id: (r) => r.report.id,
  current: currentReport,
});

export type PhotoRecord = Omit<ReportRecord, 'period'> & { photo: typeof reportPhotos.$inferSelect };

/**
 * A photo with its report and project: visible when the project is; its relations are the
 * project's (the lead removes the photos of the report they edit). The lock takes the photo
 * and its report, so two removals of one photo cannot both succeed.
 */
export const reportPhotoResource = defineResource<PhotoRecord>({
  entity: 'report_photo',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({ photo: reportPhotos, report: reports, project: projectColumns })
      .from(reportPhotos)
      .innerJoin(reports, eq(reports.id, reportPhotos.reportId))
      .innerJoin(projects, eq(projects.id, reports.projectId))
      .where(and(eq(reportPhotos.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: [reportPhotos, reports] }) : await q;
    return row ?? null;
  },
  subject: (r) => projectSubject(r.project),
  id: (r) => r.photo.id,
});
