import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from '@/db/client';
import type { Query } from './checksums';
import { BackupError } from './errors';
import { exists } from './files';

/**
 * The embedded database's side: its data directory as PGlite's own dump (`dumpDataDir`, a
 * tarball of the directory, what `loadDataDir` reads back). Only one process may open a PGlite
 * directory, and PGlite does not stop a second one: a backup or restore therefore refuses while
 * the directory is open, which PGlite marks with `postmaster.pid` (written when it opens,
 * removed when it closes). So the app must be stopped for both.
 */

export const queryOf =
  (pg: PGlite): Query =>
  async (text) =>
    (await pg.query<Record<string, unknown>>(text)).rows;

/** Refuses a data directory that a process has open (or that was left open by a crash). */
export async function assertClosed(dir: string): Promise<void> {
  if (await exists(path.join(dir, 'postmaster.pid'))) {
    throw new BackupError(
      `The embedded database in ${dir} is in use (postmaster.pid is there): stop the app first. PGlite may be opened by one ` +
        `process only, and a copy taken while the app writes would not be consistent. If the app is not running, it did not ` +
        `stop cleanly: start it once and stop it (Ctrl+C), then try again.`,
    );
  }
}

/** Opens an existing data directory (never creates one: a typo must not back up a new empty database). */
export async function openDataDir(dir: string): Promise<PGlite> {
  if (!(await exists(path.join(dir, 'PG_VERSION')))) {
    throw new BackupError(`There is no embedded database in ${dir} (no PG_VERSION). Set PGLITE_DATA_DIR to the app's data directory.`);
  }
  await assertClosed(dir);
  return PGlite.create(dir);
}

/** The data directory dump, gzip-compressed. */
export async function dumpDataDir(pg: PGlite): Promise<Buffer> {
  const blob = await pg.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}

/** Creates the database in `dir` (new, empty) from a dump file. */
export async function loadDataDir(dir: string, dumpFile: string): Promise<PGlite> {
  const bytes = await readFile(dumpFile);
  try {
    return await PGlite.create({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' }) });
  } catch (err) {
    throw new BackupError(`The embedded database in the backup does not load: ${(err as Error).message}`);
  }
}

export async function serverVersion(pg: PGlite): Promise<string> {
  const [row] = (await pg.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows;
  return row?.v ?? 'unknown';
}

export async function migratePglite(pg: PGlite): Promise<void> {
  await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_FOLDER });
}
