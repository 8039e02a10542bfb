import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { problemComments, problems } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { escalateOverdueProblems } from '@/lib/problems/escalation';
import { useTestDb } from '@/test/db';
import { makeCategory, makeProject, makeUnit, makeUser } from '@/test/factories';
import { DEMO_AS_OF } from './demo';
import { DEMO_PROBLEMS, seedDemoProblems } from './demo-problems';

const getDb = useTestDb();
afterAll(() => setClockForTests(null));

async function context() {
  const category = await makeCategory();
  const projectIds = new Map<string, number>();
  const userIds = new Map<string, number>();
  const unitIds = new Map<string, number>();
  for (const d of DEMO_PROBLEMS) {
    if (!projectIds.has(d.project)) projectIds.set(d.project, (await makeProject({ code: d.project, categoryCode: category.code })).id);
    if (!unitIds.has(d.unit)) unitIds.set(d.unit, (await makeUnit({ nameZh: `单位-${d.unit}` })).id);
    for (const u of [d.leader, d.raisedBy, ...(d.comments ?? []).map((c) => c.by)]) {
      if (!userIds.has(u)) {
        const role = u.startsWith('leader') ? 'leader' : u === 'dispatch' ? 'dispatch' : 'lead';
        userIds.set(u, (await makeUser({ role, username: u })).id);
      }
    }
  }
  return { projectIds, userIds, unitIds };
}

describe('demo problems', () => {
  it('seed in every state and, as of DEMO_AS_OF, escalate one to the office and two to their leader', async () => {
    const db = getDb();
    const ctx = await context();
    await db.transaction((tx) => seedDemoProblems(tx, ctx));
    const rows = await db.select().from(problems).orderBy(asc(problems.id));
    expect(rows).toHaveLength(DEMO_PROBLEMS.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'in_progress', 'resolved', 'closed']));
    expect(rows.every((r) => r.escalationLevel === 0)).toBe(true);
    expect((await db.select().from(problemComments)).length).toBeGreaterThan(0);

    setClockForTests(new Date(`${DEMO_AS_OF}T04:00:00Z`));
    const changes = await escalateOverdueProblems(db);
    expect(changes.map((c) => c.to).sort()).toEqual([1, 1, 2]);
    expect(changes.find((c) => c.to === 2)?.daysOverdue).toBeGreaterThan(7);
    expect(
      changes
        .filter((c) => c.to === 1)
        .map((c) => c.daysOverdue)
        .sort(),
    ).toEqual([2, 5]);
  });
});
