/**
 * Writing a year's key-project list: the plan year and its projects. Shared by the rollover
 * action (lib/plan-years/rollover.ts) and the seed; it is not an action and records no audit
 * event, so it lives outside the action module.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { planYearProjects, planYears } from '@/db/schema';
import type { PlanYearJoin } from '@/db/schema/enums';
import { AppError } from '@/lib/errors';

/** A project of the next year's list: how it joined, and that year's responsible leader where it differs. */
export interface ListEntry {
  projectId: number;
  joinedAs: PlanYearJoin;
  responsibleLeaderId?: number | null;
}

/**
 * Writes the year's list: the plan year (open, made from `fromYear` if given) and its projects.
 * Shared by the rollover and the seed; no audit event (the caller records it).
 */
export async function writeYearList(
  tx: Tx,
  opts: { year: number; fromYear: number | null; entries: readonly ListEntry[]; actorId: number | null; at: Date },
): Promise<{ id: number; version: number }> {
  const [created] = await tx
    .insert(planYears)
    .values({
      year: opts.year,
      state: 'open',
      createdFromYear: opts.fromYear,
      createdById: opts.actorId,
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .onConflictDoNothing({ target: planYears.year })
    .returning({ id: planYears.id, version: planYears.version });
  if (!created)
    throw new AppError('CONFLICT', 'year exists', { messageKey: 'lights.years.errors.yearExists', messageValues: { year: opts.year } });
  if (opts.entries.length) {
    await tx.insert(planYearProjects).values(
      opts.entries.map((e) => ({
        year: opts.year,
        projectId: e.projectId,
        joinedAs: e.joinedAs,
        responsibleLeaderId: e.responsibleLeaderId ?? null,
        createdAt: opts.at,
      })),
    );
  }
  return created;
}

/**
 * A project entered into the registry while the year's list is open joins that list (增补,
 * joined as new), so a key project added mid-year is counted with the year's; a closed or
 * missing list is left alone. Returns the year joined, or null.
 */
export async function joinOpenYearList(tx: Tx, projectId: number, year: number, at: Date): Promise<number | null> {
  const [list] = await tx.select({ state: planYears.state }).from(planYears).where(eq(planYears.year, year)).limit(1);
  if (list?.state !== 'open') return null;
  await tx.insert(planYearProjects).values({ year, projectId, joinedAs: 'new', createdAt: at }).onConflictDoNothing();
  return year;
}
