/**
 * `npm run backup -- [--out FILE]`: the database and every photo file in one .tar.gz
 * (lib/backup/backup.ts; README "Backup and restore").
 *
 * - DATABASE_URL set: pg_dump of that database (the app may keep running).
 * - Unset: the embedded database in PGLITE_DATA_DIR or .data/pglite. Stop the app first.
 * - The photos: PHOTO_DIR or .data/photos.
 */
import path from 'node:path';
import { embeddedDataDir } from '@/db/client';
import { createBackup } from '@/lib/backup/backup';
import { BackupError } from '@/lib/backup/errors';
import { openDataDir } from '@/lib/backup/pglite';
import { photoDir } from '@/lib/reports/photos-dir';

const USAGE = 'usage: npm run backup -- [--out FILE.tar.gz]';
const args = process.argv.slice(2);
let out: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out' && args[i + 1]) out = args[++i];
  else if (args[i] === '--help' || args[i] === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else {
    console.error(`unknown argument: ${args[i]}\n${USAGE}`);
    process.exit(2);
  }
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
out = path.resolve(out ?? `kpd-backup-${stamp}.tar.gz`);

const url = process.env.DATABASE_URL;
const pg = url ? undefined : await openDataDir(embeddedDataDir()).catch(fail);
try {
  const manifest = await createBackup({
    out,
    source: url ? { kind: 'postgresql', url } : { kind: 'pglite', pg: pg! },
    photoDir: photoDir(),
    log: (line) => console.log(line),
  });
  const rows = manifest.tables.filter((t) => t.kind === 'table').reduce((a, t) => a + t.rows, 0);
  console.log(
    `backup written: ${out}\n  ${manifest.tables.filter((t) => t.kind === 'table').length} tables, ${rows} rows, ` +
      `${manifest.files.length - 1} photo files, schema ${manifest.schema.latestTag ?? '(none)'}`,
  );
} catch (err) {
  fail(err);
} finally {
  await pg?.close();
}

function fail(err: unknown): never {
  console.error(`backup failed: ${err instanceof BackupError ? err.message : err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
}
