import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, getDb } from '@/db/client';
import {
  categories,
  counties,
  meetingAgendaItems,
  meetingParticipants,
  meetings,
  meetingSnapshotRows,
  projectCounties,
  projects,
  units,
  users,
} from '@/db/schema';
import { type Actor, hasPermission, projectScope } from '@/lib/authz';
import type { MeetingStatus } from './constants';
import { agendaItems, type AgendaItemView } from './agenda-items';
import { canManageMeeting, meetingProjectScope, meetingVisibility, sameScopeSql } from './scope';

// One meeting with its agenda, and the list of meetings. Every read takes the actor: a meeting
// outside the actor's scope is not found, and agenda items of projects outside it are left out
// (./agenda-items.ts).

const MAX_ID = 2_147_483_647;
export const validId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID;

const chair = alias(users, 'meeting_chair');
const scopeLeader = alias(users, 'meeting_scope_leader');
const frozenBy = alias(users, 'meeting_frozen_by');
const publishedBy = alias(users, 'meeting_published_by');

export type MeetingRow = typeof meetings.$inferSelect;

export interface MeetingSummary {
  id: number;
  title: string;
  meetingDate: string;
  status: MeetingStatus;
  version: number;
  chairId: number | null;
  chairName: string | null;
  scopeCategoryCode: string | null;
  scopeCategoryZh: string | null;
  scopeCategoryEn: string | null;
  scopeCountyId: number | null;
  scopeCountyZh: string | null;
  scopeCountyEn: string | null;
  scopeLeaderId: number | null;
  scopeLeaderName: string | null;
  frozenAt: Date | null;
  heldAt: Date | null;
  publishedAt: Date | null;
  agendaCount: number;
}

const summaryColumns = {
  id: meetings.id,
  title: meetings.title,
  meetingDate: meetings.meetingDate,
  status: meetings.status,
  version: meetings.version,
  chairId: meetings.chairId,
  chairName: chair.displayName,
  scopeCategoryCode: meetings.scopeCategoryCode,
  scopeCategoryZh: categories.nameZh,
  scopeCategoryEn: categories.nameEn,
  scopeCountyId: meetings.scopeCountyId,
  scopeCountyZh: counties.nameZh,
  scopeCountyEn: counties.nameEn,
  scopeLeaderId: meetings.scopeLeaderId,
  scopeLeaderName: scopeLeader.displayName,
  frozenAt: meetings.frozenAt,
  heldAt: meetings.heldAt,
  publishedAt: meetings.publishedAt,
  agendaCount: sql<number>`(SELECT count(*)::int FROM ${meetingAgendaItems} WHERE ${meetingAgendaItems.meetingId} = ${meetings.id})`,
};

function summaryQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(meetings)
    .leftJoin(chair, eq(chair.id, meetings.chairId))
    .leftJoin(categories, eq(categories.code, meetings.scopeCategoryCode))
    .leftJoin(counties, eq(counties.id, meetings.scopeCountyId))
    .leftJoin(scopeLeader, eq(scopeLeader.id, meetings.scopeLeaderId));
}

export const MEETINGS_PAGE_SIZE = 30;

/** Meetings the actor may see, newest first, one page at a time, optionally of one status. */
export async function listMeetings(
  actor: Actor,
  opts: { status?: MeetingStatus | null; page?: number } = {},
): Promise<{ rows: MeetingSummary[]; total: number; page: number; pageSize: number }> {
  if (!hasPermission(actor, 'meeting.read')) return { rows: [], total: 0, page: 1, pageSize: MEETINGS_PAGE_SIZE };
  const db = await getDb();
  const page = Math.max(1, Math.min(10_000, Math.floor(opts.page ?? 1) || 1));
  const where = and(meetingVisibility(actor), opts.status ? eq(meetings.status, opts.status) : undefined);
  const [rows, [total]] = await Promise.all([
    summaryQuery(db)
      .where(where)
      .orderBy(desc(meetings.meetingDate), desc(meetings.id))
      .limit(MEETINGS_PAGE_SIZE)
      .offset((page - 1) * MEETINGS_PAGE_SIZE),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize: MEETINGS_PAGE_SIZE };
}

export interface MeetingDetail extends MeetingSummary {
  frozenByName: string | null;
  publishedByName: string | null;
  snapshotYear: number | null;
  /** Rows of the frozen table this actor reads (their scope). */
  snapshotRowCount: number | null;
  /** Rows of the frozen table in all (every county of the meeting's scope). */
  snapshotTotalRows: number | null;
  createdAt: Date;
  participants: { users: { id: number; name: string }[]; units: { id: number; nameZh: string; nameEn: string }[] };
  agenda: AgendaItemView[];
  previous: { id: number; title: string; meetingDate: string; frozenAt: Date | null } | null;
  canManage: boolean;
}

/** The meeting row if the actor may see it (null: not found for them). */
export async function visibleMeeting(db: Executor, actor: Actor, id: number): Promise<MeetingRow | null> {
  if (!validId(id) || !hasPermission(actor, 'meeting.read')) return null;
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingVisibility(actor)))
    .limit(1);
  return row ?? null;
}

/**
 * The previous meeting of the same scope (same category, county and leader filters): the latest
 * one before this one (by date, then id) whose status table is frozen.
 */
