/**
 * What a backup promises to give back: every table's row count and a checksum of its rows, and
 * every sequence's position, in schemas `public` (the application) and `drizzle` (the applied
 * migrations). Computed when the backup is taken (from the same snapshot as the dump) and again
 * after a restore; they must be equal.
 *
 * A table's checksum is md5 over the md5 of each row's text (`t::text`), the row hashes sorted
 * (COLLATE "C"), so it depends neither on the physical order nor on the server's collation. The
 * text of a row depends on a few session settings (time zone, date style, float digits, bytea
 * output), which are pinned for the transaction.
 */

/** Runs one SQL text and returns its rows (postgres.js and PGlite alike). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

export interface TableChecksum {
  /** schema.table, quoted as needed. */
  name: string;
  kind: 'table' | 'sequence';
  rows: number;
  checksum: string;
}

/** Session settings that fix the text of a row; SET LOCAL, so they last for the caller's transaction only. */
export const PIN_ROW_TEXT = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
];

const SCHEMAS = "('public', 'drizzle')";

/** Checksums of every table and sequence; call inside a transaction (the settings are pinned with SET LOCAL). */
export async function databaseChecksums(query: Query): Promise<TableChecksum[]> {
  for (const statement of PIN_ROW_TEXT) await query(statement);
  const relations = (await query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ${SCHEMAS} AND c.relkind IN ('r', 'p', 'S') AND NOT c.relispartition
      ORDER BY 1`,
  )) as { name: string; kind: string }[];
  const out: TableChecksum[] = [];
  for (const { name, kind } of relations) {
    if (kind === 'S') {
      const [row] = await query(`SELECT last_value::text AS v, is_called FROM ${name}`);
      const text = `${String(row?.v)}:${String(row?.is_called)}`;
      const [sum] = await query(`SELECT md5('${text.replace(/'/g, "''")}') AS s`);
      // For a sequence, `rows` is the next value it hands out.
      const next = Number(row?.v ?? 0) + (row?.is_called ? 1 : 0);
      out.push({ name, kind: 'sequence', rows: next, checksum: String(sum?.s) });
      continue;
    }
    const [row] = await query(
      `SELECT count(*)::int AS n,
              md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS s
         FROM (SELECT md5(t::text) AS h FROM ${name} t) rows`,
    );
    out.push({ name, kind: 'table', rows: Number(row?.n ?? 0), checksum: String(row?.s) });
  }
  return out;
}

/**
 * How a restored database differs from the backup: `problems` (a table missing, other rows, a
 * sequence elsewhere), and `extra` relations the backup does not have (left in a target that
 * was restored over with --force).
 */
export function compareChecksums(expected: TableChecksum[], actual: TableChecksum[]): { problems: string[]; extra: string[] } {
  const got = new Map(actual.map((c) => [c.name, c]));
  const problems: string[] = [];
  for (const e of expected) {
    const a = got.get(e.name);
    if (!a) problems.push(`${e.name}: missing after the restore`);
    // A sequence may be ahead after a restore (PostgreSQL logs sequences 32 values ahead, and a
    // data directory recovered from its WAL continues from there), never behind: behind, new
    // rows would collide with restored ids.
    else if (e.kind === 'sequence' && a.rows < e.rows) problems.push(`${e.name}: next value ${a.rows}, behind the backup's ${e.rows}`);
    else if (e.kind === 'sequence') continue;
    else if (e.kind === 'table' && a.rows !== e.rows) problems.push(`${e.name}: ${a.rows} rows, the backup had ${e.rows}`);
    else if (a.checksum !== e.checksum)
      problems.push(`${e.name}: the rows differ from the backup (checksum ${a.checksum}, expected ${e.checksum})`);
  }
  const known = new Set(expected.map((e) => e.name));
  return { problems, extra: actual.filter((a) => !known.has(a.name)).map((a) => a.name) };
}
