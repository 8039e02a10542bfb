/**
 * The exports benchmark (part of `npm run bench`; also runs alone):
 *
 *   npx tsx bench/exports.ts [--skip-build] [--mode pg|pglite|both] [--rows 5000,50000] [--runs 3]
 *                            [--no-docs] [--keep] [--port 3300]
 *
 * For each database mode it makes a scratch database, migrates it, writes two frozen meetings
 * whose status tables (meeting_snapshot_rows, the table and JSON shape the freeze writes) hold
 * 5,000 and 50,000 rows, starts the production build (scripts/app.mjs), signs in as a
 * prefecture dispatch user and downloads GET /api/exports/meetings/:id/status-table.xlsx —
 * the real route: session, scope, snapshot reader, renderer, streaming response. Per download
 * it records the time to the last byte and the server's memory: the resident set size (RSS)
 * of every process of the server's process group, sampled every 20 ms from /proc, minus the
 * RSS just before the request. Each file is checked (it opens, and its last row is the total
 * of all rows). The renderer alone over generated rows, in this process, is measured too.
 *
 * Goals (issue 5): 5,000 rows ≤ 2 s, 50,000 rows ≤ 10 s, memory growth ≤ 200 MB for either.
 * Results go to docs/benchmarks.md (between <!-- bench:exports:start/end -->) and
 * bench/.data/results-exports-<mode>.json.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { drizzle as drizzlePg } from 'drizzle-orm/postgres-js';
import { migrate as migratePg } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { generatedRow, generatedRows } from '@/lib/exports/generated-rows';
import { statusTableXlsx } from '@/lib/exports/status-table-xlsx';
import { freePort } from './common';
import { signIn } from './sign-in';
import { killRunningApp, startApp, type AppServer } from './app-server';

type Db = import('@/db/client').Db;

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const DATA_DIR = path.join(ROOT, 'bench', '.data');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const DIST = process.env.NEXT_DIST_DIR || '.next';
mkdirSync(DATA_DIR, { recursive: true });

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const OPTS = {
  skipBuild: flag('--skip-build'),
  mode: option('--mode', 'both') as 'pg' | 'pglite' | 'both',
  sizes: option('--rows', '5000,50000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0),
  runs: Math.max(1, Number(option('--runs', '3')) || 3),
  docs: !flag('--no-docs'),
  keep: flag('--keep'),
  port: Number(option('--port', '0')) || 0,
};
if (!['pg', 'pglite', 'both'].includes(OPTS.mode)) throw new Error('--mode must be pg, pglite or both');

const GOALS: Record<number, number> = { 5000: 2000, 50000: 10000 };
const MEMORY_GOAL_MB = 200;
const USERNAME = 'bench_exports';
const PASSWORD = 'bench-exports-2025';

const log = (msg: string) => console.log(`[bench:exports] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── Data ───────────────────────────────────────────────────────────────────────────────────────

/** A prefecture dispatch user and one frozen meeting per size, with its snapshot rows. */
async function seed(db: Db, sizes: number[]): Promise<Record<number, number>> {
  const passwordHash = await hashPassword(PASSWORD);
  const [user] = await db
    .insert(schema.users)
    .values({ username: USERNAME, displayName: '导出压测', passwordHash, role: 'dispatch' })
    .returning({ id: schema.users.id });
  const meetings: Record<number, number> = {};
  for (const size of sizes) {
    const frozenAt = new Date('2026-06-14T10:00:00Z');
    const [m] = await db
      .insert(schema.meetings)
      .values({
        title: `压测调度会（${size} 个项目）`,
        meetingDate: '2026-06-15',
        chairId: user!.id,
        status: 'planned',
        frozenAt,
        frozenById: user!.id,
        snapshotYear: 2026,
        snapshotRowCount: size,
        createdById: user!.id,
      })
      .returning({ id: schema.meetings.id });
    meetings[size] = m!.id;
    const per = Math.ceil(size / 5);
    for (let from = 1; from <= size; from += 1000) {
      const values = [];
      for (let i = from; i < Math.min(from + 1000, size + 1); i++) {
        const row = generatedRow(i, Math.floor((i - 1) / per));
        values.push({ meetingId: m!.id, sort: i, projectId: i, countyId: null, row });
      }
      await db.insert(schema.meetingSnapshotRows).values(values);
    }
    log(`  meeting ${m!.id}: ${size} snapshot rows`);
  }
  return meetings;
}

