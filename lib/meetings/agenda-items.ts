import 'server-only';

// The agenda items of a meeting as its page and its minutes read them: each with its project, its
// problem and its decision (and the problem a decision assigned), only those the actor may see.

import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { type AgendaReason, meetingAgendaItems, milestones, problems, projects, units, users } from '@/db/schema';
import type { ProblemStatus } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import type { MeetingAgendaKind } from './constants';

export interface ProblemBrief {
  id: number;
  description: string;
  status: ProblemStatus;
  deadline: string;
  unitZh: string | null;
  unitEn: string | null;
  leaderName: string | null;
}

export interface AgendaItemView {
  id: number;
  kind: MeetingAgendaKind;
  sort: number;
  version: number;
  /** The office's own wording (custom items; optional on the others). */
  title: string | null;
  /** Why the item is on the agenda, most severe first. */
  reasons: AgendaReason[];
  project: { id: number; code: string; name: string; nameEn: string | null; countyId: number | null } | null;
  /** The problems the reasons name, in the order of the reasons. */
  problems: ProblemBrief[];
  /** The milestones the reasons name, in the order of the reasons. */
  milestones: { id: number; name: string; nameEn: string | null }[];
  decision: string | null;
  decidedAt: Date | null;
  decisionProblem: ProblemBrief | null;
}

const problemUnit = alias(units, 'agenda_problem_unit');
const problemLeader = alias(users, 'agenda_problem_leader');
const decisionProblem = alias(problems, 'agenda_decision_problem');
const decisionUnit = alias(units, 'agenda_decision_unit');
const decisionLeader = alias(users, 'agenda_decision_leader');

/** The agenda items of a meeting the actor may see (items of projects outside their scope are left out), in order. */
export async function agendaItems(db: Executor, actor: Pick<Actor, 'countyId'>, meetingId: number): Promise<AgendaItemView[]> {
  const rows = await db
    .select({
      item: meetingAgendaItems,
      project: { id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn, countyId: projects.countyId },
      decisionProblem: {
        id: decisionProblem.id,
        description: decisionProblem.description,
        status: decisionProblem.status,
        deadline: decisionProblem.deadline,
        unitZh: decisionUnit.nameZh,
        unitEn: decisionUnit.nameEn,
        leaderName: decisionLeader.displayName,
      },
    })
    .from(meetingAgendaItems)
    .leftJoin(projects, eq(projects.id, meetingAgendaItems.projectId))
    .leftJoin(decisionProblem, eq(decisionProblem.id, meetingAgendaItems.decisionProblemId))
    .leftJoin(decisionUnit, eq(decisionUnit.id, decisionProblem.responsibleUnitId))
    .leftJoin(decisionLeader, eq(decisionLeader.id, decisionProblem.responsibleLeaderId))
    .where(and(eq(meetingAgendaItems.meetingId, meetingId), agendaItemScope(actor)))
    .orderBy(asc(meetingAgendaItems.sort), asc(meetingAgendaItems.id));
  const problemIds = new Set<number>();
  const milestoneIds = new Set<number>();
  for (const { item } of rows)
    for (const r of item.reasons) {
      if (r.kind === 'overdue_problem' || r.kind === 'carried_over') problemIds.add(r.problemId);
      if (r.kind === 'milestone_slip') milestoneIds.add(r.milestoneId);
    }
  const [problemRows, milestoneRows] = await Promise.all([
    problemIds.size
      ? db
          .select({
            id: problems.id,
            description: problems.description,
            status: problems.status,
            deadline: problems.deadline,
            unitZh: problemUnit.nameZh,
            unitEn: problemUnit.nameEn,
            leaderName: problemLeader.displayName,
          })
          .from(problems)
          .leftJoin(problemUnit, eq(problemUnit.id, problems.responsibleUnitId))
          .leftJoin(problemLeader, eq(problemLeader.id, problems.responsibleLeaderId))
          .where(inArray(problems.id, [...problemIds]))
      : [],
    milestoneIds.size
      ? db
          .select({ id: milestones.id, name: milestones.name, nameEn: milestones.nameEn })
          .from(milestones)
          .where(inArray(milestones.id, [...milestoneIds]))
      : [],
  ]);
  const problemBy = new Map<number, ProblemBrief>(problemRows.map((p) => [p.id, p]));
  const milestoneBy = new Map(milestoneRows.map((x) => [x.id, x]));
  return rows.map(({ item, project, decisionProblem: dp }) => ({
    id: item.id,
    kind: item.kind,
    sort: item.sort,
    version: item.version,
    title: item.title,
    reasons: item.reasons,
    project: present<AgendaItemView['project']>(project),
    problems: item.reasons.flatMap((r) =>
      (r.kind === 'overdue_problem' || r.kind === 'carried_over') && problemBy.has(r.problemId) ? [problemBy.get(r.problemId)!] : [],
    ),
    milestones: item.reasons.flatMap((r) =>
      r.kind === 'milestone_slip' && milestoneBy.has(r.milestoneId) ? [milestoneBy.get(r.milestoneId)!] : [],
    ),
    decision: item.decision,
    decidedAt: item.decidedAt,
    decisionProblem: present<ProblemBrief>(dp),
  }));
}

/** A left-joined record: null when the join found nothing (its id is null). */
function present<T>(joined: { id: number | null } | null): T | null {
  return joined && joined.id !== null ? (joined as T) : null;
}

/** Agenda items the actor may see: items without a project, or of a project in their scope. */
export function agendaItemScope(actor: Pick<Actor, 'countyId'>): SQL | undefined {
  const scope = projectScope(actor);
  return scope ? or(isNull(meetingAgendaItems.projectId), scope) : undefined;
}
