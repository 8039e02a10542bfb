import path from 'node:path';

/** The demo accounts (demo seed only). */
export const DEMO_PASSWORD = 'demo2025';
export const ROLES = {
  admin: 'admin',
  dispatch: 'dispatch',
  leader: 'leader',
  lead: 'lead',
  viewer: 'viewer',
  county: 'emin',
} as const;
export type RoleKey = keyof typeof ROLES;

export const storageState = (role: RoleKey) =>
  path.join(process.env.E2E_AUTH_DIR ?? path.join(process.cwd(), 'e2e', '.auth'), `${role}.json`);