// ── Server ─────────────────────────────────────────────────────────────────────────────────────

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killRunningApp();
    process.exit(130);
  });
}

async function startServer(env: Record<string, string | undefined>): Promise<AppServer> {
  return startApp(OPTS.port || (await freePort(3300)), { ...env, SEED_DEMO: '0', ESCALATION_JOB: 'off' }, { log });
}

// ── Memory ─────────────────────────────────────────────────────────────────────────────────────

/** Pids of a process group (from /proc). */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** Resident set size of these processes together, in bytes. */
function rss(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* gone */
    }
  }
  return total;
}

// ── Measurement ────────────────────────────────────────────────────────────────────────────────

interface Run {
  ms: number;
  firstByteMs: number;
  bytes: number;
  rssBeforeMb: number;
  growthMb: number;
}
interface SizeResult {
  rows: number;
  runs: Run[];
  medianMs: number;
  maxMs: number;
  maxGrowthMb: number;
  goalMs: number | null;
  verified: string;
}

async function download(base: string, cookie: string, meetingId: number, pids: number[]): Promise<{ run: Run; body: Buffer | null }> {
  const before = rss(pids);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss(pids));
  }, 20);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/exports/meetings/${meetingId}/status-table.xlsx`, { headers: { cookie } });
  if (res.status !== 200 || !res.body) {
    clearInterval(timer);
    throw new Error(`export answered ${res.status}: ${await res.text()}`);
  }
  let firstByteMs = 0;
  let bytes = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!bytes) firstByteMs = performance.now() - t0;
    bytes += chunk.byteLength;
    chunks.push(Buffer.from(chunk));
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, rss(pids));
  return {
    run: { ms, firstByteMs, bytes, rssBeforeMb: before / 1e6, growthMb: (peak - before) / 1e6 },
    body: Buffer.concat(chunks),
  };
}

/** Reads the workbook back (streaming reader): the row count and the total row's label. */
async function verify(body: Buffer, rows: number): Promise<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  } as never);
  let count = 0;
  let last = '';
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      count++;
      last = String(row.getCell(1).value ?? '');
    }
  }
  const expected = `合计（${rows} 个项目）`;
  if (last !== expected) throw new Error(`the workbook's last row is "${last}", expected "${expected}"`);
  return `${count} rows read back, last "${last}"`;
}

async function measure(server: AppServer, meetings: Record<number, number>): Promise<SizeResult[]> {
  const cookie = await signIn(server.base, USERNAME, PASSWORD);
  const pids = groupPids(server.pgid);
  log(`server processes: ${pids.join(', ')}`);
  // Warm-up: the route's code is loaded and compiled on first use.
  await download(server.base, cookie, meetings[OPTS.sizes[0]!]!, pids);
  const out: SizeResult[] = [];
  for (const size of OPTS.sizes) {
    const runs: Run[] = [];
    let verified = '';
    for (let i = 0; i < OPTS.runs; i++) {
      await sleep(500);
      const { run, body } = await download(server.base, cookie, meetings[size]!, pids);
      if (i === 0 && body) verified = await verify(body, size);
      runs.push(run);
      log(
        `  ${size} rows: ${run.ms.toFixed(0)} ms (first byte ${run.firstByteMs.toFixed(0)} ms), ${(run.bytes / 1e6).toFixed(1)} MB, server RSS +${run.growthMb.toFixed(0)} MB (from ${run.rssBeforeMb.toFixed(0)} MB)`,
      );
    }
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    out.push({
      rows: size,
      runs,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      maxMs: sorted[sorted.length - 1]!,
      maxGrowthMb: Math.max(...runs.map((r) => r.growthMb)),
      goalMs: GOALS[size] ?? null,
      verified,
    });
  }
  return out;
}

