import 'server-only';
/**
 * Reads of the approval procedures, always through the actor's project scope: a project's plan
 * with each procedure's clock, history and the critical path to 开工; and an agency's queue.
 */
import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '@/db/client';
import {
  procedureEvents,
  procedureTemplateCategories,
  procedureTemplates,
  projectProcedureDeps,
  projectProcedures,
  projects,
  units,
  users,
} from '@/db/schema';
import { type Actor, can, idArray, projectScope } from '@/lib/authz';
import { loadCalendar, type WorkingCalendar } from '@/lib/calendar/calendar';
import { addWorkingDays } from '@/lib/calendar/working-days';
import { today } from '@/lib/clock';
import { isOverdue, type ProcedureClock, procedureClock } from './clock';
import { projectRelationColumns, projectSubject } from '@/lib/projects/resource';
import { criticalPath } from './critical-path';
import { procedureSubject, type ProcedureRow } from './resource';
import { type ProcedureStep, SETTLED, stepsFrom, STEP_RULES } from './rules';

export interface ProcedureView extends ProcedureRow {
  agencyNameZh: string | null;
  agencyNameEn: string | null;
  dependsOn: number[];
  clock: ProcedureClock | null;
  /** The steps this actor may take now. */
  steps: ProcedureStep[];
  onCriticalPath: boolean;
}

export interface ProcedureEventView {
  id: number;
  procedureId: number;
  step: string;
  fromState: ProcedureRow['state'] | null;
  toState: ProcedureRow['state'];
  note: string | null;
  at: Date;
  actorName: string | null;
}

/** The years a set of clocks spans, from the earliest acceptance to a year after today. */
async function calendarFor(db: Executor, acceptedOn: (string | null)[], day: string): Promise<WorkingCalendar> {
  const year = Number(day.slice(0, 4));
  const first = acceptedOn.reduce((m, d) => (d ? Math.min(m, Number(d.slice(0, 4))) : m), year);
  return loadCalendar(db, first, year + 1);
}

const procedureColumns = {
  procedure: projectProcedures,
  agencyNameZh: units.nameZh,
  agencyNameEn: units.nameEn,
};

/** A project's plan, or null when the project is not visible to the actor. */
export async function getProjectProcedures(actor: Actor, projectId: number) {
  const db = await getDb();
  const [project] = await db
    .select({
      id: projects.id,
      name: projects.name,
      nameEn: projects.nameEn,
      code: projects.code,
      categoryCode: projects.categoryCode,
      ...projectRelationColumns,
    })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)))
    .limit(1);
  if (!project) return null;
  const day = today();
  const rows = await db
    .select(procedureColumns)
    .from(projectProcedures)
    .leftJoin(units, eq(units.id, projectProcedures.agencyUnitId))
    .where(eq(projectProcedures.projectId, projectId))
    .orderBy(asc(projectProcedures.sort), asc(projectProcedures.id));
  const ids = rows.map((r) => r.procedure.id);
  const [deps, events, calendar, templates] = await Promise.all([
    ids.length ? db.select().from(projectProcedureDeps).where(inArray(projectProcedureDeps.procedureId, ids)) : [],
    ids.length
      ? db
          .select({
            id: procedureEvents.id,
            procedureId: procedureEvents.procedureId,
            step: procedureEvents.step,
            fromState: procedureEvents.fromState,
            toState: procedureEvents.toState,
            note: procedureEvents.note,
            at: procedureEvents.at,
            actorName: users.displayName,
          })
          .from(procedureEvents)
          .leftJoin(users, eq(users.id, procedureEvents.actorId))
          .where(inArray(procedureEvents.procedureId, ids))
          .orderBy(desc(procedureEvents.id))
          .limit(500)
      : [],
    calendarFor(
      db,
      rows.map((r) => r.procedure.acceptedOn),
      day,
    ),
    listTemplates(db, project.categoryCode),
  ]);
  const dependsOn = new Map<number, number[]>();
  for (const d of deps) dependsOn.set(d.procedureId, [...(dependsOn.get(d.procedureId) ?? []), d.dependsOnId]);
  const withClock = rows.map((r) => ({ ...r, clock: procedureClock(r.procedure, day, calendar.exceptions) }));
  const path = criticalPath(
    withClock.map(({ procedure: p, clock }) => ({
      id: p.id,
      state: p.state,
      beforeStart: p.beforeStart,
      committedDays: p.committedDays,
      elapsed: clock?.running ? clock.elapsed : null,
      dependsOn: dependsOn.get(p.id) ?? [],
    })),
  );
  const onPath = new Set(path.ids);
  const procedures: ProcedureView[] = withClock.map(({ procedure: p, agencyNameZh, agencyNameEn, clock }) => ({
    ...p,
    agencyNameZh,
    agencyNameEn,
    dependsOn: dependsOn.get(p.id) ?? [],
    clock,
    onCriticalPath: onPath.has(p.id),
    steps: stepsFrom(p.state).filter((s) => can(actor, STEP_RULES[s].permission, procedureSubject({ procedure: p, project }))),
  }));
  const applicable = procedures.filter((p) => p.state !== 'not_applicable');
  return {
    project,
    procedures,
    events: events as ProcedureEventView[],
    summary: {
      total: applicable.length,
      approved: applicable.filter((p) => p.state === 'approved').length,
      overdue: applicable.filter((p) => p.clock?.running && p.clock.standing !== 'within').length,
    },
    criticalPath: {
      days: path.days,
      ids: path.ids,
      earliestStart: path.days > 0 ? addWorkingDays(day, path.days, calendar.exceptions) : null,
    },
    today: day,
    calendarYearsMissing: [Number(day.slice(0, 4)), Number(day.slice(0, 4)) + 1].filter((y) => !calendar.yearsKept.has(y)),
    templates,
    canPlan: can(actor, 'procedure.plan', projectSubject(project)),
  };
}

