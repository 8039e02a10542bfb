/**
 * The proposed agenda (议程建议), computed from the data at the moment the office asks for it:
 *
 * 1. carried over (上次交办): problems assigned by the decisions of earlier meetings, and the
 *    other problems on the previous meeting's agenda, that are not closed (销号) yet;
 * 2. red, then yellow projects, with the rules that set the light (or the override);
 * 3. overdue problems (open or in progress past their deadline) not already carried over;
 * 4. milestones slipping past their baseline: not done, and the forecast (else planned) date,
 *    or today when that has passed, is later than the baseline date.
 *
 * Everything is limited to the meeting's projects (category, county, leader) and the actor's
 * scope. Items already on the agenda are not proposed twice. Runs in the caller's transaction.
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
import { type Actor, projectScope } from '@/lib/authz';
import type { MeetingAgendaKind } from './constants';
import type { MeetingRow } from './get-meeting';
import { meetingProjectScope } from './scope';

export interface ProposedItem {
  kind: Exclude<MeetingAgendaKind, 'custom'>;
  projectId: number;
  problemId: number | null;
  milestoneId: number | null;
  reason: AgendaReason;
  /** For ordering within a group. */
  projectCode: string;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Earlier than the meeting: by date, then by id on the same date. */
function earlierThan(m: Pick<MeetingRow, 'id' | 'meetingDate'>): SQL {
  return or(lt(meetings.meetingDate, m.meetingDate), and(eq(meetings.meetingDate, m.meetingDate), lt(meetings.id, m.id)))!;
}

/** Problems that come back on the agenda: assigned by earlier meetings' decisions or on the previous agenda, and not closed. */
async function carriedOver(ex: Executor, m: MeetingRow, previous: MeetingRow | null, where: SQL | undefined): Promise<ProposedItem[]> {
  const assigned = await ex
    .select({
      problemId: problems.id,
      projectId: problems.projectId,
      projectCode: projects.code,
      status: problems.status,
      deadline: problems.deadline,
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
  const onPrevious = previous
    ? await ex
        .select({
          problemId: problems.id,
          projectId: problems.projectId,
          projectCode: projects.code,
          status: problems.status,
          deadline: problems.deadline,
        })
        .from(meetingAgendaItems)
        .innerJoin(problems, eq(problems.id, meetingAgendaItems.problemId))
        .innerJoin(projects, eq(projects.id, problems.projectId))
        .where(and(eq(meetingAgendaItems.meetingId, previous.id), ne(problems.status, 'closed'), where))
    : [];
  const out = new Map<number, ProposedItem>();
  // The latest meeting that assigned it names the source (rows are newest first).
  for (const a of assigned) {
    if (out.has(a.problemId)) continue;
    out.set(a.problemId, {
      kind: 'carried_over',
      projectId: a.projectId,
      problemId: a.problemId,
      milestoneId: null,
      projectCode: a.projectCode,
      reason: {
        kind: 'carried_over',
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
      kind: 'carried_over',
      projectId: p.projectId,
      problemId: p.problemId,
      milestoneId: null,
      projectCode: p.projectCode,
      reason: {
        kind: 'carried_over',
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
async function lightItems(ex: Executor, where: SQL | undefined, day: string): Promise<ProposedItem[]> {
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
  const out: ProposedItem[] = [];
  for (const id of ids) {
    const c = computedBy.get(id);
    const o = overrideBy.get(id);
    const effective: Light | undefined = o?.light ?? c?.light;
    if (effective !== 'red' && effective !== 'yellow') continue;
    out.push({
      kind: 'light',
      projectId: id,
      problemId: null,
      milestoneId: null,
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

async function overdueItems(ex: Executor, where: SQL | undefined, day: string): Promise<ProposedItem[]> {
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
    kind: 'overdue_problem',
    projectId: r.projectId,
    problemId: r.problemId,
    milestoneId: null,
    projectCode: r.projectCode,
    reason: {
      kind: 'overdue_problem',
      deadline: r.deadline,
      daysOverdue: daysBetween(r.deadline, day),
      escalationLevel: r.escalationLevel,
    },
  }));
}

async function slipItems(ex: Executor, where: SQL | undefined, day: string): Promise<ProposedItem[]> {
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
      kind: 'milestone_slip',
      projectId: r.projectId,
      problemId: null,
      milestoneId: r.milestoneId,
      projectCode: r.projectCode,
      reason: {
        kind: 'milestone_slip',
        baselineDate: r.baseline!,
        expectedDate,
        daysLate: daysBetween(r.baseline!, expectedDate),
        overdue,
      },
    };
  });
}

const GROUP_ORDER = (i: ProposedItem): number => {
  if (i.kind === 'carried_over') return 0;
  if (i.kind === 'light') return i.reason.kind === 'light' && i.reason.light === 'red' ? 1 : 2;
  if (i.kind === 'overdue_problem') return 3;
  return 4;
};

/** The proposed items for the meeting, in agenda order, without those already on its agenda. */
export async function proposeAgendaItems(
  ex: Executor,
  actor: Pick<Actor, 'countyId'>,
  m: MeetingRow,
  previous: MeetingRow | null,
  day: string,
): Promise<ProposedItem[]> {
  const where = and(meetingProjectScope(m), projectScope(actor));
  const [carried, lights, overdue, slips, existing] = await Promise.all([
    carriedOver(ex, m, previous, where),
    lightItems(ex, where, day),
    overdueItems(ex, where, day),
    slipItems(ex, where, day),
    ex
      .select({
        kind: meetingAgendaItems.kind,
        projectId: meetingAgendaItems.projectId,
        problemId: meetingAgendaItems.problemId,
        milestoneId: meetingAgendaItems.milestoneId,
      })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, m.id)),
  ]);
  const carriedIds = new Set(carried.map((c) => c.problemId));
  const haveProblem = new Set(existing.flatMap((e) => (e.problemId !== null ? [e.problemId] : [])));
  const haveMilestone = new Set(existing.flatMap((e) => (e.milestoneId !== null ? [e.milestoneId] : [])));
  const haveLight = new Set(existing.flatMap((e) => (e.kind === 'light' && e.projectId !== null ? [e.projectId] : [])));
  const all = [...carried, ...lights, ...overdue.filter((o) => !carriedIds.has(o.problemId)), ...slips].filter((i) => {
    if (i.problemId !== null) return !haveProblem.has(i.problemId);
    if (i.milestoneId !== null) return !haveMilestone.has(i.milestoneId);
    return !haveLight.has(i.projectId);
  });
  // Stable within a group: the query order (deadline for problems, code for the rest).
  return all
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        GROUP_ORDER(a.item) - GROUP_ORDER(b.item) ||
        (a.item.kind === 'light' ? a.item.projectCode.localeCompare(b.item.projectCode) : 0) ||
        a.index - b.index,
    )
    .map((x) => x.item);
}
