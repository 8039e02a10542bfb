import 'server-only';

/**
 * The plan year a portfolio page shows (registry, dashboard, lights, meetings, exports): the
 * years a selector offers are every year with a key-project list and the current year, newest
 * first; a URL year outside them falls back to the current year. A past year is history: its
 * figures are taken at its last day (yearDay), and nothing of it may be written (guard.ts).
 */
import { desc } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { planYears } from '@/db/schema';
import { currentPlanYear } from './guard';

/** The years with a list (one small read per request). */
const listedYears = cache(async (): Promise<number[]> => {
  const db = await getDb();
  const rows = await db.select({ year: planYears.year }).from(planYears).orderBy(desc(planYears.year));
  return rows.map((r) => r.year);
});

/** The years a selector offers, newest first: every year with a list and the current year (and `chosen`, when given). */
export async function offeredYears(chosen?: number | null): Promise<number[]> {
  const years = new Set([...(await listedYears()), currentPlanYear()]);
  if (chosen != null) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

/** The year to show for the URL's `raw` year: it when offered, else the current year. */
export async function pickYear(raw: number | null | undefined): Promise<number> {
  const current = currentPlanYear();
  if (raw == null || raw === current) return current;
  return (await listedYears()).includes(raw) ? raw : current;
}

/** Whether the year has a key-project list. */
export async function yearHasList(year: number): Promise<boolean> {
  return (await listedYears()).includes(year);
}
