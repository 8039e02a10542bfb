/**
 * The authorization matrix, generated from the permission table: every action under lib/ (found
 * by importing the modules, not from a list) is called by every role, with every relation its
 * record can have (or none), as a prefecture-wide and as a county actor, and by a county actor of
 * another county. Each call is allowed or refused exactly as ROLE_PERMISSIONS says of the
 * action's meta.permission, and a refused call changes nothing (row counts of every table, the
 * audit trail, the target row). How to build each action's record and input is the one
 * hand-written part (lib/actions/matrix/fixtures*.ts); the machinery is lib/actions/matrix/harness.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb as getAppDb } from '@/db/client';
import { milestones, ROLES } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { DUPLICATE_FIXTURES, FIXTURES } from './matrix/fixtures';
import { type Case, caseLabel, casesFor, coreProblems, discoverActions, type Outcome, runCase } from './matrix/harness';
import { buildWorld, type World } from './matrix/world';
import { type Action, createAction } from './wrapper';

const getDb = useTestDb({ reset: 'file' });
const discovery = await discoverActions();
const names = [...discovery.actions.keys()].sort();

let world: World;
const tally: Record<Outcome, number> = { ok: 0, FORBIDDEN: 0, NOT_FOUND: 0 };
beforeAll(async () => {
  setClockForTests(new Date('2025-06-15T04:00:00Z')); // 2025-06-15 in Asia/Shanghai
  world = await buildWorld(getDb());
});
afterAll(() => {
  setClockForTests(null);
  const cases = tally.ok + tally.FORBIDDEN + tally.NOT_FOUND;
  console.info(
    `authorization matrix: ${names.length} actions, ${cases} cases (${tally.ok} allowed, ${tally.FORBIDDEN} FORBIDDEN, ${tally.NOT_FOUND} NOT_FOUND expected)`,
  );
});

describe('authorization matrix: discovery', () => {
  it('finds the actions of every module under lib/', () => {
    expect(discovery.unreadable).toEqual([]);
    expect(discovery.duplicateNames).toEqual([]);
    expect(names.length).toBeGreaterThan(0);
  });

  it('has no fixture for an action that does not exist (renamed or removed)', () => {
    expect(Object.keys(FIXTURES).filter((name) => !discovery.actions.has(name))).toEqual([]);
    expect(DUPLICATE_FIXTURES).toEqual([]);
  });
});

describe.each(names)('%s', (name) => {
  const discovered = discovery.actions.get(name)!;
  const fixture = FIXTURES[name];

  it('has a fixture, a permission of the table, and loads the record it works on (meta.load)', () => {
    expect(coreProblems(discovered, fixture)).toEqual([]);
  });

  if (!fixture) return;
  it.each(ROLES)('as %s: allowed or refused as the table says, and a refusal changes nothing', async (role) => {
    const failures: string[] = [];
    for (const c of casesFor(fixture, role)) {
      const { expected, problem } = await runCase(getDb(), world, discovered.action, fixture, c);
      if (expected) tally[expected]++;
      if (problem) failures.push(`${caseLabel(c)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('authorization matrix: the harness catches what it is for', () => {
  const milestoneFixture = () => FIXTURES['milestone.update']!;
  const leadOfProject: Case = { role: 'lead', scope: 'county', held: ['projectLead'] };

  /** The permission of updateMilestone, checked without loading the milestone (by hand, off the core). */
  const handChecked = createAction({
    name: 'matrix.selftest.handChecked',
    schema: z.object({ id: z.number(), version: z.number(), status: z.string() }),
    permission: 'milestone.update',
    run: async () => ({}),
  });

  it('an action on a record without meta.load: reported, and the lead of the project is refused against the table', async () => {
    const d = { action: handChecked as Action<unknown>, modules: ['(this test)'] };
    expect(coreProblems(d, milestoneFixture())).toEqual([
      'lead hold milestone.update only through relations, but there is no meta.load: they can never pass',
      'works on a record but has no meta.load: not moved onto the core (loads and checks by hand)',
    ]);
    expect(coreProblems(d, undefined)[0]).toMatch(/^no fixture for 'matrix.selftest.handChecked'/);
    const { expected, problem } = await runCase(getDb(), world, d.action, milestoneFixture(), leadOfProject);
    expect(expected).toBe('ok');
    expect(problem).toMatch(/^expected ok, got FORBIDDEN/);
  });

  it('a refused call that changed the database', async () => {
    // Refuses as the table says (a viewer) but writes first: what a refusal must never do.
    const leaky = Object.assign(async () => ({ ok: false as const, code: 'FORBIDDEN' as const, message: '' }), {
      meta: { name: 'matrix.selftest.leaky', permission: 'milestone.update' as const },
      execute: async (_actor: unknown, input: unknown) => {
        const db = await getAppDb(); // the case's transaction
        await db
          .update(milestones)
          .set({ note: 'written by a refused call' })
          .where(eq(milestones.id, (input as { id: number }).id));
        return { ok: false as const, code: 'FORBIDDEN' as const, message: '' };
      },
    }) as unknown as Action<unknown>;
    const viewer: Case = { role: 'viewer', scope: 'prefecture', held: [] };
    const { expected, problem } = await runCase(getDb(), world, leaky, milestoneFixture(), viewer);
    expect(expected).toBe('FORBIDDEN');
    expect(problem).toMatch(/^refused \(FORBIDDEN\) but the database changed: .*written by a refused call/);
  });
});
