import { isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/rows';
import { capacityBaselines, milestones } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { DEMO_CAPACITY_BASELINE } from './demo';
import { seed } from './seed';

/** The capacity baseline is never a fact: the facts seed leaves it unset; the demo set's is marked as demo data. */
const getDb = useTestDb();

describe('the capacity baseline and batch capacities in the seed', () => {
  it('the facts-only seed enters no baseline and no batch capacity', async () => {
    const db = getDb();
    await seed(db, { demo: false });
    expect(await db.select().from(capacityBaselines)).toEqual([]);
    expect(await db.select().from(milestones).where(isNotNull(milestones.capacity))).toEqual([]);
  });

  it('the demo set holds an illustrative baseline saying so, and batches that add up to each project’s capacity', async () => {
    const db = getDb();
    await seed(db, { demo: true });
    const [b] = await db.select().from(capacityBaselines);
    expect(b).toMatchObject({ year: DEMO_CAPACITY_BASELINE.year, amount: '420.00' });
    expect(b?.source).toContain('示例数据');
    const rows = await rowsOf<{ code: string; capacity: string; batches: string }>(
      db,
      sql`SELECT p.code, p.capacity::text, sum(m.capacity)::text AS batches FROM milestones m JOIN projects p ON p.id = m.project_id
        WHERE m.capacity IS NOT NULL GROUP BY p.code, p.capacity`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.batches), r.code).toBe(Number(r.capacity));
  }, 120_000);
});
