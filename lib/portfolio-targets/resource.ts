/**
 * A portfolio target (年度目标) as a record that actions load: the prefecture's, shared by every
 * scope; who may record its progress is the action's business (prefecture dispatch office).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { portfolioTargets } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';

export type PortfolioTargetRecord = typeof portfolioTargets.$inferSelect;

async function read(db: Executor, id: number, lock: boolean): Promise<PortfolioTargetRecord | null> {
  const q = db.select().from(portfolioTargets).where(eq(portfolioTargets.id, id)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export const portfolioTargetResource = defineResource<PortfolioTargetRecord>({
  entity: 'portfolio_target',
  load: (db, _actor, id, lock) => read(db, id, lock),
  subject: () => ({ countyId: null, everyScope: true }),
  version: (r) => r.version,
  id: (r) => r.id,
  current: async (db, id) => {
    const row = await read(db, id, false);
    return row ? { ...row } : null;
  },
});