/** The active templates, those proposed for the project's category first. */
async function listTemplates(db: Executor, categoryCode: string | null) {
  const rows = await db
    .select({
      id: procedureTemplates.id,
      nameZh: procedureTemplates.nameZh,
      nameEn: procedureTemplates.nameEn,
      isDefault: procedureTemplates.isDefault,
      proposed: categoryCode
        ? sql<boolean>`EXISTS (SELECT 1 FROM ${procedureTemplateCategories} WHERE ${procedureTemplateCategories.templateId} = ${procedureTemplates.id} AND ${procedureTemplateCategories.categoryCode} = ${categoryCode})`
        : sql<boolean>`false`,
    })
    .from(procedureTemplates)
    .where(eq(procedureTemplates.active, true))
    .orderBy(asc(procedureTemplates.id));
  return rows.sort((a, b) => Number(b.proposed) - Number(a.proposed));
}

export interface QueueRow {
  id: number;
  version: number;
  nameZh: string;
  nameEn: string;
  state: ProcedureRow['state'];
  acceptedOn: string | null;
  committedDays: number;
  statutoryDays: number;
  projectId: number;
  projectName: string;
  projectNameEn: string | null;
  projectCode: string;
  agencyUnitId: number | null;
  agencyNameZh: string | null;
  agencyNameEn: string | null;
  clock: ProcedureClock | null;
  /** The procedures it waits for are approved (it may be accepted). */
  ready: boolean;
  /** The agency's steps this actor may take now. */
  steps: ProcedureStep[];
}

/** How far past its committed limit a running procedure is (0: not overdue). */
const overage = (r: QueueRow) => (r.clock?.running ? Math.max(r.clock.elapsed - r.committedDays, 0) : 0);

/**
 * The procedures waiting on an agency (部门待办), overdue first (longest over its committed limit),
 * then running ones by their committed due date, then those not yet accepted. A department user
 * sees their own agency's only; the office any agency's, or every agency's.
 */
