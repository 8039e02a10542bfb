import 'server-only';
/**
 * What changed since the previous meeting (与上次调度会相比): this meeting's frozen status table
 * against the previous frozen meeting's of the same scope — lights, the year's investment,
 * milestones — and the problems opened and closed between the two freeze times. Both tables
 * are read within the actor's scope (a county user compares their county's rows).
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { meetingSnapshotRows, problems, projects, type SnapshotMilestone } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { subtractMoney } from '@/lib/money';
import { previousMeeting, snapshotCountyScope, visibleMeeting } from './get-meeting';
import { meetingProjectScope } from './scope';
import type { StatusRow } from './types';

/** At most this many changed projects are listed (the totals count them all). */
export const CHANGES_LIMIT = 500;

export interface MilestoneChange {
  milestoneId: number;
  name: string;
  nameEn: string | null;
  /** done: reached since; later/earlier: its forecast moved; added: new since. */
  change: 'done' | 'later' | 'earlier' | 'added';
  from: string | null;
  to: string | null;
}

/** The milestone changes between two frozen lists of one project (pure). */
export function diffMilestones(before: SnapshotMilestone[], after: SnapshotMilestone[]): MilestoneChange[] {
  const was = new Map(before.map((m) => [m.id, m]));
  const out: MilestoneChange[] = [];
  for (const m of after) {
    const b = was.get(m.id);
    const base = { milestoneId: m.id, name: m.name, nameEn: m.nameEn };
    if (!b) {
      out.push({ ...base, change: 'added', from: null, to: m.forecastDate ?? m.plannedDate });
      continue;
    }
    if (m.actualDate && !b.actualDate) {
      out.push({ ...base, change: 'done', from: b.forecastDate ?? b.plannedDate, to: m.actualDate });
      continue;
    }
    if (m.actualDate) continue;
    const from = b.forecastDate ?? b.plannedDate;
    const to = m.forecastDate ?? m.plannedDate;
    if (to > from) out.push({ ...base, change: 'later', from, to });
    else if (to < from) out.push({ ...base, change: 'earlier', from, to });
  }
  return out;
}

export interface ProjectChange {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  /** Not in the previous table (new in scope) / not in this one (left the scope). */
  presence: 'both' | 'added' | 'removed';
  lightBefore: Light | null;
  lightAfter: Light | null;
  investmentBefore: string | null;
  investmentAfter: string | null;
  /** after − before, 万元 ('0.00' when unchanged). */
  investmentDelta: string;
  milestones: MilestoneChange[];
}

export interface MeetingChanges {
  previous: { id: number; title: string; meetingDate: string; frozenAt: Date } | null;
  /** This meeting's freeze time; null when not frozen (nothing to compare yet). */
  frozenAt: Date | null;
  projects: ProjectChange[];
  /** Projects with any change (may exceed the listed ones). */
  changedCount: number;
  lightsChanged: number;
  investmentBefore: string;
  investmentAfter: string;
  investmentDelta: string;
  milestonesChanged: number;
  problemsOpened: number;
  problemsClosed: number;
}

