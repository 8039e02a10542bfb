import 'server-only';
/**
 * Reads of the portfolio targets (年度目标): the targets of a year with their progress and who
 * recorded it, and the year the dashboard shows (the latest year with targets up to the
 * current one). The targets are the prefecture's; every prefecture-wide reader sees them.
 */
import { asc, desc, eq, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { portfolioTargets, users } from '@/db/schema';
import { targetProgress, type TargetProgress } from './progress';

export type PortfolioTargetRow = typeof portfolioTargets.$inferSelect & { updatedBy: string | null; progress: TargetProgress };

export async function listPortfolioTargets(year: number): Promise<PortfolioTargetRow[]> {
  const db = await getDb();
  const rows = await db
    .select({ target: portfolioTargets, updatedBy: users.displayName })
    .from(portfolioTargets)
    .leftJoin(users, eq(users.id, portfolioTargets.updatedById))
    .where(eq(portfolioTargets.year, year))
    .orderBy(asc(portfolioTargets.sort), asc(portfolioTargets.id));
  return rows.map((r) => ({ ...r.target, updatedBy: r.updatedBy, progress: targetProgress(r.target) }));
}

/** The latest year that has targets, up to `upTo` (null: none). */
export async function latestTargetYear(upTo: number): Promise<number | null> {
  const db = await getDb();
  const [row] = await db
    .select({ year: portfolioTargets.year })
    .from(portfolioTargets)
    .where(lte(portfolioTargets.year, upTo))
    .orderBy(desc(portfolioTargets.year))
    .limit(1);
  return row?.year ?? null;
}
