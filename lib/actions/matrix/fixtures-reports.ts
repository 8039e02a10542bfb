/**
 * Fixtures of the authorization matrix: the reporting cycle (periods, reports, their photos).
 * A report's relations are its project's (the lead edits it, the responsible leader reviews it).
 */
import { reportingPeriods, reportPhotos, reports } from '@/db/schema';
import type { ReportStatus } from '@/db/schema/enums';
import { type CaseContext, caseProject, type Fixture, onNoRecord, onProjectRecord, unique } from './world';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('fixture: INSERT returned no row');
  return row;
}

const SUBMITTED_AT = new Date('2025-07-02T02:00:00Z');
const FILLED = { investmentThisPeriod: '120.00', physicalProgress: '主体结构完成 60%', percentComplete: 60 };

/** A report of June 2025 on a project naming the case's people, in the given state. */
async function caseReport(c: CaseContext, status: ReportStatus) {
  const project = await caseProject(c);
  const period = one(
    await c.tx
      .insert(reportingPeriods)
      .values({ kind: 'monthly', startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05' })
      .returning(),
  );
  const submitted = status !== 'draft';
  const reviewed = status === 'approved' || status === 'returned';
  return one(
    await c.tx
      .insert(reports)
      .values({
        periodId: period.id,
        projectId: project.id,
        status,
        ...(submitted ? FILLED : {}),
        submittedAt: submitted ? SUBMITTED_AT : null,
        submittedById: submitted ? c.world.others.lead.id : null,
        reviewedAt: reviewed ? SUBMITTED_AT : null,
        reviewedById: reviewed ? c.world.others.leader.id : null,
        reviewComment: status === 'returned' ? '请补充' : null,
      })
      .returning(),
  );
}

const reportStep = (status: ReportStatus, extra: Record<string, unknown>): Fixture =>
  onProjectRecord(async (c) => {
    const r = await caseReport(c, status);
    return { input: { id: r.id, version: r.version, ...extra }, target: { table: reports, id: r.id } };
  });

const storageKey = () => unique().toString(16).padStart(32, '0');

export const REPORT_FIXTURES: Record<string, Fixture> = {
  'period.open': onNoRecord(async (c) => {
    await caseProject(c);
    return { input: { kind: 'monthly', startDate: '2025-07-01', endDate: '2025-07-31', dueDate: '2025-08-05' } };
  }),
  'report.save': reportStep('draft', { physicalProgress: '基础施工完成' }),
  'report.submit': reportStep('draft', FILLED),
  'report.review': reportStep('submitted', { decision: 'approve' }),
  'report.reopen': reportStep('approved', { reason: '数据需更正' }),
  'report.photo.add': onProjectRecord(async (c) => {
    const r = await caseReport(c, 'draft');
    return {
      input: {
        reportId: r.id,
        storageKey: storageKey(),
        mimeType: 'image/jpeg',
        byteSize: 2048,
        width: 640,
        height: 480,
        originalName: 'site.jpg',
      },
      target: { table: reports, id: r.id },
    };
  }),
  'report.photo.delete': onProjectRecord(async (c) => {
    const r = await caseReport(c, 'draft');
    const photo = one(
      await c.tx
        .insert(reportPhotos)
        .values({
          reportId: r.id,
          projectId: r.projectId,
          storageKey: storageKey(),
          mimeType: 'image/jpeg',
          byteSize: 2048,
          width: 640,
          height: 480,
        })
        .returning(),
    );
    return { input: { id: photo.id }, target: { table: reportPhotos, id: photo.id } };
  }),
  'report.photo.caption': onProjectRecord(async (c) => {
    const r = await caseReport(c, 'draft');
    const photo = one(
      await c.tx
        .insert(reportPhotos)
        .values({
          reportId: r.id,
          projectId: r.projectId,
          storageKey: storageKey(),
          mimeType: 'image/jpeg',
          byteSize: 2048,
          width: 640,
          height: 480,
        })
        .returning(),
    );
    return { input: { id: photo.id, caption: '东侧基坑' }, target: { table: reportPhotos, id: photo.id } };
  }),
};
