/**
 * Backup and restore, round trip: a seeded database with a photo uploaded through the photo
 * route, backed up, restored into an empty target; every table's checksum equal, the photo
 * file byte-identical and served by the photo route from the restored database. On PGlite (no
 * TEST_DATABASE_URL) the source is the test's PGlite database and the target a data directory
 * in a temp folder; on PostgreSQL the source is TEST_DATABASE_URL and the target a second
 * scratch database on the same server (`<name>_restore`, so its name contains "test" too).
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, setDbForTests } from '@/db/client';
import * as schema from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import { servePhotoRoute, uploadPhotoRoute } from '@/lib/reports/photo-http';
import { buildReportWorld, openJune, type ReportWorld } from '@/lib/reports/test-world';
import { onPostgres, useTestDb } from '@/test/db';
import { createBackup, type BackupSource } from './backup';
import { databaseChecksums, type Query, type TableChecksum } from './checksums';
import { BackupError } from './errors';
import { journal, type Manifest, parseManifest } from './manifest';
import { openDataDir, queryOf } from './pglite';
import { restoreBackup, type RestoreTarget } from './restore';

const getDb = useTestDb({ reset: 'file' });

let tmp: string;
let sourcePhotos: string;
let w: ReportWorld;
let photoId: number;
let served: Buffer;
let archive: Manifest;
const archiveFile = () => path.join(tmp, 'backup.tar.gz');

const SOURCE_URL = process.env.TEST_DATABASE_URL;
const TARGET_URL = SOURCE_URL
  ? (() => {
      const u = new URL(SOURCE_URL);
      u.pathname = `${u.pathname.replace(/^\//, '')}_restore`;
      return u.toString();
    })()
  : undefined;
const targetName = () => decodeURIComponent(new URL(TARGET_URL!).pathname.slice(1));

/** Raw query on the test database (PGlite client or postgres.js), in its own transaction for the pinned settings. */
async function checksumsOf(db: Db): Promise<TableChecksum[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!onPostgres) {
    const pg = client as PGlite;
    const query = queryOf(pg);
    await query('BEGIN');
    try {
      return await databaseChecksums(query);
    } finally {
      await query('COMMIT');
    }
  }
  const pgjs = client as { begin<T>(fn: (tx: { unsafe(q: string): Promise<unknown[]> }) => Promise<T>): Promise<T> };
  return pgjs.begin((tx) => databaseChecksums((async (q: string) => [...(await tx.unsafe(q))]) as Query));
}

async function withTargetDb<T>(fn: (db: Db, close: () => Promise<void>) => Promise<T>, dir?: string): Promise<T> {
  if (onPostgres) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(TARGET_URL!, { max: 2, onnotice: () => {} });
    try {
      return await fn(drizzle(client, { schema }), () => client.end({ timeout: 5 }));
    } finally {
      await client.end({ timeout: 5 });
    }
  }
  const pg = await openDataDir(dir!);
  const { drizzle } = await import('drizzle-orm/pglite');
  try {
    return await fn(drizzle(pg, { schema }) as unknown as Db, async () => {});
  } finally {
    await pg.close();
  }
}

function source(): BackupSource {
  return onPostgres
    ? { kind: 'postgresql', url: SOURCE_URL! }
    : { kind: 'pglite', pg: (getDb() as unknown as { $client: PGlite }).$client };
}
function target(dir: string): RestoreTarget {
  return onPostgres ? { kind: 'postgresql', url: TARGET_URL! } : { kind: 'pglite', dir };
}

async function recreateTargetDb(): Promise<void> {
  if (!onPostgres) return;
  await getDb().execute(sql.raw(`DROP DATABASE IF EXISTS "${targetName()}" WITH (FORCE)`));
  await getDb().execute(sql.raw(`CREATE DATABASE "${targetName()}"`));
}

async function photoGet(actor: Actor, id: number): Promise<Response> {
  return servePhotoRoute.execute(actor, new Request(`http://localhost/api/photos/${id}`), { id: String(id) });
}

