/**
 * The authorization matrix, generated from the permission table: every action under lib/ (found
 * by importing the modules, not from a list) is called by every role, with every relation its
 * record can have (or none), as a prefecture-wide and as a county actor, and by a county actor of
 * another county. Each call is allowed or refused exactly as ROLE_PERMISSIONS says of the
 * action's meta.permission, and a refused call changes nothing (row counts of every table, the
 * audit trail, the target row). How to build each action's record and input is the one
 * hand-written part (lib/actions/matrix/fixtures*.ts); the machinery is lib/actions/matrix/harness.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@/db/schema';
import { PERMISSIONS } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { DUPLICATE_FIXTURES, FIXTURES } from './matrix/fixtures';
import { caseLabel, casesFor, discoverActions, grantedRelations, relationOnlyRoles, runCase } from './matrix/harness';
import { buildWorld, type World } from './matrix/world';

const getDb = useTestDb({ reset: 'file' });
const discovery = await discoverActions();
const names = [...discovery.actions.keys()].sort();

let world: World;
let casesRun = 0;
beforeAll(async () => {
  setClockForTests(new Date('2025-06-15T04:00:00Z')); // 2025-06-15 in Asia/Shanghai
  world = await buildWorld(getDb());
});
afterAll(() => {
  setClockForTests(null);
  console.info(`authorization matrix: ${names.length} actions, ${casesRun} cases`);
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
  const { action, modules } = discovery.actions.get(name)!;
  const { permission, load } = action.meta;
  const fixture = FIXTURES[name];

  it('has a fixture, a permission of the table, and loads the record it works on (meta.load)', () => {
    const problems: string[] = [];
    if (!fixture) problems.push(`no fixture for '${name}' (${modules.join(', ')}): add one in lib/actions/matrix/`);
    if (!(PERMISSIONS as readonly string[]).includes(permission)) problems.push(`permission '${permission}' is not in PERMISSIONS`);
    const relationOnly = relationOnlyRoles(permission);
    if (relationOnly.length && !load) {
      problems.push(`${relationOnly.join(', ')} hold ${permission} only through relations, but there is no meta.load: they can never pass`);
    }
    if (fixture?.record && !load) problems.push(`works on a record but has no meta.load: not moved onto the core (loads and checks by hand)`);
    if (fixture && !fixture.record && load) problems.push(`loads a record (meta.load) but its fixture says it works on none`);
    if (fixture?.record) {
      const missing = grantedRelations(permission).filter((r) => !fixture.record!.relations.includes(r));
      if (missing.length) problems.push(`the table grants ${permission} through ${missing.join(', ')}, which the fixture cannot set`);
    }
    expect(problems).toEqual([]);
  });

  if (!fixture) return;
  it.each(ROLES)('as %s: allowed or refused as the table says, and a refusal changes nothing', async (role) => {
    const failures: string[] = [];
    for (const c of casesFor(fixture, role)) {
      casesRun++;
      const problem = await runCase(getDb(), world, action, fixture, c);
      if (problem) failures.push(`${caseLabel(c)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});
