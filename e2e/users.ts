import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The demo accounts (demo seed only). */
export const DEMO_PASSWORD = 'demo2025';
export const ROLES = {
  admin: 'admin',
  dispatch: 'dispatch',
  leader: 'leader',
  lead: 'lead',
  viewer: 'viewer',
  county: 'emin',
  department: 'zrj',
} as const;
export type RoleKey = keyof typeof ROLES;

export const storageState = (role: RoleKey) =>
  path.join(process.env.E2E_AUTH_DIR ?? path.join(process.cwd(), 'e2e', '.auth'), `${role}.json`);

/**
 * Waits until a list page shows the answer to its current URL: the URL changes at once when a
 * filter, sort or page is chosen, and the total and rows follow when the server has answered
 * (the list region is `aria-busy` meanwhile, app/_components/table/use-url-state.ts).
 */
export async function listSettled(page: Page): Promise<void> {
  await expect(page.locator('[data-list-region][aria-busy="true"]')).toHaveCount(0);
}

/**
 * Waits until React has hydrated the page just loaded (`<html data-hydrated>`,
 * app/_components/hydration-marker.tsx): text typed into a form before that can be merged with
 * the server's value when React takes the field over on a slow machine.
 */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 30_000 });
}
