/**
 * Test databases.
 *
 * Without TEST_DATABASE_URL every test file gets its own in-memory PGlite database, a copy of
 * one migrated template (built once per run by test/global-setup.ts, or once per process if
 * the global setup did not run). With TEST_DATABASE_URL (a database whose name contains
 * "test") every file uses that server, which is migrated once; files then run one at a time
 * (vitest.config.ts) and each file starts from empty tables. `onPostgres` tells which one runs
 * (concurrency tests need PostgreSQL: PGlite is a single connection).
 *
 *   const getTestDb = useTestDb();          // top of the test file
 *   it('...', async () => {
 *     const db = getTestDb();               // also what getDb() returns inside the code under test
 *     const user = await makeUser({ role: 'dispatch' });
 *   });
 *
 * By default every table is emptied before each test (seed in beforeEach); with
 * useTestDb({ reset: 'file' }) the data lives for the whole file (seed in beforeAll).
 */
import { readFile } from 'node:fs/promises';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { setDbForTests, type Db } from '@/db/client';
import { preparing } from '@/db/prepared';
import * as schema from '@/db/schema';
import { buildPgliteTemplate, migratePostgres } from './global-setup';

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

/** True when the suite runs against real PostgreSQL (concurrency tests need it: PGlite has one connection). */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let templateDump: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  templateDump ??= (async () => {
    const file = inject('pgliteTemplateFile');
    return file ? new Blob([await readFile(file)]) : buildPgliteTemplate();
  })();
  templateDump.catch(() => {
    templateDump = undefined;
  });
  return templateDump;
}

let migrated: Promise<void> | undefined;

function migrateOnce(url: string): Promise<void> {
  migrated ??= migratePostgres(url);
  migrated.catch(() => {
    migrated = undefined;
  });
  return migrated;
}

/**
 * A migrated database with empty tables, for one test file (or one test). Call close() when done.
 * PGlite: a private in-memory copy of the template. PostgreSQL: a new connection pool (10
 * connections) to the one TEST_DATABASE_URL database, every table emptied, so a second call
 * empties the database the first one returned.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await migrateOnce(url);
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, { max: 10, onnotice: () => {} });
    // The same statement handling as the app's client (db/client.ts): named prepared statements.
    const db = drizzle(preparing(client), { schema });
    try {
      await resetTestDb(db);
    } catch (err) {
      await client.end({ timeout: 5 });
      throw err;
    }
    return { db, close: () => client.end({ timeout: 5 }) };
  }
  const [{ PGlite }, { drizzle }, dump] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    pgliteTemplate(),
  ]);
  // What template.clone() does, minus dumping the template again for every copy.
  const client = await PGlite.create({ loadDataDir: dump });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, close: () => client.close() };
}

const resetStatements = new WeakMap<Db, Promise<string[]>>();

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

async function buildResetStatements(db: Db): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`select format('%I.%I', n.nspname, c.relname) as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          order by 1`,
    )
  ).map((t) => t.name);
  if (tables.length === 0) return [];
  const foreignKeys = await rows<{ child: string; parent: string }>(
    db,
    sql`select format('%I.%I', cn.nspname, c.relname) as child, format('%I.%I', pn.nspname, p.relname) as parent
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
        join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
        where k.contype = 'f' and cn.nspname = 'public'`,
  );
  // User triggers that fire on DELETE or TRUNCATE (audit_events refuses both) are switched
  // off for the reset only; ALTER TABLE is transactional, so they are back on whatever happens.
  const triggers = await rows<{ tbl: string; trg: string }>(
    db,
    sql`select format('%I.%I', n.nspname, c.relname) as tbl, quote_ident(t.tgname) as trg
        from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal and t.tgenabled <> 'D'
          and (t.tgtype & (8 | 32)) <> 0`,
  );
  // DELETE in foreign-key order is several times faster than TRUNCATE on small tables (TRUNCATE
  // creates new files for every table and index); TRUNCATE only if the references form a cycle.
  const order = deleteOrder(tables, foreignKeys);
  const empty = order ? order.map((t) => `DELETE FROM ${t}`) : [`TRUNCATE TABLE ${tables.join(', ')} RESTART IDENTITY CASCADE`];
  return [
    ...triggers.map((t) => `ALTER TABLE ${t.tbl} DISABLE TRIGGER ${t.trg}`),
    ...empty,
    ...triggers.map((t) => `ALTER TABLE ${t.tbl} ENABLE TRIGGER ${t.trg}`),
    // Ids start again from 1 (setval is cheap; ALTER SEQUENCE ... RESTART is not).
    `SELECT setval(s.seqrelid, s.seqstart, false) FROM pg_sequence s
       JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'`,
  ];
}

/** Tables ordered so that every table comes after the tables that reference it; null on a cycle. */
function deleteOrder(tables: string[], foreignKeys: { child: string; parent: string }[]): string[] | null {
  const referencedBy = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of foreignKeys) {
    if (child !== parent) referencedBy.get(parent)?.add(child);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...(referencedBy.get(t) ?? [])].every((c) => done.has(c)));
    if (ready.length === 0) return null;
    for (const t of ready) {
      done.add(t);
      order.push(t);
    }
  }
  return order;
}

function isPGlite(client: unknown): client is { exec(query: string): Promise<unknown> } {
  return (
    typeof client === 'object' && client !== null && 'dumpDataDir' in client && typeof (client as { exec?: unknown }).exec === 'function'
  );
}

/** Empties every application table (schema public) and restarts its id sequences. */
export async function resetTestDb(db: Db): Promise<void> {
  let statements = resetStatements.get(db);
  if (!statements) {
    statements = buildResetStatements(db);
    statements.catch(() => resetStatements.delete(db));
    resetStatements.set(db, statements);
  }
  const list = await statements;
  if (list.length === 0) return;
  const client = (db as unknown as { $client: unknown }).$client;
  if (isPGlite(client)) {
    // One round trip through the simple-query protocol: PGlite pays per statement.
    try {
      await client.exec(['BEGIN', ...list, 'COMMIT'].join(';\n'));
    } catch (err) {
      await client.exec('ROLLBACK').catch(() => {});
      throw err;
    }
    return;
  }
  await db.transaction(async (tx) => {
    for (const statement of list) await tx.execute(sql.raw(statement));
  });
}

let active: Db | undefined;

/**
 * The database of the current useTestDb() file (the factories write there). Throws outside
 * one, so test data never lands in the development database that getDb() would open.
 */
export function activeTestDb(): Db {
  if (!active) throw new Error('No test database: call useTestDb() in this file, or pass a db to the factory');
  return active;
}

/**
 * Registers hooks that give this test file a database and make getDb() return it.
 * Returns an accessor, usable inside tests and hooks (not at collection time).
 */
export function useTestDb(options: { reset?: 'test' | 'file' } = {}): () => Db {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb();
    active = current.db;
    setDbForTests(current.db);
  });
  if ((options.reset ?? 'test') === 'test') {
    beforeEach(async () => {
      if (current) await resetTestDb(current.db);
    });
  }
  afterAll(async () => {
    setDbForTests(undefined);
    active = undefined;
    const c = current;
    current = undefined;
    await c?.close();
  });
  return () => {
    if (!current) throw new Error('useTestDb(): the database exists only inside tests and hooks of this file');
    return current.db;
  };
}
