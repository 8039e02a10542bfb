/**
 * The machinery of the authorization matrix (lib/actions/authorization-matrix.test.ts):
 * - discovery: every module under lib/ is imported and every createAction result it exports is
 *   kept (no list of actions anywhere);
 * - the cases: for every role, every relation the record can have (or none), as a prefecture-wide
 *   and as a county actor of the record's county, plus a county actor of another county;
 * - the expectation, from ROLE_PERMISSIONS and the action's meta.permission only;
 * - one case: built and run inside a transaction that is rolled back, with a snapshot of the
 *   database (every table's row count, the last audit event, the target row) before and after a
 *   call that must be refused.
 */
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { type Db, setDbForTests, type Tx } from '@/db/client';
import type { Role } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import type { Action } from '@/lib/actions/wrapper';
import { isAction } from '@/lib/actions/wrapper';
import { type Actor, ANY, type Permission, PERMISSIONS, type Relation, relationsTo, ROLE_PERMISSIONS } from '@/lib/authz';
import { keyOf, type LoadSpec, type ResourceKey } from '@/lib/authz/resource';
import { isRoute } from '@/lib/http/route';
import { actorOf, makeUser } from '@/test/factories';
import { type Fixture, peopleFor, type Target, type Tie, type World } from './world';

// ── Discovery ───────────────────────────────────────────────────────────────────────────

export interface Discovered {
  action: Action<unknown>;
  /** The modules that export it (a module may re-export another's). */
  modules: string[];
}

export interface Discovery {
  /** By meta.name. */
  actions: Map<string, Discovered>;
  /** Two different actions under one name (the fixtures are keyed by name). */
  duplicateNames: string[];
  /** Modules that mention createAction but could not be imported here: their actions would go untested. */
  unreadable: { module: string; error: string }[];
}

export async function discoverActions(): Promise<Discovery> {
  // Every module under lib/ but the tests and this matrix's own (the patterns must be literals).
  const modules = import.meta.glob(['/lib/**/*.ts', '!/lib/**/*.test.ts', '!/lib/actions/matrix/**']);
  const sources = import.meta.glob(['/lib/**/*.ts', '!/lib/**/*.test.ts', '!/lib/actions/matrix/**'], { query: '?raw', import: 'default' });
  const actions = new Map<string, Discovered>();
  const duplicateNames = new Set<string>();
  const unreadable: Discovery['unreadable'] = [];
  for (const [module, load] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    let exports: Record<string, unknown>;
    try {
      exports = (await load()) as Record<string, unknown>;
    } catch (err) {
      const source = String(await sources[module]!());
      if (/\bcreateAction\b/.test(source)) unreadable.push({ module, error: String(err).slice(0, 300) });
      continue;
    }
    for (const value of Object.values(exports)) {
      // withRoute's handlers have execute and meta too: they are routes, not actions.
      if (!isAction(value) || isRoute(value)) continue;
      const found = actions.get(value.meta.name);
      if (!found) actions.set(value.meta.name, { action: value, modules: [module] });
      else if (found.action !== value) duplicateNames.add(value.meta.name);
      else if (!found.modules.includes(module)) found.modules.push(module);
    }
  }
  return { actions, duplicateNames: [...duplicateNames], unreadable };
}

// ── Cases and expectations ──────────────────────────────────────────────────────────────

/** prefecture: countyId null; county: the record's county; otherCounty: a county that is not the record's. */
export type Scope = 'prefecture' | 'county' | 'otherCounty';

export interface Case {
  role: Role;
  scope: Scope;
  /** The relations (ties) the actor has to the record (none: an empty list). */
  held: readonly Tie[];
}

export const caseLabel = (c: Case) => `${c.role} ${c.scope} ${c.held.length ? c.held.join('+') : 'no relation'}`;