/** The changes since the previous meeting, for the actor; null when the meeting is not visible. */
export async function getMeetingChanges(actor: Actor, meetingId: number): Promise<MeetingChanges | null> {
  const db = await getDb();
  const m = await visibleMeeting(db, actor, meetingId);
  if (!m) return null;
  const prev = m.frozenAt ? await previousMeeting(db, m) : null;
  const empty: MeetingChanges = {
    previous: prev?.frozenAt ? { id: prev.id, title: prev.title, meetingDate: prev.meetingDate, frozenAt: prev.frozenAt } : null,
    frozenAt: m.frozenAt,
    projects: [],
    changedCount: 0,
    lightsChanged: 0,
    investmentBefore: '0.00',
    investmentAfter: '0.00',
    investmentDelta: '0.00',
    milestonesChanged: 0,
    problemsOpened: 0,
    problemsClosed: 0,
  };
  if (!m.frozenAt || !prev?.frozenAt) return empty;

  // The rows the actor reads of each table (their county's, and of projects touching it).
  const county = snapshotCountyScope(actor) ?? sql`true`;
  // Both tables in the actor's scope, joined by project (full outer join: in one table only).
  const cur = sql`(SELECT * FROM ${meetingSnapshotRows} WHERE meeting_id = ${m.id} AND ${county})`;
  const old = sql`(SELECT * FROM ${meetingSnapshotRows} WHERE meeting_id = ${prev.id} AND ${county})`;
  const joined = sql`${cur} AS c FULL OUTER JOIN ${old} AS p ON p.project_id = c.project_id`;
  const changed = sql`(c.project_id IS NULL OR p.project_id IS NULL
      OR (c.row->>'light') IS DISTINCT FROM (p.row->>'light')
      OR (c.row->>'completedThisYear')::numeric <> (p.row->>'completedThisYear')::numeric
      OR c.milestones <> p.milestones)`;

  const [totalsRes, rowsRes, problemCounts] = await Promise.all([
    db.execute(sql`SELECT
        coalesce(sum((p.row->>'completedThisYear')::numeric), 0)::numeric(16,2)::text AS before,
        coalesce(sum((c.row->>'completedThisYear')::numeric), 0)::numeric(16,2)::text AS after,
        count(*) FILTER (WHERE ${changed})::int AS changed,
        count(*) FILTER (WHERE c.project_id IS NOT NULL AND p.project_id IS NOT NULL
          AND (c.row->>'light') IS DISTINCT FROM (p.row->>'light'))::int AS lights
      FROM ${joined}`),
    db.execute(sql`SELECT coalesce(c.project_id, p.project_id) AS project_id, c.row AS cur, p.row AS prev,
        c.milestones AS cur_ms, p.milestones AS prev_ms
      FROM ${joined}
      WHERE ${changed}
      ORDER BY coalesce(c.sort, 2147483647), p.sort
      LIMIT ${CHANGES_LIMIT}`),
    db
      .select({
        opened: sql<number>`count(*) FILTER (WHERE ${problems.createdAt} > ${prev.frozenAt.toISOString()}::timestamptz AND ${problems.createdAt} <= ${m.frozenAt.toISOString()}::timestamptz)::int`,
        closed: sql<number>`count(*) FILTER (WHERE ${problems.closedAt} > ${prev.frozenAt.toISOString()}::timestamptz AND ${problems.closedAt} <= ${m.frozenAt.toISOString()}::timestamptz)::int`,
      })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(and(meetingProjectScope(m), projectScope(actor))),
  ]);
  type Totals = { before: string; after: string; changed: number; lights: number };
  type Joined = {
    project_id: number;
    cur: StatusRow | null;
    prev: StatusRow | null;
    cur_ms: SnapshotMilestone[] | null;
    prev_ms: SnapshotMilestone[] | null;
  };
  const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
  const totals = rowsOf<Totals>(totalsRes)[0] ?? { before: '0.00', after: '0.00', changed: 0, lights: 0 };
  let milestonesChanged = 0;
  const list: ProjectChange[] = rowsOf<Joined>(rowsRes).map((r) => {
    const info = (r.cur ?? r.prev)!;
    const ms = r.cur && r.prev ? diffMilestones(r.prev_ms ?? [], r.cur_ms ?? []) : [];
    milestonesChanged += ms.length;
    const before = r.prev?.completedThisYear ?? null;
    const after = r.cur?.completedThisYear ?? null;
    return {
      projectId: Number(r.project_id),
      code: info.code,
      name: info.name,
      nameEn: info.nameEn,
      presence: r.cur && r.prev ? 'both' : r.cur ? 'added' : 'removed',
      lightBefore: r.prev?.light ?? null,
      lightAfter: r.cur?.light ?? null,
      investmentBefore: before,
      investmentAfter: after,
      investmentDelta: subtractMoney(after ?? '0', before ?? '0'),
      milestones: ms,
    };
  });
  const counts = problemCounts[0] ?? { opened: 0, closed: 0 };
  return {
    ...empty,
    projects: list,
    changedCount: Number(totals.changed),
    lightsChanged: Number(totals.lights),
    investmentBefore: totals.before,
    investmentAfter: totals.after,
    investmentDelta: subtractMoney(totals.after, totals.before),
    milestonesChanged,
    problemsOpened: counts.opened,
    problemsClosed: counts.closed,
  };
}
