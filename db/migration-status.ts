import { sql } from 'drizzle-orm';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import { type Executor, MIGRATIONS_FOLDER } from './client';
import { rowsOf } from './rows';

/**
 * Whether a database has exactly the committed migrations (db/migrations/meta/_journal.json)
 * applied, as drizzle's migrator records them in drizzle.__drizzle_migrations: one row per
 * migration, `created_at` = the journal entry's `when`, `hash` = sha256 of its SQL file.
 *
 * - current:  every committed migration is applied, unchanged, and nothing else is
 * - pending:  some committed migrations are not applied yet (`npm run db:migrate`)
 * - mismatch: the database has a migration the journal does not know (a newer release migrated
 *             it), or one whose SQL file changed after it was applied
 */
export type MigrationState = 'current' | 'pending' | 'mismatch';

export interface MigrationStatus {
  state: MigrationState;
  /** Committed migrations in the journal. */
  expected: number;
  /** Migrations recorded as applied in the database. */
  applied: number;
  /** Committed migrations that are not applied. */
  pending: number;
}

let committed: MigrationMeta[] | undefined;

/** The journal's migrations, read and hashed once per process (the folder does not change while it runs). */
function committedMigrations(folder: string): MigrationMeta[] {
  if (folder !== MIGRATIONS_FOLDER) return readMigrationFiles({ migrationsFolder: folder });
  committed ??= readMigrationFiles({ migrationsFolder: folder });
  return committed;
}

export async function migrationStatus(db: Executor, migrationsFolder: string = MIGRATIONS_FOLDER): Promise<MigrationStatus> {
  const expected = committedMigrations(migrationsFolder);
  const [table] = await rowsOf<{ present: boolean }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  const applied = table?.present
    ? await rowsOf<{ hash: string; created_at: string | number }>(db, sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations`)
    : [];
  const appliedHash = new Map(applied.map((row) => [Number(row.created_at), row.hash]));
  const known = new Set(expected.map((m) => m.folderMillis));

  const pending = expected.filter((m) => !appliedHash.has(m.folderMillis)).length;
  const changed = expected.some((m) => appliedHash.has(m.folderMillis) && appliedHash.get(m.folderMillis) !== m.hash);
  const unknown = applied.some((row) => !known.has(Number(row.created_at)));
  const state: MigrationState = changed || unknown ? 'mismatch' : pending > 0 ? 'pending' : 'current';
  return { state, expected: expected.length, applied: applied.length, pending };
}