export function casesFor(fixture: Fixture, role: Role): Case[] {
  if (!fixture.record) return [{ role, scope: 'prefecture', held: [] }];
  const relations = fixture.record.relations;
  const out: Case[] = [];
  for (const scope of ['prefecture', 'county'] as const) {
    out.push({ role, scope, held: [] });
    for (const r of relations) out.push({ role, scope, held: [r] });
  }
  // Another county's record stays hidden even from someone who has every relation to it.
  if (fixture.record.inCounty) out.push({ role, scope: 'otherCounty', held: relations });
  return out;
}

export type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * Whether the actor sees the record, as the fixture says of its kind: not in another county
 * (for a record that lies in one), and only with `visibleOnlyTo` where the kind says so (a
 * notification: its recipient). Not the resource's answer: the matrix checks the resource.
 */
export function visibleIn(fixture: Fixture, c: Case): boolean {
  if (c.scope === 'otherCounty') return false;
  const only = fixture.record?.visibleOnlyTo;
  return only === undefined || c.held.includes(only);
}

/**
 * What the permission table says of this case: a record the actor cannot see → NOT_FOUND,
 * whatever the role; no grant at all → FORBIDDEN; the grant covers it (ANY, or a relation the
 * actor has) → ok; otherwise FORBIDDEN.
 */
export function expectedOutcome(permission: Permission, c: Case, visible: boolean): Outcome {
  const grant = ROLE_PERMISSIONS[c.role][permission];
  if (!visible) return 'NOT_FOUND';
  if (grant === undefined) return 'FORBIDDEN';
  if (grant === ANY || grant.some((r) => c.held.includes(r))) return 'ok';
  return 'FORBIDDEN';
}

/** Roles that hold the permission only through relations (they can pass only on a loaded record). */
function relationOnlyRoles(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => Array.isArray(ROLE_PERMISSIONS[role][permission]));
}

/** The relations the table names for this permission, over all roles. */
function grantedRelations(permission: Permission): Relation[] {
  const all = Object.values(ROLE_PERMISSIONS).flatMap((grants) => {
    const g = grants[permission];
    return Array.isArray(g) ? g : [];
  });
  return [...new Set(all)];
}

/**
 * What keeps the matrix from testing the action as the core means it: no fixture; a permission
 * the table does not know; a relation-only grant without meta.load (that role could never pass);
 * a record the action works on but does not load (checked by hand, not moved onto the core).
 */
export function coreProblems(d: Discovered, fixture: Fixture | undefined): string[] {
  const { name, permission, load } = d.action.meta;
  const problems: string[] = [];
  if (!fixture) problems.push(`no fixture for '${name}' (${d.modules.join(', ')}): add one in lib/actions/matrix/`);
  if (!(PERMISSIONS as readonly string[]).includes(permission)) problems.push(`permission '${permission}' is not in PERMISSIONS`);
  const relationOnly = relationOnlyRoles(permission);
  if (relationOnly.length && !load) {
    problems.push(`${relationOnly.join(', ')} hold ${permission} only through relations, but there is no meta.load: they can never pass`);
  }
  if (fixture?.record && !load) problems.push('works on a record but has no meta.load: not moved onto the core (loads and checks by hand)');
  if (fixture && !fixture.record && load) problems.push('loads a record (meta.load) but its fixture says it works on none');
  if (fixture?.record) {
    const missing = grantedRelations(permission).filter((r) => !fixture.record!.relations.includes(r));
    if (missing.length) problems.push(`the table grants ${permission} through ${missing.join(', ')}, which the fixture cannot set`);
  }
  return problems;
}

// ── The database snapshot ───────────────────────────────────────────────────────────────

