import type { Role } from '@/db/schema';
import type { Actor } from './actor';

/**
 * The permission table, as data. Each role holds a permission either everywhere in its scope
 * (`ANY`) or only through a relation to the record (the project's lead, the record's responsible
 * leader, membership of its responsible unit). What a relation means for a kind of record is
 * said once, by the record's resource (lib/authz/resource.ts), which maps it to a Subject.
 * The UI calls can() to hide controls; the action and route wrappers call it to refuse.
 */
export const PERMISSIONS = [
  'project.read',
  'project.create',
  'project.update',
  'milestone.create',
  'milestone.update',
  'user.manage',
  // Reference data (units, categories, counties, leaders' titles): the administrator and the
  // dispatch office keep them (lib/reference).
  'reference.manage',
  // The reporting cycle.
  'period.open',
  'report.edit',
  'report.review',
  'report.reopen',
  'problem.create',
  'problem.update',
  'problem.progress',
  'problem.close',
  'problem.comment',
  // Plans, baselines and lights.
  'ruleset.edit',
  'plan.edit',
  'baseline.freeze',
  // The year's key-project list (年度重点项目计划): the prefecture dispatch office rolls a year over.
  'planYear.rollover',
  // The year's portfolio targets (年度目标): the prefecture dispatch office records their progress.
  'portfolioTarget.record',
  // The new-energy capacity connected before the year that the registry does not hold (年初前已并网装机).
  'capacityBaseline.record',
  'light.compute',
  'light.override',
  // Dispatch meetings: everyone who reads projects reads meetings (scoped rows); the dispatch
  // office prepares them, freezes the status table, writes the minutes and publishes.
  'meeting.read',
  'meeting.manage',
  // Everyone's own inbox: the notification's query shows a user only their own.
  'notification.read',
  // Approval procedures (手续联办): the office keeps a project's plan (applies a template, adds a
  // procedure, marks one 不涉及); the project lead prepares the application; the approving agency
  // (a department user of the procedure's unit) accepts, returns and approves.
  'procedure.plan',
  'procedure.prepare',
  'procedure.handle',
  // The working-day calendar's holidays and worked weekend days (节假日与调休).
  'calendar.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The relations an actor can have to a record:
 * - projectLead: the actor is the project lead (项目负责人) of the record's project;
 * - responsibleLeader: the actor is the record's responsible leader (包抓领导) — the project's
 *   for a project, a report or a light; the problem's own for a problem;
 * - unitMember: the actor belongs to the record's responsible unit (责任单位); for an approval
 *   procedure, its approving agency (审批部门).
 */
export const RELATIONS = ['projectLead', 'responsibleLeader', 'unitMember'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Everywhere in the actor's scope, whatever the actor's relation to the record. */
export const ANY = 'any';
export type Grant = typeof ANY | readonly Relation[];

export const ROLE_PERMISSIONS: Record<Role, Readonly<Partial<Record<Permission, Grant>>>> = {
  admin: {
    'project.read': ANY,
    'project.create': ANY,
    'project.update': ANY,
    'milestone.create': ANY,
    'milestone.update': ANY,
    'user.manage': ANY,
    'reference.manage': ANY,
    'ruleset.edit': ANY,
    'meeting.read': ANY,
    'notification.read': ANY,
    'calendar.manage': ANY,
  },
  dispatch: {
    'project.read': ANY,
    'project.create': ANY,
    'project.update': ANY,
    'milestone.create': ANY,
    'milestone.update': ANY,
    'reference.manage': ANY,
    'period.open': ANY,
    'report.review': ANY,
    'report.reopen': ANY,
    'problem.create': ANY,
    'problem.update': ANY,
    'problem.progress': ANY,
    'problem.close': ANY,
    'problem.comment': ANY,
    'plan.edit': ANY,
    'baseline.freeze': ANY,
    'planYear.rollover': ANY,
    'portfolioTarget.record': ANY,
    'capacityBaseline.record': ANY,
    'light.compute': ANY,
    'light.override': ANY,
    'meeting.read': ANY,
    'meeting.manage': ANY,
    'notification.read': ANY,
    // The office keeps every plan and may record an agency's step on its behalf.
    'procedure.plan': ANY,
    'procedure.prepare': ANY,
    'procedure.handle': ANY,
    'calendar.manage': ANY,
  },
  leader: {
    'project.read': ANY,
    'report.review': ['responsibleLeader'],
    'problem.create': ['projectLead', 'responsibleLeader'],
    // 销号 is the problem's responsible leader's call, not the project lead's.
    'problem.close': ['responsibleLeader'],
    'problem.comment': ANY,
    // The light is the leader's call, not the reporter's.
    'light.override': ['responsibleLeader'],
    'meeting.read': ANY,
    'notification.read': ANY,
  },
  lead: {
    'project.read': ANY,
    'milestone.update': ['projectLead'],
    'report.edit': ['projectLead'],
    'problem.create': ['projectLead', 'responsibleLeader'],
    'problem.progress': ['unitMember'],
    'problem.comment': ANY,
    'meeting.read': ANY,
    'notification.read': ANY,
    'procedure.prepare': ['projectLead'],
  },
  viewer: {
    'project.read': ANY,
    'meeting.read': ANY,
    'notification.read': ANY,
  },
  // 部门用户: reads the projects in its scope and works its own agency's procedures only.
  department: {
    'project.read': ANY,
    'notification.read': ANY,
    'procedure.handle': ['unitMember'],
  },
};

/**
 * What a permission check needs to know of a record: its county (scope) and the people and
 * unit the relations are read from. Resources build it from their rows.
 */
export interface Subject {
  /** The record's (responsible) county; null = a prefecture-level record. */
  countyId: number | null;
  /**
   * Every county the record's project touches (a project crossing counties is in the scope of
   * each); the responsible county is one of them.
   */
  countyIds?: readonly number[];
  /** A record shared by every scope (a reporting period, a rule set): county users see it too. */
  everyScope?: boolean;
  projectLeadId?: number | null;
  responsibleLeaderId?: number | null;
  responsibleUnitId?: number | null;
}

const same = (a: number | null | undefined, b: number | null | undefined) => a !== null && a !== undefined && a === b;

const RELATION_HOLDS: Record<Relation, (actor: Actor, s: Subject) => boolean> = {
  projectLead: (a, s) => same(s.projectLeadId, a.id),
  responsibleLeader: (a, s) => same(s.responsibleLeaderId, a.id),
  unitMember: (a, s) => same(s.responsibleUnitId, a.unitId),
};

export function grantOf(actor: Pick<Actor, 'role'>, permission: Permission): Grant | undefined {
  return ROLE_PERMISSIONS[actor.role]?.[permission];
}

/** The role holds the permission everywhere in its scope (no relation needed). */
export function hasPermission(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return grantOf(actor, permission) === ANY;
}

/** The role holds the permission in some form: everywhere, or through a relation to some records. */
export function mayEver(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return grantOf(actor, permission) !== undefined;
}

/** The relations the actor has to the record. */
export function relationsTo(actor: Actor, subject: Subject): Relation[] {
  return RELATIONS.filter((r) => RELATION_HOLDS[r](actor, subject));
}

/**
 * Whether the actor's scope covers the record (prefecture users see all; county users what
 * touches their county).
 */
export function inScope(actor: Pick<Actor, 'countyId'>, subject: Pick<Subject, 'countyId' | 'countyIds' | 'everyScope'>): boolean {
  if (actor.countyId === null || subject.everyScope === true || actor.countyId === subject.countyId) return true;
  return subject.countyIds?.includes(actor.countyId) ?? false;
}

/**
 * can(actor, 'milestone.update', subject): the role's grant of the permission, `ANY` or one of
 * the relations it names. A record outside the actor's scope is never allowed; without a
 * record only an `ANY` grant counts.
 */
export function can(actor: Actor, permission: Permission, subject?: Subject): boolean {
  const grant = grantOf(actor, permission);
  if (grant === undefined) return false;
  if (subject && !inScope(actor, subject)) return false;
  if (grant === ANY) return true;
  return subject !== undefined && grant.some((r) => RELATION_HOLDS[r](actor, subject));
}
