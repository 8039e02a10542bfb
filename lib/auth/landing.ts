import type { Role } from '@/db/schema/enums';

/**
 * Where a role starts after signing in without a destination, and where `/` sends it: each
 * role at its work. A project lead (项目负责人) fills reports, milestones and problems, which
 * "my work" (我的工作, /inbox) gathers; leaders, the dispatch office, viewers and the
 * administrator open the leadership dashboard (领导驾驶舱).
 */
export const LANDING_PATHS: Readonly<Record<Role, string>> = {
  admin: '/dashboard',
  dispatch: '/dashboard',
  leader: '/dashboard',
  lead: '/inbox',
  viewer: '/dashboard',
  // 部门用户: the procedures waiting on their agency.
  department: '/procedures',
};

/** The role's landing page; an unknown role (an old session, a hand-made value) gets the dashboard. */
export function landingPath(role: unknown): string {
  return typeof role === 'string' && Object.hasOwn(LANDING_PATHS, role) ? LANDING_PATHS[role as Role] : '/dashboard';
}
