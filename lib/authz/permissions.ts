import type { Role } from '@/db/schema';
import type { Actor } from './actor';

/**
 * The permission table. `.own` permissions apply only to projects where the actor is the
 * project lead. The UI calls can() to hide controls; the action wrapper calls it to refuse.
 */
export const PERMISSIONS = [
  'project.read',
  'project.create',
  'project.update',
  'milestone.create',
  'milestone.update',
  'milestone.update.own',
  'user.manage',
  // The reporting cycle (issue 3).
  'period.open',
  'report.edit.own',
  'report.review',
  'report.review.own',
  'report.reopen',
  'problem.create',
  'problem.create.own',
  'problem.update',
  'problem.progress',
  'problem.progress.unit',
  'problem.close',
  'problem.close.own',
  'problem.comment',
  // Plans, baselines and lights (issue 4).
  'ruleset.edit',
  'plan.edit',
  'baseline.freeze',
  'light.compute',
  'light.override',
  'light.override.own',
  // Dispatch meetings (issue 5): everyone who reads projects reads meetings (scoped rows); the
  // dispatch office prepares them, freezes the status table, writes the minutes and publishes.
  'meeting.read',
  'meeting.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Suffixes: `.own` — the actor is the project lead or the responsible leader of the record;
 * `.unit` — the actor belongs to the record's responsible unit.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['project.read', 'project.create', 'project.update', 'milestone.create', 'milestone.update', 'user.manage', 'ruleset.edit', 'meeting.read'],
  dispatch: [
    'project.read',
    'project.create',
    'project.update',
    'milestone.create',
    'milestone.update',
    'period.open',
    'report.review',
    'report.reopen',
    'problem.create',
    'problem.update',
    'problem.progress',
    'problem.close',
    'problem.comment',
    'plan.edit',
    'baseline.freeze',
    'light.compute',
    'light.override',
    'meeting.read',
    'meeting.manage',
  ],
  leader: ['project.read', 'report.review.own', 'problem.create.own', 'problem.close.own', 'problem.comment', 'light.override.own', 'meeting.read'],
  lead: [
    'project.read',
    'milestone.update.own',
    'report.edit.own',
    'problem.create.own',
    'problem.progress.unit',
    'problem.comment',
    'meeting.read',
  ],
  viewer: ['project.read', 'meeting.read'],
};

/** The project fields a permission check needs. */
export interface ProjectRef {
  countyId: number | null;
  projectLeadId: number | null;
  /** The responsible leader (包抓领导) of the project, or of the problem when checking a problem. */
  responsibleLeaderId?: number | null;
  /** The responsible unit (责任单位) of the record (a problem's unit when checking a problem). */
  responsibleUnitId?: number | null;
}

export function hasPermission(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role]?.includes(permission) ?? false;
}

/** Whether the actor's scope covers the project (prefecture users see all; county users their county). */
export function inScope(actor: Pick<Actor, 'countyId'>, project: Pick<ProjectRef, 'countyId'>): boolean {
  return actor.countyId === null || actor.countyId === project.countyId;
}

/**
 * can(actor, 'milestone.update', project): the general permission, or the `.own` variant when
 * the actor leads this project. A project outside the actor's scope is never allowed.
 */
export function can(actor: Actor, permission: Permission, project?: ProjectRef): boolean {
  if (project && !inScope(actor, project)) return false;
  if (hasPermission(actor, permission)) return true;
  if (!project) return false;
  const own = `${permission}.own` as Permission;
  if ((PERMISSIONS as readonly string[]).includes(own) && hasPermission(actor, own)) {
    if (project.projectLeadId === actor.id || (project.responsibleLeaderId ?? null) === actor.id) return true;
  }
  const unit = `${permission}.unit` as Permission;
  if ((PERMISSIONS as readonly string[]).includes(unit) && hasPermission(actor, unit)) {
    if (actor.unitId !== null && (project.responsibleUnitId ?? null) === actor.unitId) return true;
  }
  return false;
}
