/**
 * `npm run restore -- FILE [--force]`: puts a backup made by `npm run backup` back
 * (lib/backup/restore.ts; README "Backup and restore"). Stop the app first.
 *
 * - DATABASE_URL set: into that PostgreSQL database, which must be empty (createdb) unless --force.
 * - Unset: into PGLITE_DATA_DIR or .data/pglite, which must not hold a database unless --force.
 * - The photos into PHOTO_DIR or .data/photos, which must be empty unless --force.
 */
import { embeddedDataDir } from '@/db/client';
import { BackupError } from '@/lib/backup/errors';
import { restoreBackup } from '@/lib/backup/restore';
import { photoDir } from '@/lib/reports/photos-dir';

const USAGE = 'usage: npm run restore -- FILE.tar.gz [--force]';
const args = process.argv.slice(2);
const force = args.includes('--force');
const rest = args.filter((a) => a !== '--force');
if (rest.includes('--help') || rest.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (rest.length !== 1 || rest[0]!.startsWith('-')) {
  console.error(rest.length === 0 ? `no backup file given\n${USAGE}` : `unexpected argument(s): ${rest.join(' ')}\n${USAGE}`);
  process.exit(2);
}

const url = process.env.DATABASE_URL;
try {
  const res = await restoreBackup({
    file: rest[0]!,
    target: url ? { kind: 'postgresql', url } : { kind: 'pglite', dir: embeddedDataDir() },
    photoDir: photoDir(),
    force,
    log: (line) => console.log(line),
  });
  console.log(
    `restored: ${res.tables} tables, ${res.rows} rows, ${res.files} photo files (checksums verified)` +
      (res.migrationsApplied ? `, ${res.migrationsApplied} newer migration(s) applied` : ''),
  );
  for (const dir of res.replaced) console.log(`  the replaced data is kept in ${dir} (delete it once you are satisfied)`);
  if (res.extra.length)
    console.log(`  note: the target also holds ${res.extra.length} relation(s) the backup does not have: ${res.extra.join(', ')}`);
  for (const w of res.manifest.warnings) console.log(`  warning recorded at backup time: ${w}`);
} catch (err) {
  console.error(`restore failed: ${err instanceof BackupError ? err.message : err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
}