/** The archive's entries, with one of them changed, packed again (a tampered or damaged backup). */
async function repack(from: string, to: string, change: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmp, 'repack-'));
  await tar.x({ file: from, cwd: dir });
  await change(dir);
  const entries: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) entries.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  await tar.c({ gzip: true, file: to, cwd: dir, portable: true }, entries.sort());
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kpd-backup-test-'));
  sourcePhotos = path.join(tmp, 'photos');
  process.env.PHOTO_DIR = sourcePhotos;
  setClockForTests(new Date('2025-06-20T04:00:00Z'));
  w = await buildReportWorld();
  const { report } = await openJune(getDb(), w);
  // A photo through the upload route (checked, stripped, thumbnail, row and audit event).
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .withExif({ IFD2: { DateTimeOriginal: '2025:06:18 09:30:15' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('file', new File([new Uint8Array(jpeg)], '现场.jpg', { type: 'image/jpeg' }));
  const res = await uploadPhotoRoute.execute(
    w.actors.leadOwn,
    new Request(`http://localhost/api/reports/${report.id}/photos`, { method: 'POST', body: form }),
    { id: String(report.id) },
  );
  expect(res.status).toBe(201);
  photoId = ((await res.json()) as { data: { id: number } }).data.id;
  served = Buffer.from(await (await photoGet(w.actors.viewer, photoId)).arrayBuffer());
  await recreateTargetDb();
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  delete process.env.PHOTO_DIR;
  if (onPostgres) await getDb().execute(sql.raw(`DROP DATABASE IF EXISTS "${targetName()}" WITH (FORCE)`));
  await rm(tmp, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one archive: the manifest, the database and every photo file', async () => {
    archive = await createBackup({ out: archiveFile(), source: source(), photoDir: sourcePhotos });
    const entries: string[] = [];
    await tar.t({ file: archiveFile(), onReadEntry: (e) => entries.push(e.path) });
    const [photo] = await getDb().select().from(schema.reportPhotos);
    expect(entries.sort()).toEqual(
      [
        'manifest.json',
        onPostgres ? 'database/postgresql.dump' : 'database/pglite-datadir.tar.gz',
        `files/photos/${photo!.storageKey}`,
        `files/photos/${photo!.storageKey}.thumb`,
      ].sort(),
    );
    expect(archive).toMatchObject({
      format: 1,
      app: { name: 'key-project-dispatch' },
      database: { kind: onPostgres ? 'postgresql' : 'pglite' },
      schema: { applied: journal().length, latestTag: journal().at(-1)!.tag },
      warnings: [],
    });
    expect(archive.tables.find((t) => t.name === 'public.report_photos')).toMatchObject({ rows: 1 });
    expect(archive.tables.find((t) => t.name === 'public.projects')!.rows).toBeGreaterThan(0);
    expect(archive.tables.find((t) => t.name === 'drizzle.__drizzle_migrations')).toMatchObject({ rows: journal().length });
    expect(archive.tables).toEqual(await checksumsOf(getDb()));
    expect((await import('node:fs')).statSync(archiveFile()).mode & 0o777).toBe(0o600);
    // A backup never overwrites.
    await expect(createBackup({ out: archiveFile(), source: source(), photoDir: sourcePhotos })).rejects.toThrow(/exists already/);
  });
});