export async function listAgencyQueue(actor: Actor, filter: { unitId: number | null }): Promise<{ rows: QueueRow[]; today: string }> {
  const unitId = actor.role === 'department' ? actor.unitId : filter.unitId;
  const db = await getDb();
  const day = today();
  const blocking = alias(projectProcedures, 'blocking');
  const rows = await db
    .select({
      id: projectProcedures.id,
      version: projectProcedures.version,
      nameZh: projectProcedures.nameZh,
      nameEn: projectProcedures.nameEn,
      state: projectProcedures.state,
      acceptedOn: projectProcedures.acceptedOn,
      approvedOn: projectProcedures.approvedOn,
      committedDays: projectProcedures.committedDays,
      statutoryDays: projectProcedures.statutoryDays,
      projectId: projects.id,
      projectName: projects.name,
      projectNameEn: projects.nameEn,
      projectCode: projects.code,
      agencyUnitId: projectProcedures.agencyUnitId,
      agencyNameZh: units.nameZh,
      agencyNameEn: units.nameEn,
      project: projectRelationColumns,
      ready: sql<boolean>`NOT EXISTS (SELECT 1 FROM ${projectProcedureDeps} JOIN ${projectProcedures} AS ${blocking} ON ${blocking.id} = ${projectProcedureDeps.dependsOnId} WHERE ${projectProcedureDeps.procedureId} = ${projectProcedures.id} AND ${notInArray(blocking.state, [...SETTLED])})`,
    })
    .from(projectProcedures)
    .innerJoin(projects, eq(projects.id, projectProcedures.projectId))
    .leftJoin(units, eq(units.id, projectProcedures.agencyUnitId))
    .where(
      and(
        projectScope(actor),
        notInArray(projectProcedures.state, [...SETTLED]),
        unitId === null ? undefined : eq(projectProcedures.agencyUnitId, unitId),
      ),
    )
    .limit(2000);
  const calendar = await calendarFor(
    db,
    rows.map((r) => r.acceptedOn),
    day,
  );
  const queue: QueueRow[] = rows.map(({ approvedOn, project, ...r }) => {
    const subject = procedureSubject({
      procedure: { agencyUnitId: r.agencyUnitId } as ProcedureRow,
      project: { id: r.projectId, ...project },
    });
    return {
      ...r,
      clock: procedureClock({ ...r, approvedOn }, day, calendar.exceptions),
      // The agency's own steps (the lead's and the office's plan steps are on the project's page).
      steps: stepsFrom(r.state).filter((s) => STEP_RULES[s].permission === 'procedure.handle' && can(actor, 'procedure.handle', subject)),
    };
  });
  const rank = (r: QueueRow) => (overage(r) > 0 ? 0 : r.clock?.running ? 1 : r.state === 'returned' ? 2 : 3);
  queue.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      overage(b) - overage(a) ||
      (a.clock?.committedDue ?? '9999').localeCompare(b.clock?.committedDue ?? '9999') ||
      a.projectId - b.projectId ||
      a.id - b.id,
  );
  return { rows: queue, today: day };
}

/** The units the office has said approve procedures (the queue's filter), by name. */
export async function listAgencies(): Promise<{ id: number; nameZh: string; nameEn: string }[]> {
  const db = await getDb();
  return db
    .select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn })
    .from(units)
    .where(and(eq(units.active, true), isNotNull(units.agencyKind)))
    .orderBy(asc(units.nameZh));
}

export interface ProcedureSummary {
  total: number;
  approved: number;
  /** Running past the committed limit, by name. */
  overdue: { nameZh: string; nameEn: string; elapsed: number }[];
  /** Working days to the start of works on the critical path (0: nothing left) and the earliest day. */
  criticalDays: number;
  earliestStart: string | null;
}

/** The project's plan in a few figures, for its page (null: no plan, or the project is not visible). */
export async function getProcedureSummary(actor: Actor, projectId: number): Promise<ProcedureSummary | null> {
  const db = await getDb();
  const day = today();
  const rows = await db
    .select({
      id: projectProcedures.id,
      nameZh: projectProcedures.nameZh,
      nameEn: projectProcedures.nameEn,
      state: projectProcedures.state,
      acceptedOn: projectProcedures.acceptedOn,
      approvedOn: projectProcedures.approvedOn,
      committedDays: projectProcedures.committedDays,
      statutoryDays: projectProcedures.statutoryDays,
      beforeStart: projectProcedures.beforeStart,
      dependsOn: sql<
        number[]
      >`ARRAY(SELECT ${projectProcedureDeps.dependsOnId} FROM ${projectProcedureDeps} WHERE ${projectProcedureDeps.procedureId} = ${projectProcedures.id})`.mapWith(
        idArray,
      ),
    })
    .from(projectProcedures)
    .innerJoin(projects, eq(projects.id, projectProcedures.projectId))
    .where(and(eq(projectProcedures.projectId, projectId), projectScope(actor)));
  if (!rows.length) return null;
  const calendar = await calendarFor(
    db,
    rows.map((r) => r.acceptedOn),
    day,
  );
  const clocked = rows.map((r) => ({ ...r, clock: procedureClock(r, day, calendar.exceptions) }));
  const path = criticalPath(clocked.map((r) => ({ ...r, elapsed: r.clock?.running ? r.clock.elapsed : null })));
  const applicable = clocked.filter((r) => r.state !== 'not_applicable');
  return {
    total: applicable.length,
    approved: applicable.filter((r) => r.state === 'approved').length,
    overdue: applicable.filter((r) => isOverdue(r.clock)).map((r) => ({ nameZh: r.nameZh, nameEn: r.nameEn, elapsed: r.clock!.elapsed })),
    criticalDays: path.days,
    earliestStart: path.days > 0 ? addWorkingDays(day, path.days, calendar.exceptions) : null,
  };
}
