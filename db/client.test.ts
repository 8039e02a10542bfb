import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { createTestDb, onPostgres } from '@/test/db';

/**
 * PostgreSQL JIT is off for the app's sessions (db/client.ts passes `jit=off` as a startup
 * parameter): JIT compilation once took 1.2–1.4 s for a 50 ms dashboard query. PGlite is built
 * without an LLVM JIT provider, so there is nothing to turn off there.
 */
describe(`database sessions: JIT (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  afterAll(() => closeDb());

  it.runIf(onPostgres)('the app’s postgres.js connections run with jit = off', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    try {
      await closeDb();
      const db = await getDb();
      // Every pooled connection has it, not only the first: ask several at once.
      const answers = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const [row] = await rowsOf<{ jit: string }>(db, sql`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`);
          return row!.jit;
        }),
      );
      expect(answers).toEqual(['off', 'off', 'off', 'off']);
      const [show] = await rowsOf<{ jit: string }>(db, sql`SHOW jit`);
      expect(show!.jit).toBe('off');
    } finally {
      await closeDb();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it.runIf(!onPostgres)('PGlite has no JIT provider', async () => {
    const { db, close } = await createTestDb();
    try {
      const [row] = await rowsOf<{ available: boolean }>(db, sql`SELECT pg_jit_available() AS available`);
      expect(row!.available).toBe(false);
    } finally {
      await close();
    }
  });
});