describe('restore', () => {
  const targetDir = () => path.join(tmp, 'target', 'pglite');
  const targetPhotos = () => path.join(tmp, 'target', 'photos');

  it('into an empty target: every table equal, the photo byte-identical and served from the restored database', async () => {
    const res = await restoreBackup({ file: archiveFile(), target: target(targetDir()), photoDir: targetPhotos() });
    expect(res).toMatchObject({ files: 2, migrationsApplied: 0, replaced: [], extra: [] });
    const sourceSums = await checksumsOf(getDb());
    const [photo] = await getDb().select().from(schema.reportPhotos);
    for (const name of [photo!.storageKey, `${photo!.storageKey}.thumb`]) {
      expect((await readFile(path.join(targetPhotos(), name))).equals(await readFile(path.join(sourcePhotos, name)))).toBe(true);
    }
    await withTargetDb(async (db) => {
      expect(await checksumsOf(db)).toEqual(sourceSums);
      // The app on the restored data: the photo route serves the same bytes.
      process.env.PHOTO_DIR = targetPhotos();
      setDbForTests(db);
      try {
        const res = await photoGet(w.actors.viewer, photoId);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(served)).toBe(true);
        // ... and the sequences go on where they were: a new row gets a new id.
        const [row] = await db.insert(schema.counties).values({ code: 'restored', nameZh: '恢复测试', nameEn: 'Restored' }).returning();
        expect(row!.id).toBeGreaterThan(Math.max(w.countyA.id, w.countyB.id));
      } finally {
        setDbForTests(getDb());
        process.env.PHOTO_DIR = sourcePhotos;
      }
    }, targetDir());
  });

  it('refuses a target that is not empty, changing nothing; --force replaces it and keeps what it replaced', async () => {
    const photosBefore = (await readdir(targetPhotos())).sort();
    const sumsBefore = await withTargetDb((db) => checksumsOf(db), targetDir());
    const refused = restoreBackup({ file: archiveFile(), target: target(targetDir()), photoDir: targetPhotos() });
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(
      onPostgres ? /target database is not empty .*--force/ : /embedded database in .* already.*--force/,
    );
    expect((await readdir(targetPhotos())).sort()).toEqual(photosBefore);
    expect(await withTargetDb((db) => checksumsOf(db), targetDir())).toEqual(sumsBefore);

    // An empty database but photos in PHOTO_DIR: refused as well.
    await recreateTargetDb();
    const other = path.join(tmp, 'other', 'pglite');
    await expect(restoreBackup({ file: archiveFile(), target: target(other), photoDir: targetPhotos() })).rejects.toThrow(
      /PHOTO_DIR .* holds 2 files already/,
    );

    const res = await restoreBackup({ file: archiveFile(), target: target(targetDir()), photoDir: targetPhotos(), force: true });
    expect(res.replaced.some((p) => p.startsWith(`${targetPhotos()}.replaced-`))).toBe(true);
    if (!onPostgres) expect(res.replaced.some((p) => p.startsWith(`${targetDir()}.replaced-`))).toBe(true);
    expect(await withTargetDb((db) => checksumsOf(db), targetDir())).toEqual(await checksumsOf(getDb()));
  });

  it('refuses an archive from a newer schema, a damaged one and one of the other kind before touching the target', async () => {
    const empty = path.join(tmp, 'empty');
    const dir = path.join(empty, 'pglite');
    const photos = path.join(empty, 'photos');
    await recreateTargetDb();

    const newer = path.join(tmp, 'newer.tar.gz');
    await repack(archiveFile(), newer, async (d) => {
      const m = JSON.parse(await readFile(path.join(d, 'manifest.json'), 'utf8')) as Manifest;
      m.schema = { applied: m.schema.applied + 1, latestTag: '9999_from_the_future', latestWhen: 4_102_444_800_000 };
      await writeFile(path.join(d, 'manifest.json'), JSON.stringify(m));
    });
    await expect(restoreBackup({ file: newer, target: target(dir), photoDir: photos })).rejects.toThrow(
      /newer schema .*9999_from_the_future/,
    );

    const damaged = path.join(tmp, 'damaged.tar.gz');
    await repack(archiveFile(), damaged, async (d) => {
      const photoDirIn = path.join(d, 'files', 'photos');
      const [name] = await readdir(photoDirIn);
      const file = path.join(photoDirIn, name!);
      const bytes = await readFile(file);
      bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
      await chmod(file, 0o600);
      await writeFile(file, bytes);
    });
    await expect(restoreBackup({ file: damaged, target: target(dir), photoDir: photos })).rejects.toThrow(/damaged/);

    const notTar = path.join(tmp, 'not-a-backup.tar.gz');
    await writeFile(notTar, 'hello');
    await expect(restoreBackup({ file: notTar, target: target(dir), photoDir: photos })).rejects.toThrow(/not a backup archive/);

    const otherKind: RestoreTarget = onPostgres
      ? { kind: 'pglite', dir }
      : { kind: 'postgresql', url: 'postgres://nobody@127.0.0.1:1/x_test' };
    await expect(restoreBackup({ file: archiveFile(), target: otherKind, photoDir: photos })).rejects.toThrow(
      onPostgres
        ? /PostgreSQL database: restore it with DATABASE_URL set/
        : /embedded \(PGlite\) database: restore it with DATABASE_URL unset/,
    );

    // Nothing was created.
    expect(await readdir(empty).catch(() => [])).toEqual([]);
    if (onPostgres) await withTargetDb(async (db) => expect(await checksumsOf(db)).toEqual([]));
  });
});

