import { and, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** Rows of a raw statement: postgres.js returns an array, PGlite `{ rows }`. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** `WHERE a AND b …` over the defined parts (`WHERE true` when none). */
export function whereAll(...parts: (SQL | undefined)[]): SQL {
  return sql`WHERE ${and(...parts) ?? sql`true`}`;
}
