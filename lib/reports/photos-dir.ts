import path from 'node:path';

/**
 * Where the photo files live: PHOTO_DIR, or `<cwd>/.data/photos`. Its own module (no
 * 'server-only') because the backup and restore scripts (lib/backup) need it too.
 */
export function photoDir(): string {
  const dir = process.env.PHOTO_DIR;
  return dir ? path.resolve(dir) : path.join(process.cwd(), '.data', 'photos');
}