describe('verifying the restored database', () => {
  it('a restored table that differs from the manifest stops the restore, naming the table; no photo is put in place', async () => {
    await recreateTargetDb();
    const lying = path.join(tmp, 'lying.tar.gz');
    await repack(archiveFile(), lying, async (d) => {
      const m = JSON.parse(await readFile(path.join(d, 'manifest.json'), 'utf8')) as Manifest;
      const projects = m.tables.find((t) => t.name === 'public.projects')!;
      projects.checksum = '0'.repeat(32);
      await writeFile(path.join(d, 'manifest.json'), JSON.stringify(m));
    });
    const dir = path.join(tmp, 'lying-target', 'pglite');
    const photos = path.join(tmp, 'lying-target', 'photos');
    await expect(restoreBackup({ file: lying, target: target(dir), photoDir: photos })).rejects.toThrow(
      /does not match the backup:\s+public\.projects: the rows differ/,
    );
    expect(await readdir(path.join(tmp, 'lying-target')).catch(() => [])).toEqual([]);
  });
});

describe('the tools and the embedded database', () => {
  it('refuses to back up an embedded database that a process has open', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = path.join(tmp, 'open-pglite');
    const running = await PGlite.create(dir);
    try {
      await expect(openDataDir(dir)).rejects.toThrow(/in use \(postmaster\.pid is there\): stop the app first/);
    } finally {
      await running.close();
    }
    const pg = await openDataDir(dir);
    await pg.close();
    await expect(openDataDir(path.join(tmp, 'no-such-dir'))).rejects.toThrow(/no embedded database/i);
    // Opens an embedded database three times (about 20 s on a loaded 2-core machine).
  }, 90_000);

  it('says what to install when pg_dump is missing (before connecting anywhere)', async () => {
    process.env.PG_BIN = path.join(tmp, 'no-bin');
    try {
      await expect(
        createBackup({
          out: path.join(tmp, 'x.tar.gz'),
          source: { kind: 'postgresql', url: 'postgres://nobody@127.0.0.1:1/x_test' },
          photoDir: sourcePhotos,
        }),
      ).rejects.toThrow(/pg_dump was not found .*postgresql-client.*PG_BIN/);
    } finally {
      delete process.env.PG_BIN;
    }
  });

  it.skipIf(!onPostgres)('refuses a pg_dump older than the server', async () => {
    const bin = path.join(tmp, 'old-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    process.env.PG_BIN = bin;
    try {
      await expect(
        createBackup({ out: path.join(tmp, 'old.tar.gz'), source: { kind: 'postgresql', url: SOURCE_URL! }, photoDir: sourcePhotos }),
      ).rejects.toThrow(/pg_dump 9\.6 is older than the server \(PostgreSQL \d+/);
    } finally {
      delete process.env.PG_BIN;
    }
  });

  it('reads a manifest strictly', () => {
    expect(() => parseManifest('{')).toThrow(/not valid JSON/);
    expect(() => parseManifest(JSON.stringify({ format: 2 }))).toThrow(/manifest format 2/);
    expect(() => parseManifest(JSON.stringify({ format: 1 }))).toThrow(/not a manifest this app understands/);
  });
});
