/**
 * Where the proposed agenda's reasons come from (lib/meetings/agenda.ts groups them per
 * project), each query limited by `where` (the meeting's projects and the actor's scope):
 *
 * - carriedOver: problems assigned by the decisions of earlier meetings (上次交办), and the
 *   other problems named on the previous meeting's agenda, that are not closed (销号) yet;
 * - lightItems: red and yellow projects, with the rules that set the light (or the override);
 * - overdueItems: problems open or in progress past their deadline;
 * - slipItems: milestones slipping past their baseline: not done, and the forecast (else
 *   planned) date, or today when that has passed, is later than the baseline date.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  type AgendaReason,
  lightOverrides,
  meetingAgendaItems,
  meetings,
  milestones,
  problems,
  projectLights,
  projects,
  reportingPeriods,
  ruleSets,
} from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { MeetingRow } from './get-meeting';

/** One reason found in the data, with the project it is about. */
export interface FoundReason {
  projectId: number;
  /** For ordering items that weigh the same. */
  projectCode: string;
  reason: AgendaReason;
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** A carried-over problem still open or in progress past its deadline: how many days, for its weight. */
function overdueBy(p: { status: string; deadline: string }, day: string): { daysOverdue?: number } {
  return (p.status === 'open' || p.status === 'in_progress') && p.deadline < day ? { daysOverdue: daysBetween(p.deadline, day) } : {};
}

/** Earlier than the meeting: by date, then by id on the same date. */
function earlierThan(m: Pick<MeetingRow, 'id' | 'meetingDate'>): SQL {
  return or(lt(meetings.meetingDate, m.meetingDate), and(eq(meetings.meetingDate, m.meetingDate), lt(meetings.id, m.id)))!;
}

/** A carried-over problem as both of its sources read it (the decision's own, the reasons'). */
const OPEN_PROBLEM_COLUMNS = {
  problemId: problems.id,
  projectId: problems.projectId,
  projectCode: projects.code,
  status: problems.status,
  deadline: problems.deadline,
};

/** Problems that come back on the agenda: assigned by earlier meetings' decisions or on the previous agenda, and not closed. */
export async function carriedOver(
  ex: Executor,
  m: MeetingRow,
  previous: MeetingRow | null,
  where: SQL | undefined,
  day: string,
): Promise<FoundReason[]> {
  const assigned = await ex
    .select({
      ...OPEN_PROBLEM_COLUMNS,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.meetingDate,
    })
    .from(meetingAgendaItems)
    .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
    .innerJoin(problems, eq(problems.id, meetingAgendaItems.decisionProblemId))
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(earlierThan(m), ne(problems.status, 'closed'), where))
    .orderBy(desc(meetings.meetingDate), desc(meetings.id));
  // The problems named by the reasons of the previous meeting's items.
  const onPrevious = previous
    ? await ex
        .select(OPEN_PROBLEM_COLUMNS)
        .from(problems)
        .innerJoin(projects, eq(projects.id, problems.projectId))
        .where(
          and(
            sql`${problems.id} IN (SELECT (r->>'problemId')::int FROM ${meetingAgendaItems}, jsonb_array_elements(${meetingAgendaItems.reasons}) AS r
              WHERE ${meetingAgendaItems.meetingId} = ${previous.id} AND r->>'problemId' IS NOT NULL)`,
            ne(problems.status, 'closed'),
            where,
          ),
        )
    : [];
  const out = new Map<number, FoundReason>();
  // The latest meeting that assigned it names the source (rows are newest first).
  for (const a of assigned) {
    if (out.has(a.problemId)) continue;
    out.set(a.problemId, {
      projectId: a.projectId,
      projectCode: a.projectCode,
      reason: {
        kind: 'carried_over',
        problemId: a.problemId,
        ...overdueBy(a, day),
        fromMeetingId: a.meetingId,
        fromMeetingTitle: a.meetingTitle,
        fromMeetingDate: a.meetingDate,
        assigned: true,
        status: a.status,
        deadline: a.deadline,
      },
    });
  }
  for (const p of onPrevious) {
    if (out.has(p.problemId) || !previous) continue;
    out.set(p.problemId, {
      projectId: p.projectId,
      projectCode: p.projectCode,
      reason: {
        kind: 'carried_over',
        problemId: p.problemId,
        ...overdueBy(p, day),
        fromMeetingId: previous.id,
        fromMeetingTitle: previous.title,
        fromMeetingDate: previous.meetingDate,
        assigned: false,
        status: p.status,
        deadline: p.deadline,
      },
    });
  }
  return [...out.values()];
}

