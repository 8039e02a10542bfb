import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

/** Rows of a raw statement: postgres.js returns an array, PGlite `{ rows }`. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}
