/**
 * Reads of the capacity baseline (年初前已并网装机): the year's, with who recorded it. The
 * baseline is the prefecture's: only a prefecture-wide view adds it (lib/dashboard/capacity.ts).
 */
import { eq } from 'drizzle-orm';
import { type Executor, getDb } from '@/db/client';
import { capacityBaselines, users } from '@/db/schema';

export interface CapacityBaseline {
  year: number;
  /** 万千瓦, as numeric text ('350.00'). */
  amount: string;
  source: string;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

/** The baseline before `year`, or null when the office has not entered one. */
export async function readCapacityBaseline(db: Executor, year: number): Promise<CapacityBaseline | null> {
  const [row] = await db
    .select({
      year: capacityBaselines.year,
      amount: capacityBaselines.amount,
      source: capacityBaselines.source,
      version: capacityBaselines.version,
      updatedAt: capacityBaselines.updatedAt,
      updatedBy: users.displayName,
    })
    .from(capacityBaselines)
    .leftJoin(users, eq(users.id, capacityBaselines.updatedById))
    .where(eq(capacityBaselines.year, year))
    .limit(1);
  return row ?? null;
}

/** readCapacityBaseline on the app's database (the targets page). */
export async function getCapacityBaseline(year: number): Promise<CapacityBaseline | null> {
  return readCapacityBaseline(await getDb(), year);
}
