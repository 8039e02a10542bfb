import { copyFile, chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import { compareChecksums, databaseChecksums, type Query } from './checksums';
import { BackupError } from './errors';
import { exists, hashFile, listFiles, sibling, swapIn } from './files';
import {
  appliedSchema,
  assertKnownSchema,
  DUMP_NAMES,
  journal,
  type Manifest,
  MANIFEST_NAME,
  parseManifest,
  PHOTOS_PREFIX,
} from './manifest';
import { assertClosed, loadDataDir, migratePglite, queryOf } from './pglite';
import { migratePostgres, openSession, restoreDatabase, targetContents } from './postgres';

/**
 * `npm run restore -- FILE [--force]`. In order, and nothing is changed before step 5:
 *
 *  1. unpack the archive into a temporary folder (only the entries a backup has);
 *  2. read the manifest; refuse an archive of the other database kind, or from a newer schema
 *     than this app's migrations know;
 *  3. check every file against the manifest's size and sha256 (a damaged archive stops here);
 *  4. refuse a target that is not empty (the database, or PHOTO_DIR) unless --force;
 *  5. restore the database (PostgreSQL: pg_restore in one transaction, with --force dropping
 *     what the dump holds first; PGlite: a new data directory beside the target) and compare
 *     every table's row count and checksum, and every sequence, with the manifest;
 *  6. restore the photo files (into a folder beside PHOTO_DIR, checked again, then renamed into place);
 *  7. apply the migrations this app has and the backup did not.
 *
 * With --force the embedded data directory and PHOTO_DIR that are replaced are kept beside the
 * new ones (`<dir>.replaced-<time>`), never deleted.
 */

export type RestoreTarget = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dir: string };

export interface RestoreOptions {
  file: string;
  target: RestoreTarget;
  photoDir: string;
  force?: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  tables: number;
  rows: number;
  files: number;
  migrationsApplied: number;
  /** Folders kept aside by --force. */
  replaced: string[];
  /** Relations in the target that the backup does not have (left by --force on PostgreSQL). */
  extra: string[];
}

const ENTRY = /^(manifest\.json|database\/(postgresql\.dump|pglite-datadir\.tar\.gz)|files\/photos\/[0-9a-f]{32}(\.thumb)?)$/;
const DIRECTORY = /^(database|files|files\/photos)\/?$/;

async function unpack(file: string, into: string): Promise<void> {
  const refused: string[] = [];
  try {
    await tar.x({
      file,
      cwd: into,
      strict: true,
      filter: (p) => {
        const ok = ENTRY.test(p) || DIRECTORY.test(p);
        if (!ok) refused.push(p);
        return ok;
      },
    });
  } catch (err) {
    throw new BackupError(`${file} is not a backup archive of this app, or it is damaged (${(err as Error).message}).`);
  }
  if (refused.length) throw new BackupError(`${file} holds entries a backup never has (${refused.slice(0, 3).join(', ')}): not restored.`);
}

async function verifyFiles(dir: string, manifest: Manifest): Promise<void> {
  const listed = new Set(manifest.files.map((f) => f.path));
  const present = (await listFiles(dir)).filter((p) => p !== MANIFEST_NAME);
  const unlisted = present.filter((p) => !listed.has(p));
  if (unlisted.length)
    throw new BackupError(`The archive holds files its manifest does not list (${unlisted.slice(0, 3).join(', ')}): not restored.`);
  for (const f of manifest.files) {
    const file = path.join(dir, f.path);
    if (!(await exists(file)))
      throw new BackupError(`The archive lacks ${f.path}, which its manifest lists: it is incomplete. Nothing was restored.`);
    const { sha256, bytes } = await hashFile(file);
    if (sha256 !== f.sha256 || bytes !== f.bytes)
      throw new BackupError(`${f.path} in the archive is damaged (its checksum differs from the manifest's). Nothing was restored.`);
  }
}

async function checkedChecksums(query: Query, manifest: Manifest): Promise<string[]> {
  await query('BEGIN');
  let actual;
  try {
    actual = await databaseChecksums(query);
  } finally {
    await query('COMMIT').catch(() => {});
  }
  const { problems, extra } = compareChecksums(manifest.tables, actual);
  if (problems.length) {
    throw new BackupError(`The restored database does not match the backup:\n  ${problems.join('\n  ')}`);
  }
  return extra;
}

/** Copies the archived photos into a new folder beside PHOTO_DIR and checks them again. */
async function stagePhotos(from: string, manifest: Manifest, photoDir: string, stamp: string): Promise<{ staging: string; count: number }> {
  const staging = sibling(photoDir, 'restoring', stamp);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  let count = 0;
  for (const f of manifest.files) {
    if (!f.path.startsWith(PHOTOS_PREFIX)) continue;
    const target = path.join(staging, f.path.slice(PHOTOS_PREFIX.length));
    await copyFile(path.join(from, f.path), target);
    await chmod(target, 0o600);
    if ((await hashFile(target)).sha256 !== f.sha256) throw new BackupError(`Copying ${f.path} into ${staging} failed (checksum differs).`);
    count++;
  }
  return { staging, count };
}