async function rows<T>(ex: Db | Tx, query: SQL): Promise<T[]> {
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const res = (await ex.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

let countsQuery: Promise<SQL> | undefined;

/** One statement: the row count of every table of the schema and the last audit event's id. */
function buildCountsQuery(tx: Tx): Promise<SQL> {
  countsQuery ??= rows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  ).then((tables) => {
    if (tables.length < 10) throw new Error(`snapshot: only ${tables.length} tables found`);
    const columns = tables.map((t) => sql`(select count(*)::int from ${sql.identifier(t.name)}) as ${sql.identifier(t.name)}`);
    return sql`select ${sql.join(columns, sql`, `)}, (select max(id)::text from audit_events) as last_audit_event`;
  });
  return countsQuery;
}

/** Inside the case's transaction only (on PGlite, a statement on the database itself would wait for good). */
export async function snapshot(tx: Tx, target?: Target) {
  const [counts] = await rows<Record<string, unknown>>(tx, await buildCountsQuery(tx));
  const [row] = target
    ? await rows<{ row: unknown }>(
        tx,
        sql`select to_jsonb(t) as row from ${sql.identifier(getTableName(target.table))} t where t.id = ${target.id}`,
      )
    : [];
  return { counts, target: row?.row ?? null };
}

// ── One case ────────────────────────────────────────────────────────────────────────────

const ROLLBACK = new Error('rollback the case');

const describeResult = (res: ActionResult<unknown>) =>
  res.ok ? 'ok' : `${res.code} (${res.message}${res.fieldErrors ? ` ${JSON.stringify(res.fieldErrors)}` : ''})`;

/** Runs one case: what the table expects, and what went wrong (null: it went as the table says). */
export async function runCase(
  db: Db,
  world: World,
  action: Action<unknown>,
  fixture: Fixture,
  c: Case,
): Promise<{ expected: Outcome | null; problem: string | null }> {
  let expected: Outcome | null = null;
  let problem: string | null = null;
  try {
    await db.transaction(async (tx) => {
      // Everything the action does runs in this transaction (its own becomes a savepoint).
      setDbForTests(tx as unknown as Db);
      const countyId = c.scope === 'prefecture' ? null : c.scope === 'county' ? world.countyA.id : world.countyB.id;
      const actor = actorOf(await makeUser({ role: c.role, countyId, unitId: world.actorUnit.id }, tx));
      const built = await fixture.build({ tx, world, actor, people: peopleFor(world, actor, c.held), countyId: world.countyA.id });
      // A prefecture-only action refuses every county actor before it reads anything (the wrapper).
      expected =
        action.meta.prefectureOnly && c.scope !== 'prefecture'
          ? 'FORBIDDEN'
          : expectedOutcome(action.meta.permission, c, visibleIn(fixture, c));
      const seen = await seenBy(tx, action, actor, built.input);
      const before = expected === 'ok' ? null : await snapshot(tx, built.target);
      const res = await action.execute(actor, built.input);
      const got = res.ok ? 'ok' : res.code;
      const hint = seen
        ? `; its resource ${seen.visible ? `shows it, with relations [${seen.relations.join(', ')}]` : 'does not show it'}`
        : '';
      if (got !== expected) problem = `expected ${expected}, got ${describeResult(res)}${hint}`;
      else if (before) {
        const after = await snapshot(tx, built.target);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          problem = `refused (${got}) but the database changed: ${JSON.stringify(diffSnapshots(before, after))}`;
        }
      }
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) problem = `the case could not run: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    setDbForTests(db);
  }
  return { expected, problem };
}

/** What the action's own resource makes of the record for this actor (for the failure message). */
async function seenBy(tx: Tx, action: Action<unknown>, actor: Actor, input: Record<string, unknown>) {
  const spec = action.meta.load as LoadSpec<Record<string, unknown>, unknown, ResourceKey> | undefined;
  if (!spec) return null;
  const key = keyOf(spec, input);
  const record = key !== null ? await spec.resource.load(tx, actor, key, false) : null;
  return { visible: record !== null, relations: record !== null ? relationsTo(actor, spec.resource.subject(record)) : [] };
}

function diffSnapshots(a: Awaited<ReturnType<typeof snapshot>>, b: Awaited<ReturnType<typeof snapshot>>) {
  const counts = Object.keys(b.counts ?? {}).filter((k) => a.counts?.[k] !== b.counts?.[k]);
  return {
    ...Object.fromEntries(counts.map((k) => [k, `${a.counts?.[k]} → ${b.counts?.[k]}`])),
    ...(JSON.stringify(a.target) !== JSON.stringify(b.target) ? { target: { before: a.target, after: b.target } } : {}),
  };
}
