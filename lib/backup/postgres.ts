import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { MIGRATIONS_FOLDER } from '@/db/client';
import type { Query } from './checksums';
import { BackupError } from './errors';

/**
 * PostgreSQL's side of backup and restore: pg_dump --format=custom from a snapshot that the
 * checksums are computed from too, pg_restore in one transaction. The client tools are found on
 * PATH, or in PG_BIN (a folder, e.g. /usr/lib/postgresql/16/bin) when set. The password never
 * goes on a command line (other users of the machine could read it there): it is passed in
 * PGPASSWORD.
 */

type Tool = 'pg_dump' | 'pg_restore';

function toolPath(tool: Tool): string {
  const bin = process.env.PG_BIN;
  return bin ? path.join(bin, tool) : tool;
}

/** The connection as libpq environment variables, and the URL without its password. */
function connection(url: string): { env: NodeJS.ProcessEnv; dbname: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackupError('DATABASE_URL is not a valid URL (postgres://user:password@host:5432/database).');
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { env, dbname: u.toString() };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The tool's version ("15.20") and major (15); a clear error when it is missing. */
export async function toolVersion(tool: Tool): Promise<{ version: string; major: number }> {
  const cmd = toolPath(tool);
  let out: string;
  try {
    const res = await run(cmd, ['--version'], process.env);
    if (res.code !== 0) throw new Error(res.stderr);
    out = res.stdout;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BackupError(
      `${tool} ${missing ? 'was not found' : 'does not run'} (${cmd}). It comes with the PostgreSQL client tools ` +
        `(Debian/Ubuntu: apt-get install postgresql-client-<server major version>); or set PG_BIN to the folder that holds ${tool}.`,
    );
  }
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(out);
  if (!m) throw new BackupError(`Could not read the version of ${cmd} from: ${out.trim()}`);
  return { version: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) };
}

export interface PgSession {
  query: Query;
  serverVersion: string;
  serverMajor: number;
  close(): Promise<void>;
}

/** One dedicated connection (the snapshot must stay open on it while pg_dump runs). */
export async function openSession(url: string): Promise<PgSession> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let reserved;
  try {
    reserved = await sql.reserve();
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new BackupError(`Cannot connect to the PostgreSQL server of DATABASE_URL: ${(err as Error).message}`);
  }
  const query: Query = async (text) => [...(await reserved.unsafe(text))] as Record<string, unknown>[];
  const [row] = await query(`SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n`);
  return {
    query,
    serverVersion: String(row?.v),
    serverMajor: Math.floor(Number(row?.n) / 10000),
    close: async () => {
      reserved.release();
      await sql.end({ timeout: 5 });
    },
  };
}

/** pg_dump must be at least as new as the server (an older pg_dump refuses, or misses what it does not know). */
export function checkDumpTool(tool: { version: string; major: number }, serverMajor: number, serverVersion: string): string {
  const { version, major } = tool;
  if (major < serverMajor) {
    throw new BackupError(
      `pg_dump ${version} is older than the server (PostgreSQL ${serverVersion}): install the PostgreSQL ${serverMajor} client tools ` +
        `(apt-get install postgresql-client-${serverMajor}) or set PG_BIN to their folder.`,
    );
  }
  return version;
}

/**
 * Runs pg_dump into `file` from the snapshot `snapshot` (exported by the caller's open
 * transaction, so the dump and the checksums see the same data).
 */
export async function dumpDatabase(url: string, file: string, snapshot: string): Promise<void> {
  const { env, dbname } = connection(url);
  const res = await run(
    toolPath('pg_dump'),
    ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
  if (res.code !== 0) throw new BackupError(`pg_dump failed: ${res.stderr.trim()}`);
}

/** Relations in the application's schemas, and whether any table holds a row. */
export async function targetContents(query: Query): Promise<{ relations: number; rows: number }> {
  const [r] = await query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
  );
  const tables = (await query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  )) as { name: string }[];
  let rows = 0;
  for (const t of tables) {
    const [c] = await query(`SELECT count(*)::int AS n FROM ${t.name}`);
    rows += Number(c?.n ?? 0);
  }
  return { relations: Number(r?.n ?? 0), rows };
}

/** pg_restore in one transaction (all or nothing); with `clean`, what the dump holds is dropped first. */
export async function restoreDatabase(url: string, file: string, options: { clean: boolean; dumpToolVersion?: string }): Promise<void> {
  const { version, major } = await toolVersion('pg_restore');
  const dumpMajor = Number((options.dumpToolVersion ?? '0').split('.')[0]);
  if (major < dumpMajor) {
    throw new BackupError(
      `pg_restore ${version} is older than the pg_dump ${options.dumpToolVersion} that wrote this backup: install the PostgreSQL ` +
        `${dumpMajor} client tools or set PG_BIN to their folder.`,
    );
  }
  const { env, dbname } = connection(url);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`];
  if (options.clean) args.push('--clean', '--if-exists');
  const res = await run(toolPath('pg_restore'), [...args, file], env);
  if (res.code !== 0) throw new BackupError(`pg_restore failed, nothing was restored (one transaction): ${res.stderr.trim()}`);
}

/** Applies the committed migrations that the restored database does not have yet. */
export async function migratePostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
