/**
 * `npm run db:seed [-- --demo]`: seeds an empty database.
 *
 * - With DATABASE_URL: the PostgreSQL server it names (run `npm run db:migrate` first).
 * - Without: the embedded PGlite database (PGLITE_DATA_DIR or .data/pglite), migrated when opened.
 *
 * --demo          include the illustrative demo set (units, users with password demo2025, ...)
 * ADMIN_PASSWORD  without --demo: also create the user `admin` with this password
 *
 * A database that already has counties or projects is left alone ("already seeded", exit 0).
 */
import { count } from 'drizzle-orm';
import { closeDb, embeddedDataDir, getDb } from '@/db/client';
import * as s from '@/db/schema';
import { seedIfEmpty } from './seed';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--demo');
if (unknown.length) {
  console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: npm run db:seed [-- --demo]`);
  process.exit(2);
}
const demo = args.includes('--demo');
const adminPassword = process.env.ADMIN_PASSWORD || undefined;
const embedded = !process.env.DATABASE_URL;

try {
  const db = await getDb();
  const seeded = await seedIfEmpty(db, { demo, adminPassword });
  const [p] = await db.select({ n: count() }).from(s.projects);
  const [u] = await db.select({ n: count() }).from(s.users);
  const [m] = await db.select({ n: count() }).from(s.milestones);
  const totals = `${p?.n ?? 0} projects, ${m?.n ?? 0} milestones, ${u?.n ?? 0} users`;
  if (seeded) console.log(`seeded${demo ? ' (with demo set)' : ''}: ${totals}`);
  else if (embedded) console.log(`embedded database at ${embeddedDataDir()}, already seeded: ${totals}`);
  else console.log(`already seeded: ${totals}`);
  if (!demo && !adminPassword && (u?.n ?? 0) === 0) {
    console.log('note: no users yet; set ADMIN_PASSWORD and seed an empty database to create `admin`.');
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await closeDb();
}