/** The renderer alone (no database, no HTTP) over generated rows, in this process. */
async function rendererOnly(): Promise<{ rows: number; ms: number; bytes: number; heapGrowthMb: number }[]> {
  const out = [];
  // A warm-up (module loading, JIT), then the sizes and one 4× larger: memory must not follow the row count.
  const sizes = [2000, ...OPTS.sizes, Math.min(200_000, Math.max(...OPTS.sizes) * 4)];
  for (const [i, size] of sizes.entries()) {
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.heapUsed + before.external;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.external);
    }, 20);
    let bytes = 0;
    const t0 = performance.now();
    await pipeline(
      statusTableXlsx({ title: '压测', date: '2026-06-15', chairName: null, frozenAt: new Date() }, generatedRows(size), {
        locale: 'zh-CN',
      }),
      new Writable({
        write(chunk: Buffer, _e, cb) {
          bytes += chunk.length;
          cb();
        },
      }),
    );
    const ms = performance.now() - t0;
    clearInterval(timer);
    if (i === 0) continue;
    out.push({ rows: size, ms, bytes, heapGrowthMb: (peak - before.heapUsed - before.external) / 1e6 });
    log(`  renderer alone, ${size} rows: ${ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB`);
  }
  return out;
}

// ── Modes ──────────────────────────────────────────────────────────────────────────────────────

interface ModeResult {
  mode: 'pg' | 'pglite';
  sizes: SizeResult[];
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function runPostgres(baseUrl: string): Promise<ModeResult> {
  const name = `kpd_bench_exports_${Date.now()}`;
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = withDatabase(baseUrl, name);
  log(`PostgreSQL: scratch database ${name}`);
  let server: AppServer | undefined;
  try {
    const client = postgres(url, { max: 4, onnotice: () => {} });
    const db = drizzlePg(client, { schema }) as unknown as Db;
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS });
    const meetings = await seed(db, OPTS.sizes);
    await client.unsafe('VACUUM (ANALYZE)');
    await client.end({ timeout: 5 });
    server = await startServer({ DATABASE_URL: url, PGLITE_DATA_DIR: undefined, AUTH_SECRET: randomBytes(32).toString('base64url') });
    return { mode: 'pg', sizes: await measure(server, meetings) };
  } finally {
    await server?.stop();
    if (!OPTS.keep) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end({ timeout: 5 });
  }
}

async function runPglite(): Promise<ModeResult> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzleLite } = await import('drizzle-orm/pglite');
  const { migrate: migrateLite } = await import('drizzle-orm/pglite/migrator');
  const dir = path.join(DATA_DIR, `pglite-exports-${Date.now()}`);
  log(`PGlite: scratch data dir ${path.relative(ROOT, dir)}`);
  let server: AppServer | undefined;
  try {
    const client = await PGlite.create(dir);
    const db = drizzleLite(client, { schema }) as unknown as Db;
    await migrateLite(drizzleLite(client), { migrationsFolder: MIGRATIONS });
    const meetings = await seed(db, OPTS.sizes);
    await client.exec('VACUUM (ANALYZE)');
    await client.close();
    server = await startServer({ PGLITE_DATA_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: randomBytes(32).toString('base64url') });
    return { mode: 'pglite', sizes: await measure(server, meetings) };
  } finally {
    await server?.stop();
    if (!OPTS.keep) rmSync(dir, { recursive: true, force: true });
  }
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────

function verdict(s: SizeResult): string {
  const time = s.goalMs === null ? '' : s.maxMs <= s.goalMs ? `✓ ≤ ${s.goalMs / 1000} s` : `✗ > ${s.goalMs / 1000} s`;
  const mem = s.maxGrowthMb <= MEMORY_GOAL_MB ? `✓ ≤ ${MEMORY_GOAL_MB} MB` : `✗ > ${MEMORY_GOAL_MB} MB`;
  return [time, mem].filter(Boolean).join(', ');
}

