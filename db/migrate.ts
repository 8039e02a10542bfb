/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { MIGRATIONS_FOLDER } from './client';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. The embedded database migrates itself when the app starts.');
  process.exit(1);
}
const client = postgres(url, { max: 1, onnotice: () => {} });
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
await client.end();
console.log('migrations applied');