function stampOf(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const file = path.resolve(options.file);
  if (!(await exists(file))) throw new BackupError(`${file} does not exist.`);
  const photoDir = path.resolve(options.photoDir);
  const stamp = stampOf(new Date());
  const work = await mkdtemp(path.join(os.tmpdir(), 'kpd-restore-'));
  const cleanup: string[] = [work];
  try {
    // 1–3: the archive, before anything else is touched.
    log(`reading ${file} ...`);
    await unpack(file, work);
    if (!(await exists(path.join(work, MANIFEST_NAME))))
      throw new BackupError(`${file} has no ${MANIFEST_NAME}: it is not a backup of this app.`);
    const manifest = parseManifest(await readFile(path.join(work, MANIFEST_NAME), 'utf8'));
    const kind = options.target.kind;
    if (manifest.database.kind !== kind) {
      throw new BackupError(
        manifest.database.kind === 'pglite'
          ? 'This backup holds the embedded (PGlite) database: restore it with DATABASE_URL unset.'
          : 'This backup holds a PostgreSQL database: restore it with DATABASE_URL set to an empty PostgreSQL database.',
      );
    }
    const { pending } = assertKnownSchema(manifest);
    await verifyFiles(work, manifest);
    const dump = path.join(work, DUMP_NAMES[kind]);
    log(
      `backup of ${manifest.createdAt} (app ${manifest.app.version}, ${manifest.schema.applied} migrations, ${manifest.tables.length} tables and sequences, ${manifest.files.length - 1} photo files): intact`,
    );

    // 4: the target must be empty, unless --force.
    const existingPhotos = await listFiles(photoDir);
    const refuse = (what: string) =>
      new BackupError(
        `${what}. Restore into an empty target, or add --force to replace it${kind === 'pglite' ? ' (what it replaces is kept beside it)' : ''}.`,
      );
    let pgSession: Awaited<ReturnType<typeof openSession>> | undefined;
    let clean = false;
    if (options.target.kind === 'postgresql') {
      pgSession = await openSession(options.target.url);
      const contents = await targetContents(pgSession.query);
      if (contents.relations > 0 && !options.force) {
        await pgSession.close();
        throw refuse(`The target database is not empty (${contents.relations} tables and sequences, ${contents.rows} rows)`);
      }
      clean = contents.relations > 0;
    } else {
      const dir = path.resolve(options.target.dir);
      if (await exists(dir)) await assertClosed(dir);
      if ((await exists(path.join(dir, 'PG_VERSION'))) && !options.force) throw refuse(`There is an embedded database in ${dir} already`);
    }
    if (existingPhotos.length && !options.force) {
      await pgSession?.close();
      throw refuse(`PHOTO_DIR (${photoDir}) holds ${existingPhotos.length} files already`);
    }

    // 5: the database.
    const replaced: string[] = [];
    let extra: string[] = [];
    let pg: PGlite | undefined;
    let pgliteStaging: string | undefined;
    try {
      if (options.target.kind === 'postgresql') {
        const session = pgSession!;
        try {
          log('restoring the database (pg_restore, one transaction) ...');
          await restoreDatabase(options.target.url, dump, { clean, dumpToolVersion: manifest.database.dumpToolVersion });
          extra = await checkedChecksums(session.query, manifest);
        } finally {
          await session.close();
        }
      } else {
        pgliteStaging = sibling(path.resolve(options.target.dir), 'restoring', stamp);
        cleanup.push(pgliteStaging);
        await mkdir(path.dirname(pgliteStaging), { recursive: true });
        log('restoring the embedded database ...');
        pg = await loadDataDir(pgliteStaging, dump);
        extra = await checkedChecksums(queryOf(pg), manifest);
      }
      log(`database restored: ${manifest.tables.length} tables and sequences match the backup's row counts and checksums`);

      // 6: the photo files, staged beside PHOTO_DIR.
      const photos = await stagePhotos(work, manifest, photoDir, stamp);
      cleanup.push(photos.staging);

      // 7: migrations the backup predates.
      if (options.target.kind === 'postgresql') await migratePostgres(options.target.url);
      else await migratePglite(pg!);
      const query = options.target.kind === 'postgresql' ? undefined : queryOf(pg!);
      if (query) {
        const now = await appliedSchema(query);
        if (now.applied !== journal().length)
          throw new BackupError(`After migrating, ${now.applied} of ${journal().length} migrations are applied.`);
      }
      if (pending) log(`${pending} migration(s) newer than the backup applied`);

      if (pg) {
        await pg.close();
        pg = undefined;
        const old = await swapIn(pgliteStaging!, path.resolve((options.target as { dir: string }).dir), stamp);
        if (old) replaced.push(old);
      }
      const oldPhotos = await swapIn(photos.staging, photoDir, stamp);
      if (oldPhotos) replaced.push(oldPhotos);

      const rows = manifest.tables.filter((t) => t.kind === 'table').reduce((a, t) => a + t.rows, 0);
      return {
        manifest,
        tables: manifest.tables.filter((t) => t.kind === 'table').length,
        rows,
        files: photos.count,
        migrationsApplied: pending,
        replaced,
        extra,
      };
    } finally {
      await pg?.close().catch(() => {});
    }
  } finally {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
