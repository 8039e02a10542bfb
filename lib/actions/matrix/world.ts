/**
 * The world of the authorization matrix (lib/actions/authorization-matrix.test.ts): built once per
 * file, committed; every case then runs inside a transaction that is rolled back, so the world is
 * the same for every case. What a case adds (the actor, the record) lives only in its transaction.
 */
import type { AnyPgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import type { Actor, Relation } from '@/lib/authz';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import {
  type County,
  type Category,
  makeCategory,
  makeCounty,
  makeProject,
  makeUnit,
  makeUser,
  type Project,
  type Unit,
  type User,
} from '@/test/factories';

export interface World {
  /** Where the records lie. */
  countyA: County;
  /** The county of the county-scoped actor who must not find county A's records. */
  countyB: County;
  category: Category;
  /** Every case's actor belongs to this unit; a record's responsible unit is it only for `unitMember`. */
  actorUnit: Unit;
  otherUnit: Unit;
  /** The people a record names when the relation is not the actor's. */
  others: { lead: User; leader: User; viewer: User };
  /** The active rule set (红黄绿灯 rules). */
  ruleSetId: number;
}

export async function buildWorld(db: Db): Promise<World> {
  const countyA = await makeCounty({}, db);
  const countyB = await makeCounty({}, db);
  const category = await makeCategory({}, db);
  const actorUnit = await makeUnit({ kind: 'responsible' }, db);
  const otherUnit = await makeUnit({ kind: 'responsible' }, db);
  const others = {
    lead: await makeUser({ role: 'lead', countyId: countyA.id, unitId: otherUnit.id }, db),
    leader: await makeUser({ role: 'leader' }, db),
    viewer: await makeUser({ role: 'viewer', countyId: countyA.id }, db),
  };
  const ruleSet = await ensureDefaultRuleSet(db);
  return { countyA, countyB, category, actorUnit, otherUnit, others, ruleSetId: ruleSet.id };
}

/**
 * What a case's actor is to the record: a relation of the permission table, or the person the
 * record is addressed to (a notification's recipient: it decides what the actor sees, not what
 * the table grants).
 */
export type Tie = Relation | 'recipient';

/** Who a record names: the actor where the case's tie holds, someone else of the world otherwise. */
export interface People {
  projectLeadId: number;
  responsibleLeaderId: number;
  responsibleUnitId: number;
  recipientId: number;
}

export function peopleFor(world: World, actor: Actor, held: readonly Tie[]): People {
  const has = (r: Tie) => held.includes(r);
  return {
    projectLeadId: has('projectLead') ? actor.id : world.others.lead.id,
    responsibleLeaderId: has('responsibleLeader') ? actor.id : world.others.leader.id,
    responsibleUnitId: has('unitMember') ? world.actorUnit.id : world.otherUnit.id,
    recipientId: has('recipient') ? actor.id : world.others.viewer.id,
  };
}

/** What a fixture gets: the case's transaction, the world, the actor and the people its record names. */
export interface CaseContext {
  tx: Tx;
  world: World;
  actor: Actor;
  people: People;
  /** The county the record lies in (county A). */
  countyId: number;
}

/** The row a refused call must leave as it was (besides every table's row count and the audit trail). */
export interface Target {
  table: AnyPgTable;
  id: number;
}

export interface Built {
  /** A valid input: the call succeeds when the actor is authorized. */
  input: Record<string, unknown>;
  target?: Target;
}

/**
 * How to call one action. `record` says what the action works on:
 * - absent: no record (a create, a period opening): only an ANY grant can pass;
 * - `relations`: the relations an actor can have to that kind of record, which `build` sets from
 *   `people` (the project's lead, its responsible leader and unit; a notification's recipient);
 * - `inCounty`: the record lies in a county, so a county-scoped actor of another county must not
 *   find it (false for what every scope shares: reporting periods, rule sets, user accounts);
 * - `visibleOnlyTo`: only an actor with that relation sees the record (otherwise NOT_FOUND).
 */
export interface Fixture {
  record?: {
    relations: readonly Tie[];
    inCounty: boolean;
    /** Only an actor with this tie sees the record at all (a notification: its recipient). */
    visibleOnlyTo?: Tie;
  };
  build: (c: CaseContext) => Promise<Built>;
}

const PROJECT_RELATIONS = ['projectLead', 'responsibleLeader', 'unitMember'] as const satisfies readonly Relation[];

/** An action on a project or on what belongs to one (its relations are the project's, unless the fixture says otherwise). */
export const onProjectRecord = (build: Fixture['build'], relations: readonly Tie[] = PROJECT_RELATIONS): Fixture => ({
  record: { relations, inCounty: true },
  build,
});
/** An action on a record of a county that no relation names (a meeting, a user). */
export const onCountyRecord = (build: Fixture['build']): Fixture => ({ record: { relations: [], inCounty: true }, build });
/** An action on a record every scope shares (a reporting period, a rule set, a user account). */
export const onSharedRecord = (build: Fixture['build']): Fixture => ({ record: { relations: [], inCounty: false }, build });
/** An action on a record addressed to one person, whom alone it is visible to (a notification). */
export const onOwnRecord = (build: Fixture['build']): Fixture => ({
  record: { relations: ['recipient'], inCounty: false, visibleOnlyTo: 'recipient' },
  build,
});
/** An action on no record. */
export const onNoRecord = (build: Fixture['build']): Fixture => ({ build });

/** A project in the record's county naming the case's people. */
export function caseProject(c: CaseContext, overrides: Partial<Parameters<typeof makeProject>[0]> = {}): Promise<Project> {
  return makeProject(
    {
      countyId: c.countyId,
      categoryCode: c.world.category.code,
      projectLeadId: c.people.projectLeadId,
      responsibleLeaderId: c.people.responsibleLeaderId,
      responsibleUnitId: c.people.responsibleUnitId,
      ...overrides,
    },
    c.tx,
  );
}

let n = 0;
/** A number no other case has used (unique codes, names and storage keys). */
export const unique = () => ++n;
