import 'server-only';

/**
 * The baseline freeze of a year (基线冻结): when and by whom. Prefecture-wide and not sensitive
 * (no project data), so it takes no actor.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { baselineFreezes, users } from '@/db/schema';

export interface BaselineFreezeView {
  year: number;
  frozenAt: Date;
  frozenByName: string | null;
  planCount: number;
  milestoneCount: number;
}

/** The year's freeze, or null when the year's baseline is not frozen yet. */
export async function getBaselineFreeze(year: number): Promise<BaselineFreezeView | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      year: baselineFreezes.year,
      frozenAt: baselineFreezes.frozenAt,
      frozenByName: users.displayName,
      planCount: baselineFreezes.planCount,
      milestoneCount: baselineFreezes.milestoneCount,
    })
    .from(baselineFreezes)
    .leftJoin(users, eq(users.id, baselineFreezes.frozenById))
    .where(eq(baselineFreezes.year, year))
    .limit(1);
  return row ?? null;
}
