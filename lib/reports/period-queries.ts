import 'server-only';

/**
 * What the reports page needs to offer a period's correction and cancellation: only to an actor
 * who may (period.open, prefecture-wide, as the actions require), with counts over the whole
 * prefecture (the actions refuse or remove exactly these reports).
 */
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { projects, reportingPeriods, reportPhotos, reports } from '@/db/schema';
import type { PeriodKind } from '@/db/schema/enums';
import { type Actor, can } from '@/lib/authz';
import { validId } from './list-reports';
import { activeProjectsWhere } from './open-period';

export interface PeriodControls {
  id: number;
  version: number;
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  dueDate: string;
  /** Draft reports a cancellation removes. */
  drafts: number;
  /** Reports ever submitted: with any, the dates are fixed and the period cannot be cancelled. */
  submitted: number;
  /** Photos of the drafts (their files go with them). */
  photos: number;
}

/** Who sees the controls: the same rule as the actions' (permission, and countyId null). */
export function mayManagePeriods(actor: Actor): boolean {
  return actor.countyId === null && can(actor, 'period.open');
}

export async function getPeriodControls(actor: Actor, periodId: number): Promise<PeriodControls | null> {
  if (!mayManagePeriods(actor) || !validId(periodId)) return null;
  const db = await getDb();
  const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId)).limit(1);
  if (!period) return null;
  const [counts] = await db
    .select({
      drafts: sql<number>`(count(*) filter (where ${reports.status} = 'draft' and ${reports.submittedAt} is null))::int`,
      submitted: sql<number>`(count(*) filter (where ${reports.status} <> 'draft' or ${reports.submittedAt} is not null))::int`,
    })
    .from(reports)
    .where(eq(reports.periodId, periodId));
  const [pics] = await db
    .select({ photos: sql<number>`count(*)::int` })
    .from(reportPhotos)
    .innerJoin(reports, eq(reports.id, reportPhotos.reportId))
    .where(eq(reports.periodId, periodId));
  const drafts = counts?.drafts ?? 0;
  const submitted = counts?.submitted ?? 0;
  const photos = pics?.photos ?? 0;
  return {
    id: period.id,
    version: period.version,
    kind: period.kind,
    startDate: period.startDate,
    endDate: period.endDate,
    dueDate: period.dueDate,
    drafts,
    submitted,
    photos,
  };
}

/** What opening a period creates, for the form's confirmation (the same projects and leads as openPeriod). */
export interface OpenPeriodPreview {
  /** Draft reports: one per active project. */
  drafts: number;
  /** Notifications: one summary per lead of those projects, the actor excepted. */
  notifications: number;
}

export async function getOpenPeriodPreview(actor: Actor): Promise<OpenPeriodPreview | null> {
  if (!mayManagePeriods(actor)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      drafts: sql<number>`count(*)::int`,
      notifications: sql<number>`(count(distinct ${projects.projectLeadId}) filter (where ${and(isNotNull(projects.projectLeadId), ne(projects.projectLeadId, actor.id))}))::int`,
    })
    .from(projects)
    .where(activeProjectsWhere(actor));
  return { drafts: row?.drafts ?? 0, notifications: row?.notifications ?? 0 };
}
