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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['project.read', 'project.create', 'project.update', 'milestone.create', 'milestone.update', 'user.manage'],
  dispatch: ['project.read', 'project.create', 'project.update', 'milestone.create', 'milestone.update'],
  leader: ['project.read'],
  lead: ['project.read', 'milestone.update.own'],
  viewer: ['project.read'],
};

/** The project fields a permission check needs. */
export interface ProjectRef {
  countyId: number | null;
  projectLeadId: number | null;
}

export function hasPermission(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
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
  const own = `${permission}.own` as Permission;
  if (project && (PERMISSIONS as readonly string[]).includes(own) && hasPermission(actor, own)) {
    return project.projectLeadId === actor.id;
  }
  return false;
}
