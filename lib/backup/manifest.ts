import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { MIGRATIONS_FOLDER } from '@/db/client';
import type { Query } from './checksums';
import { BackupError } from './errors';

/**
 * manifest.json, the first entry of every backup archive: what made it, when, from which
 * database and schema, and what it must give back (row counts and checksums of every table,
 * size and sha256 of every file). Restore reads it before it touches anything.
 */
export const MANIFEST_FORMAT = 1;
export const MANIFEST_NAME = 'manifest.json';
/** The database inside the archive. */
export const DUMP_NAMES = { postgresql: 'database/postgresql.dump', pglite: 'database/pglite-datadir.tar.gz' } as const;
/** The photo files inside the archive: files/photos/<storage key>[.thumb]. */
export const PHOTOS_PREFIX = 'files/photos/';

const checksum = z.object({ name: z.string(), kind: z.enum(['table', 'sequence']), rows: z.number().int(), checksum: z.string() });
const file = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  app: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['postgresql', 'pglite']),
    /** The server's version (SHOW server_version). */
    serverVersion: z.string(),
    /** PostgreSQL: the pg_dump that wrote the dump ("15.20"); pg_restore must be at least as new. */
    dumpToolVersion: z.string().optional(),
  }),
  schema: z.object({
    /** Migrations applied to the database (drizzle.__drizzle_migrations). */
    applied: z.number().int().nonnegative(),
    /** The last of them: its journal tag (e.g. 0006_report_photo_taken_at) and `when` (its id in the journal). */
    latestTag: z.string().nullable(),
    latestWhen: z.number().int().nullable(),
  }),
  tables: z.array(checksum),
  files: z.array(file),
  /** Things the operator should know (e.g. a photo row whose file was already missing). */
  warnings: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ArchivedFile = z.infer<typeof file>;

export function appInfo(): Manifest['app'] {
  try {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { name?: string; version?: string };
    return { name: pkg.name ?? 'key-project-dispatch', version: pkg.version ?? 'unknown' };
  } catch {
    return { name: 'key-project-dispatch', version: 'unknown' };
  }
}

interface JournalEntry {
  when: number;
  tag: string;
}

/** The committed migrations of this app (db/migrations/meta/_journal.json), in order. */
export function journal(folder: string = MIGRATIONS_FOLDER): JournalEntry[] {
  const raw = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return raw.entries.map((e) => ({ when: e.when, tag: e.tag }));
}

/** What the database says is applied: the count and the latest migration (by `created_at` = the journal's `when`). */
export async function appliedSchema(query: Query, folder: string = MIGRATIONS_FOLDER): Promise<Manifest['schema']> {
  const [present] = await query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!present?.present) return { applied: 0, latestTag: null, latestWhen: null };
  const rows = await query(`SELECT created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`);
  const whens = rows.map((r) => Number(r.created_at));
  const latestWhen = whens.length ? Math.max(...whens) : null;
  const tag = journal(folder).find((e) => e.when === latestWhen)?.tag ?? null;
  return { applied: whens.length, latestTag: tag, latestWhen };
}

/**
 * Refuses an archive whose schema this app does not know: its latest migration is not in this
 * app's journal, or it has more migrations applied than the journal holds. An older archive is
 * fine (restore applies the pending migrations).
 */
export function assertKnownSchema(manifest: Manifest, folder: string = MIGRATIONS_FOLDER): { pending: number } {
  const entries = journal(folder);
  const { applied, latestWhen, latestTag } = manifest.schema;
  // The hashes drizzle compares when it migrates; reading them here also checks the folder is whole.
  readMigrationFiles({ migrationsFolder: folder });
  const known = latestWhen === null || entries.some((e) => e.when === latestWhen);
  if (!known || applied > entries.length) {
    throw new BackupError(
      `This backup comes from a newer schema than this app knows: it has ${applied} migrations applied, the last one ` +
        `${latestTag ?? `with id ${latestWhen}`}, while this app (version ${appInfo().version}) has ${entries.length}, ` +
        `the last ${entries.at(-1)?.tag ?? 'none'}. Restore it with the app version that made it ` +
        `(${manifest.app.version}) or a newer one.`,
    );
  }
  return { pending: entries.length - applied };
}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${MANIFEST_NAME} in the archive is not valid JSON: the archive is damaged or not a backup of this app.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > MANIFEST_FORMAT) {
      throw new BackupError(
        `This backup has manifest format ${format}; this app reads format ${MANIFEST_FORMAT}. Use a newer app version.`,
      );
    }
    throw new BackupError(
      `${MANIFEST_NAME} in the archive is not a manifest this app understands (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
    );
  }
  return parsed.data;
}
