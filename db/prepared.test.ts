import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/rows';
import { onPostgres } from '@/test/db';
import { preparing } from './prepared';
import * as schema from './schema';

/**
 * db/prepared.ts: parameterized statements become named prepared statements on the pooled
 * connection, inside transactions and savepoints too; statements without parameters keep the
 * simple protocol (several statements in one string still work). PostgreSQL only: PGlite has no
 * pool and no named statements to keep.
 */
describe.runIf(onPostgres)('prepared statements (PostgreSQL)', () => {
  // One connection, so pg_prepared_statements shows what this client left on it.
  const client = postgres(process.env.TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  const db = drizzle(preparing(client), { schema });
  const plain = drizzle(client, { schema });
  const prepared = async () =>
    (await rowsOf<{ statement: string }>(db, sql`SELECT statement FROM pg_prepared_statements WHERE ${1} = 1`)).map((r) => r.statement);

  beforeAll(async () => {
    await client.unsafe('DEALLOCATE ALL');
  });
  afterAll(() => client.end({ timeout: 5 }));

  it('prepares a parameterized statement once and reuses it', async () => {
    for (let i = 0; i < 3; i++) await rowsOf(db, sql`SELECT ${i}::int AS n, 'kpd-prepared-a' AS tag`);
    const mine = (await prepared()).filter((s) => s.includes('kpd-prepared-a'));
    expect(mine).toHaveLength(1);
  });

  it('prepares inside transactions and savepoints as well', async () => {
    await db.transaction(async (tx) => {
      await rowsOf(tx, sql`SELECT ${1}::int AS n, 'kpd-prepared-tx' AS tag`);
      await tx.transaction(async (sp) => {
        await rowsOf(sp, sql`SELECT ${2}::int AS n, 'kpd-prepared-sp' AS tag`);
      });
    });
    const all = await prepared();
    expect(all.some((s) => s.includes('kpd-prepared-tx'))).toBe(true);
    expect(all.some((s) => s.includes('kpd-prepared-sp'))).toBe(true);
  });

  it('leaves statements without parameters on the simple protocol (several in one string work)', async () => {
    await client.unsafe('DEALLOCATE ALL');
    await db.execute(sql.raw(`SELECT 'kpd-simple-1'; SELECT 'kpd-simple-2'`));
    expect((await prepared()).filter((s) => s.includes('kpd-simple'))).toEqual([]);
  });

  it('without the wrapper drizzle sends unnamed statements (what it fixes)', async () => {
    await client.unsafe('DEALLOCATE ALL');
    await rowsOf(plain, sql`SELECT ${1}::int AS n, 'kpd-unnamed' AS tag`);
    expect((await prepared()).filter((s) => s.includes('kpd-unnamed'))).toEqual([]);
  });
});
