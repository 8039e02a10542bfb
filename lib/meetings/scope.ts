/**
 * Who sees a meeting, who runs it, and which projects it covers.
 *
 * - A meeting is visible to prefecture users, and to county users when its scope is the whole
 *   prefecture or their county (they then read only their county's rows of it).
 * - A meeting is run (agenda, freeze, minutes, publish) by the dispatch office whose scope
 *   covers the meeting's: a county office only its county's meetings. Its Subject's county is
 *   the meeting's scope county (null: the prefecture, which no county user's scope covers), so
 *   the permission table's meeting.manage with can() says exactly this.
 * - Its projects: those of its year's key-project list (the year of its date; every project
 *   while that year has no list) matching every scope column that is set (category, county, leader).
 */
import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { meetings, projects } from '@/db/schema';
import { type Actor, can, projectTouchesCounty, type Subject } from '@/lib/authz';
import { inYearList } from '@/lib/plan-years/in-year';

export interface MeetingScope {
  scopeCategoryCode: string | null;
  scopeCountyId: number | null;
  scopeLeaderId: number | null;
  /** The meeting's date ('YYYY-MM-DD'): its plan year is the year of it. */
  meetingDate: string;
}

/** The WHERE predicate for meetings the actor may see (undefined: all). */
export function meetingVisibility(actor: Pick<Actor, 'countyId'>): SQL | undefined {
  return actor.countyId === null ? undefined : or(isNull(meetings.scopeCountyId), eq(meetings.scopeCountyId, actor.countyId));
}

/** What a permission check on a meeting reads: its scope county (no relations: meetings are the office's). */
export function meetingSubject(m: Pick<MeetingScope, 'scopeCountyId'>): Subject {
  return { countyId: m.scopeCountyId };
}

/** May the actor run this meeting (prepare, freeze, minutes, publish)? The UI's question; actions ask it through their load step. */
export function canManageMeeting(actor: Actor, m: Pick<MeetingScope, 'scopeCountyId'>): boolean {
  return can(actor, 'meeting.manage', meetingSubject(m));
}

/** The projects the meeting covers (SQL on `projects`). */
export function meetingProjectScope(m: MeetingScope): SQL | undefined {
  return and(
    inYearList(Number(m.meetingDate.slice(0, 4))),
    m.scopeCategoryCode !== null ? eq(projects.categoryCode, m.scopeCategoryCode) : undefined,
    // A county's meeting covers every project that touches the county.
    m.scopeCountyId !== null ? projectTouchesCounty(m.scopeCountyId) : undefined,
    m.scopeLeaderId !== null ? eq(projects.responsibleLeaderId, m.scopeLeaderId) : undefined,
  );
}

/** Same scope (for "the previous meeting"): the three scope columns are equal. */
export function sameScopeSql(m: MeetingScope): SQL {
  const eqOrNull = <T extends string | number>(
    col: typeof meetings.scopeCountyId | typeof meetings.scopeCategoryCode | typeof meetings.scopeLeaderId,
    v: T | null,
  ) => (v === null ? isNull(col) : eq(col, v));
  return and(
    eqOrNull(meetings.scopeCategoryCode, m.scopeCategoryCode),
    eqOrNull(meetings.scopeCountyId, m.scopeCountyId),
    eqOrNull(meetings.scopeLeaderId, m.scopeLeaderId),
  )!;
}