/** Red and yellow projects (the override first, else the latest computed light) with the rules that set them. */
export async function lightItems(ex: Executor, where: SQL | undefined, day: string): Promise<FoundReason[]> {
  const [computed, overrides] = await Promise.all([
    ex
      .selectDistinctOn([projectLights.projectId], {
        projectId: projectLights.projectId,
        projectCode: projects.code,
        light: projectLights.light,
        reasons: projectLights.reasons,
        ruleSetName: ruleSets.name,
        ruleSetVersion: projectLights.ruleSetVersion,
      })
      .from(projectLights)
      .innerJoin(projects, eq(projects.id, projectLights.projectId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
      .innerJoin(ruleSets, eq(ruleSets.id, projectLights.ruleSetId))
      .where(where)
      .orderBy(projectLights.projectId, desc(reportingPeriods.endDate), desc(reportingPeriods.startDate)),
    ex
      .select({
        projectId: lightOverrides.projectId,
        projectCode: projects.code,
        light: lightOverrides.light,
        reason: lightOverrides.reason,
      })
      .from(lightOverrides)
      .innerJoin(projects, eq(projects.id, lightOverrides.projectId))
      .where(
        and(
          where,
          isNull(lightOverrides.clearedAt),
          sql`${lightOverrides.startsOn} <= ${day}::date`,
          sql`${lightOverrides.endsOn} >= ${day}::date`,
        ),
      ),
  ]);
  const overrideBy = new Map(overrides.map((o) => [o.projectId, o]));
  const computedBy = new Map(computed.map((c) => [c.projectId, c]));
  const ids = new Set([...computedBy.keys(), ...overrideBy.keys()]);
  const out: FoundReason[] = [];
  for (const id of ids) {
    const c = computedBy.get(id);
    const o = overrideBy.get(id);
    const effective: Light | undefined = o?.light ?? c?.light;
    if (effective !== 'red' && effective !== 'yellow') continue;
    out.push({
      projectId: id,
      projectCode: (c?.projectCode ?? o?.projectCode)!,
      reason: {
        kind: 'light',
        light: effective,
        reasons: c?.reasons ?? [],
        ruleSetName: c?.ruleSetName ?? null,
        ruleSetVersion: c?.ruleSetVersion ?? null,
        override: o ? { light: o.light, reason: o.reason } : null,
      },
    });
  }
  return out;
}

export async function overdueItems(ex: Executor, where: SQL | undefined, day: string): Promise<FoundReason[]> {
  const rows = await ex
    .select({
      problemId: problems.id,
      projectId: problems.projectId,
      projectCode: projects.code,
      deadline: problems.deadline,
      escalationLevel: problems.escalationLevel,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(where, inArray(problems.status, ['open', 'in_progress']), sql`${problems.deadline} < ${day}::date`))
    .orderBy(asc(problems.deadline), asc(problems.id));
  return rows.map((r) => ({
    projectId: r.projectId,
    projectCode: r.projectCode,
    reason: {
      kind: 'overdue_problem',
      problemId: r.problemId,
      deadline: r.deadline,
      daysOverdue: daysBetween(r.deadline, day),
      escalationLevel: r.escalationLevel,
    },
  }));
}

export async function slipItems(ex: Executor, where: SQL | undefined, day: string): Promise<FoundReason[]> {
  const rows = await ex
    .select({
      milestoneId: milestones.id,
      projectId: milestones.projectId,
      projectCode: projects.code,
      baseline: milestones.baselineDate,
      expected: sql<string>`coalesce(${milestones.forecastDate}, ${milestones.plannedDate})::text`,
    })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(
      and(
        where,
        isNull(milestones.actualDate),
        ne(milestones.status, 'done'),
        isNotNull(milestones.baselineDate),
        sql`greatest(coalesce(${milestones.forecastDate}, ${milestones.plannedDate}), ${day}::date) > ${milestones.baselineDate}`,
      ),
    )
    .orderBy(asc(projects.code), asc(milestones.sort), asc(milestones.id));
  return rows.map((r) => {
    const overdue = r.expected <= day;
    const expectedDate = overdue ? day : r.expected;
    return {
      projectId: r.projectId,
      projectCode: r.projectCode,
      reason: {
        kind: 'milestone_slip',
        milestoneId: r.milestoneId,
        baselineDate: r.baseline!,
        expectedDate,
        daysLate: daysBetween(r.baseline!, expectedDate),
        overdue,
      },
    };
  });
}
