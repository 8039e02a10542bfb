/**
 * Vitest global setup: migrates once per test run, in the main process.
 *
 * - Without TEST_DATABASE_URL: builds one migrated in-memory PGlite database, dumps its data
 *   directory to a temporary file and hands the path to the workers (inject('pgliteTemplateFile')).
 *   Each test file then loads a private copy of it instead of running initdb and the migrations.
 * - With TEST_DATABASE_URL: applies the migrations to that database.
 *
 * This module must not import `vitest` at run time (it is loaded outside the test runner);
 * test/db.ts reuses its helpers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_FOLDER } from '../db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data directory dump (PGlite runs only). */
    pgliteTemplateFile?: string;
  }
}

/** Creates an in-memory PGlite database, migrates it and returns its data directory dump. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const template = new PGlite();
  try {
    await migrate(drizzle(template), { migrationsFolder: MIGRATIONS_FOLDER });
    return await template.dumpDataDir('none');
  } finally {
    await template.close();
  }
}

/** Tests truncate every table: refuse a database whose name does not say it is for tests. */
function assertTestDatabaseUrl(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) {
    throw new Error(
      `TEST_DATABASE_URL points at database "${name}". The tests empty every table; use a database whose name contains "test".`,
    );
  }
}

/** Applies the committed migrations to a PostgreSQL database. */
export async function migratePostgres(url: string): Promise<void> {
  assertTestDatabaseUrl(url);
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end({ timeout: 5 });
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await migratePostgres(url);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kpd-pglite-template-'));
  const file = path.join(dir, 'pgdata.tar');
  const dump = await buildPgliteTemplate();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplateFile', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
