import { and, sql, type SQL } from 'drizzle-orm';

export { rowsOf } from '@/db/rows';

/** `WHERE a AND b …` over the defined parts (`WHERE true` when none). */
export function whereAll(...parts: (SQL | undefined)[]): SQL {
  return sql`WHERE ${and(...parts) ?? sql`true`}`;
}