export async function previousMeeting(db: Executor, m: MeetingRow): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(
        sameScopeSql(m),
        isNotNull(meetings.frozenAt),
        or(lt(meetings.meetingDate, m.meetingDate), and(eq(meetings.meetingDate, m.meetingDate), lt(meetings.id, m.id))),
      ),
    )
    .orderBy(desc(meetings.meetingDate), desc(meetings.id))
    .limit(1);
  return row ?? null;
}

/** One meeting with its participants, agenda (scoped) and the previous meeting, or null (404). */
export async function getMeeting(actor: Actor, id: number): Promise<MeetingDetail | null> {
  const db = await getDb();
  const m = await visibleMeeting(db, actor, id);
  if (!m) return null;
  const [[summary], [names], participantRows, agenda, prev, [rowCount]] = await Promise.all([
    summaryQuery(db).where(eq(meetings.id, id)).limit(1),
    db
      .select({ frozenByName: frozenBy.displayName, publishedByName: publishedBy.displayName })
      .from(meetings)
      .leftJoin(frozenBy, eq(frozenBy.id, meetings.frozenById))
      .leftJoin(publishedBy, eq(publishedBy.id, meetings.publishedById))
      .where(eq(meetings.id, id)),
    db
      .select({
        userId: meetingParticipants.userId,
        userName: users.displayName,
        unitId: meetingParticipants.unitId,
        unitZh: units.nameZh,
        unitEn: units.nameEn,
      })
      .from(meetingParticipants)
      .leftJoin(users, eq(users.id, meetingParticipants.userId))
      .leftJoin(units, eq(units.id, meetingParticipants.unitId))
      .where(eq(meetingParticipants.meetingId, id))
      .orderBy(asc(meetingParticipants.id)),
    agendaItems(db, actor, id),
    previousMeeting(db, m),
    m.frozenAt
      ? db
          .select({ n: count() })
          .from(meetingSnapshotRows)
          .where(and(eq(meetingSnapshotRows.meetingId, id), snapshotCountyScope(actor)))
      : Promise.resolve([{ n: 0 }]),
  ]);
  if (!summary) return null;
  return {
    ...summary,
    frozenByName: names?.frozenByName ?? null,
    publishedByName: names?.publishedByName ?? null,
    snapshotYear: m.snapshotYear,
    snapshotRowCount: m.frozenAt ? (rowCount?.n ?? 0) : null,
    snapshotTotalRows: m.snapshotRowCount,
    createdAt: m.createdAt,
    participants: {
      users: participantRows.flatMap((p) => (p.userId !== null && p.userName !== null ? [{ id: p.userId, name: p.userName }] : [])),
      units: participantRows.flatMap((p) =>
        p.unitId !== null && p.unitZh !== null ? [{ id: p.unitId, nameZh: p.unitZh, nameEn: p.unitEn ?? p.unitZh }] : [],
      ),
    },
    agenda,
    previous: prev ? { id: prev.id, title: prev.title, meetingDate: prev.meetingDate, frozenAt: prev.frozenAt } : null,
    canManage: canManageMeeting(actor, m),
  };
}

/**
 * Snapshot rows the actor may read, or all: their county's by the county as frozen, and the rows
 * of projects that touch their county (a project crossing counties is in each county's table).
 */
export function snapshotCountyScope(actor: Pick<Actor, 'countyId'>): SQL | undefined {
  if (actor.countyId === null) return undefined;
  return or(
    eq(meetingSnapshotRows.countyId, actor.countyId),
    sql`EXISTS (SELECT 1 FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${meetingSnapshotRows.projectId} AND ${projectCounties.countyId} = ${actor.countyId})`,
  );
}

/** The choices of the meeting form: leaders (chair, scope), units (invited), users (participants). */
export async function meetingFormOptions(actor: Actor) {
  const db = await getDb();
  const [people, unitRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.displayName, role: users.role, countyId: users.countyId })
      .from(users)
      .where(and(eq(users.disabled, false), inArray(users.role, ['leader', 'dispatch', 'lead', 'viewer'])))
      .orderBy(asc(users.displayName), asc(users.id)),
    db
      .select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn, active: units.active })
      .from(units)
      .orderBy(desc(units.kind), asc(units.id)),
  ]);
  const inScope = (p: { countyId: number | null }) => actor.countyId === null || p.countyId === null || p.countyId === actor.countyId;
  return {
    leaders: people.filter((p) => p.role === 'leader' && inScope(p)).map((p) => ({ id: p.id, name: p.name })),
    users: people.filter(inScope).map((p) => ({ id: p.id, name: p.name, role: p.role })),
    units: unitRows,
  };
}

/** The projects of a meeting's scope that the actor sees (the "add item" choices), by code; at most 1000. */
export async function meetingProjectChoices(
  actor: Actor,
  m: Pick<MeetingSummary, 'scopeCategoryCode' | 'scopeCountyId' | 'scopeLeaderId' | 'meetingDate'>,
) {
  const db = await getDb();
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn })
    .from(projects)
    .where(and(meetingProjectScope(m), projectScope(actor)))
    .orderBy(asc(projects.code))
    .limit(1000);
}
