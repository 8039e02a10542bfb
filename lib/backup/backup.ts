import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import { databaseChecksums, type Query, type TableChecksum } from './checksums';
import { BackupError } from './errors';
import { exists, hashFile, listFiles } from './files';
import {
  appInfo,
  appliedSchema,
  type ArchivedFile,
  DUMP_NAMES,
  type Manifest,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  PHOTOS_PREFIX,
} from './manifest';
import { dumpDataDir, queryOf, serverVersion } from './pglite';
import { checkDumpTool, dumpDatabase, openSession, toolVersion } from './postgres';

/**
 * `npm run backup`: one .tar.gz holding manifest.json, the database and every photo file.
 *
 *   manifest.json                       lib/backup/manifest.ts
 *   database/postgresql.dump            pg_dump --format=custom (DATABASE_URL set)
 *   database/pglite-datadir.tar.gz      PGlite's dumpDataDir (embedded database; the app stopped)
 *   files/photos/<key>, <key>.thumb     every file under PHOTO_DIR
 *
 * PostgreSQL: one REPEATABLE READ transaction exports its snapshot; pg_dump dumps that snapshot
 * and the checksums are computed in the same transaction, so both describe the same data while
 * the app keeps running. The photo files are listed after the snapshot was taken: an upload
 * writes its files before its row, so every photo row in the dump has its files (a photo
 * deleted in between is named in the manifest's warnings).
 *
 * The archive is written beside its final name and renamed when complete (never half a file),
 * readable by its owner only (it holds every user's data and password hashes).
 */

export type BackupSource = { kind: 'postgresql'; url: string } | { kind: 'pglite'; pg: PGlite };

export interface BackupOptions {
  out: string;
  source: BackupSource;
  photoDir: string;
  log?: (line: string) => void;
}

interface Snapshot {
  schema: Manifest['schema'];
  tables: TableChecksum[];
  photoKeys: string[];
  serverVersion: string;
  dumpToolVersion?: string;
}

async function photoKeys(query: Query): Promise<string[]> {
  const [t] = await query(`SELECT to_regclass('public.report_photos') IS NOT NULL AS present`);
  if (!t?.present) return [];
  return (await query(`SELECT storage_key FROM public.report_photos ORDER BY storage_key`)).map((r) => String(r.storage_key));
}

async function describe(query: Query): Promise<Pick<Snapshot, 'schema' | 'tables' | 'photoKeys'>> {
  return { schema: await appliedSchema(query), tables: await databaseChecksums(query), photoKeys: await photoKeys(query) };
}

async function snapshotPostgres(url: string, dumpFile: string): Promise<Snapshot> {
  // The tool first: a machine without it hears so before anything connects.
  const tool = await toolVersion('pg_dump');
  const session = await openSession(url);
  try {
    const dumpToolVersion = checkDumpTool(tool, session.serverMajor, session.serverVersion);
    await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    try {
      const [row] = await session.query('SELECT pg_export_snapshot() AS id');
      const described = await describe(session.query);
      await dumpDatabase(url, dumpFile, String(row?.id));
      return { ...described, serverVersion: session.serverVersion, dumpToolVersion };
    } finally {
      await session.query('COMMIT').catch(() => {});
    }
  } finally {
    await session.close();
  }
}

async function snapshotPglite(pg: PGlite, dumpFile: string): Promise<Snapshot> {
  const query = queryOf(pg);
  await query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  let described;
  try {
    described = await describe(query);
  } finally {
    await query('COMMIT').catch(() => {});
  }
  // Everything on disk first, so the copy needs no WAL replay when it is loaded.
  await query('CHECKPOINT');
  await writeFile(dumpFile, await dumpDataDir(pg), { mode: 0o600 });
  return { ...described, serverVersion: await serverVersion(pg) };
}

/** Makes the backup archive at `out`; returns its manifest. */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  if (await exists(out)) throw new BackupError(`${out} exists already: choose another --out (a backup never overwrites a file).`);
  if (!(await exists(path.dirname(out)))) throw new BackupError(`The folder ${path.dirname(out)} does not exist.`);
  const staging = await mkdtemp(path.join(os.tmpdir(), 'kpd-backup-'));
  const partial = `${out}.partial`;
  try {
    const kind = options.source.kind;
    const dumpName = DUMP_NAMES[kind];
    const dumpFile = path.join(staging, dumpName);
    await mkdir(path.dirname(dumpFile), { recursive: true });
    log(`dumping the ${kind === 'postgresql' ? 'PostgreSQL' : 'embedded (PGlite)'} database ...`);
    const snap =
      options.source.kind === 'postgresql'
        ? await snapshotPostgres(options.source.url, dumpFile)
        : await snapshotPglite(options.source.pg, dumpFile);

    const photos = await listFiles(options.photoDir);
    log(`${photos.length} photo files in ${options.photoDir}`);
    const files: ArchivedFile[] = [{ path: dumpName, ...(await hashFile(dumpFile)) }];
    for (const p of photos) files.push({ path: `${PHOTOS_PREFIX}${p}`, ...(await hashFile(path.join(options.photoDir, p))) });

    const present = new Set(photos);
    const warnings: string[] = [];
    const missing = snap.photoKeys.filter((k) => !present.has(k) || !present.has(`${k}.thumb`));
    if (missing.length) {
      warnings.push(
        `${missing.length} photo(s) in the database had no file in ${options.photoDir} already: ${missing.slice(0, 10).join(', ')}`,
      );
    }

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      app: appInfo(),
      createdAt: new Date().toISOString(),
      database: { kind, serverVersion: snap.serverVersion, ...(snap.dumpToolVersion ? { dumpToolVersion: snap.dumpToolVersion } : {}) },
      schema: snap.schema,
      tables: snap.tables,
      files,
      warnings,
    };
    await writeFile(path.join(staging, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    await mkdir(path.join(staging, 'files'), { recursive: true });
    // The photos are archived from where they are (no second copy on disk).
    if (photos.length) await symlink(options.photoDir, path.join(staging, 'files', 'photos'), 'dir');

    await tar.c({ gzip: true, file: partial, cwd: staging, follow: true, portable: true, noDirRecurse: true }, [
      MANIFEST_NAME,
      ...files.map((f) => f.path),
    ]);
    await chmod(partial, 0o600);
    await rename(partial, out);
    for (const w of warnings) log(`warning: ${w}`);
    return manifest;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