function section(results: ModeResult[], renderer: Awaited<ReturnType<typeof rendererOnly>>, when: string): string {
  const lines = [
    `### Exports: status table as Excel (${when})`,
    '',
    `\`GET /api/exports/meetings/:id/status-table.xlsx\` on the production build, signed in as a prefecture dispatch user, one request at a time, ${OPTS.runs} runs per size after one warm-up; time to the last byte; server memory = peak RSS of the server's processes during the download minus their RSS just before it. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)} at the end.`,
    '',
    '| database | rows | median | slowest | first byte (median) | file | server RSS growth (max) | before | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    for (const s of r.sizes) {
      const fb = s.runs.map((x) => x.firstByteMs).sort((a, b) => a - b)[Math.floor(s.runs.length / 2)]!;
      lines.push(
        `| ${r.mode === 'pg' ? 'PostgreSQL' : 'PGlite'} | ${s.rows.toLocaleString('en')} | ${(s.medianMs / 1000).toFixed(2)} s | ${(s.maxMs / 1000).toFixed(2)} s | ${fb.toFixed(0)} ms | ${(s.runs[0]!.bytes / 1e6).toFixed(1)} MB | ${s.maxGrowthMb.toFixed(0)} MB | ${s.runs[0]!.rssBeforeMb.toFixed(0)} MB | ${verdict(s)} |`,
      );
    }
  }
  lines.push(
    '',
    'Renderer alone (generated rows, no database, no HTTP, in the bench process, after a warm-up; the largest size shows that memory does not follow the row count):',
    '',
    '| rows | time | file | heap + external growth (max) |',
    '|---:|---:|---:|---:|',
  );
  for (const r of renderer)
    lines.push(
      `| ${r.rows.toLocaleString('en')} | ${(r.ms / 1000).toFixed(2)} s | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.heapGrowthMb.toFixed(0)} MB |`,
    );
  const checks = results.flatMap((r) => r.sizes.map((s) => `${r.mode} ${s.rows}: ${s.verified}`));
  lines.push('', `Files checked: ${checks.join('; ')}.`);
  return lines.join('\n');
}

function writeDocs(content: string): void {
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const start = '<!-- bench:exports:start -->';
  const end = '<!-- bench:exports:end -->';
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  const block = `${start}\n${content.trim()}\n${end}`;
  doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOCS, doc);
  log(`wrote ${path.relative(ROOT, DOCS)}`);
}

async function main(): Promise<void> {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (!OPTS.skipBuild) {
    log('next build …');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    if (r.status !== 0) throw new Error('next build failed');
  } else if (!existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) throw new Error(`--skip-build, but there is no production build in ${DIST}/`);

  log('renderer alone …');
  const renderer = await rendererOnly();
  const results: ModeResult[] = [];
  if (OPTS.mode !== 'pglite') {
    const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await reachable(withDatabase(url, 'postgres'))) results.push(await runPostgres(url));
    else log(`PostgreSQL at ${new URL(url).host} does not answer: skipping the PostgreSQL mode`);
  }
  if (OPTS.mode !== 'pg') results.push(await runPglite());

  const text = section(results, renderer, when);
  console.log(`\n${text}\n`);
  for (const r of results)
    writeFileSync(path.join(DATA_DIR, `results-exports-${r.mode}.json`), JSON.stringify({ when, options: OPTS, renderer, ...r }, null, 2));
  if (OPTS.docs) writeDocs(text);
  const missed = results.flatMap((r) => r.sizes.filter((s) => verdict(s).includes('✗')).map((s) => `${r.mode} ${s.rows}: ${verdict(s)}`));
  if (missed.length) console.log(`Export goals missed:\n  ${missed.join('\n  ')}`);
}

await main();
process.exit(0);
