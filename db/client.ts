import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { preparing } from './prepared';
import * as schema from './schema';

/**
 * The one database handle. With DATABASE_URL: postgres.js against that server (migrate and
 * seed with `npm run db:migrate` / `npm run db:seed`). Without it: embedded PGlite in a data
 * directory inside the project, migrated when opened (the server seeds it on its first start).
 *
 * Both drivers expose the same drizzle query API; the PGlite handle is typed as the
 * postgres.js one so the rest of the code has one type to work with.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or a transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

type Holder = { db?: Promise<Db>; close?: () => Promise<void> };
const globalHolder = globalThis as unknown as { __kpdDb?: Holder };
const holder: Holder = (globalHolder.__kpdDb ??= {});

export function embeddedDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

async function openPostgres(url: string): Promise<Db> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // JIT off for this application's sessions (a startup parameter, so every pooled connection
    // has it): its statements are short OLTP reads/writes and aggregates of a few tens of ms,
    // and a cost estimate past jit_above_cost made PostgreSQL spend 1.2–1.4 s compiling a 50 ms
    // dashboard query (docs/benchmarks.md, "The dashboard"). Compiling never pays off here.
    connection: { jit: 'off' },
  });
  holder.close = async () => client.end({ timeout: 5 });
  // Named prepared statements (db/prepared.ts), unless the server sits behind a pooler that
  // cannot keep them (PgBouncer in transaction mode): DATABASE_PREPARE=0.
  return drizzle(process.env.DATABASE_PREPARE === '0' ? client : preparing(client), { schema });
}

async function openEmbedded(): Promise<Db> {
  const dir = embeddedDataDir();
  mkdirSync(path.dirname(dir), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // Seeding is not the client's job (db/ never imports lib/, which the seed uses): the server
  // seeds an empty embedded database when it starts (instrumentation.ts), `npm run db:seed` too.
  holder.close = async () => client.close();
  return db as unknown as Db;
}

/** Returns the process-wide database handle, opening (and for PGlite, migrating) it once. */
export function getDb(): Promise<Db> {
  if (!holder.db) {
    const url = process.env.DATABASE_URL;
    holder.db = url ? openPostgres(url) : openEmbedded();
    holder.db.catch(() => {
      holder.db = undefined;
    });
  }
  return holder.db;
}

/** Tests inject their own database (an in-memory PGlite clone or a scratch PostgreSQL database). */
export function setDbForTests(db: Db | undefined): void {
  holder.db = db ? Promise.resolve(db) : undefined;
}

export async function closeDb(): Promise<void> {
  const close = holder.close;
  holder.db = undefined;
  holder.close = undefined;
  if (close) await close();
}
