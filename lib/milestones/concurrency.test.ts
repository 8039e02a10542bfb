/**
 * 200 conflicting updates of one milestone at once, all from the same version, through the
 * route the API and the offline retry use: exactly one is applied (200, one audit event, the
 * version moved by one), every other one is told it was too late (409 with the current row),
 * and none is a 5xx. PostgreSQL only: PGlite has one connection, so nothing runs concurrently.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { auditCount, buildWorld, milestoneRow, type World } from '@/lib/projects/test-world';
import { onPostgres, useTestDb } from '@/test/db';
import { patchMilestoneRoute } from './http';

const getDb = useTestDb();
let w: World;

beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildWorld();
});

describe.skipIf(!onPostgres)('200 concurrent conflicting milestone updates (PostgreSQL)', () => {
  it('one winner, 199 conflicts with the current row, one audit event, no 5xx', async () => {
    const before = await auditCount(getDb());
    const version = w.milestone.version;
    const attempts = Array.from({ length: 200 }, (_, i) =>
      patchMilestoneRoute.execute(
        w.actors.leadOwn,
        new Request(`http://localhost/api/milestones/${w.milestone.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version, status: 'in_progress', forecastDate: '2025-07-15', note: `第 ${i} 次` }),
        }),
        { id: String(w.milestone.id) },
      ),
    );
    const answers = await Promise.all(attempts);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);

    const winner = answers[statuses.indexOf(200)]!;
    const won = (await winner.json()) as { data: { version: number } };
    expect(won.data.version).toBe(version + 1);
    const loser = (await answers[statuses.indexOf(409)]!.json()) as { code: string; current?: { version: number } };
    expect(loser.code).toBe('CONFLICT');
    expect(loser.current?.version).toBe(version + 1);

    expect(await auditCount(getDb())).toBe(before + 1);
    expect((await milestoneRow(getDb(), w.milestone.id))?.version).toBe(version + 1);
  });
});
