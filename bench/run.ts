/**
 * `npm run bench`: the scale benchmark.
 *
 * For each database mode — real PostgreSQL and embedded PGlite — it creates a scratch database,
 * migrates it, fills it with the deterministic bench data set (bench/generate.ts: 5,000 projects
 * × 10 milestones), and then measures, at 20 concurrent requests:
 *
 *   1. the raw SQL of each target: the exact statements the app's own query functions issue
 *      (captured from drizzle's logger while calling listProjects, getProject, updateMilestone,
 *      ... in this process), replayed with postgres.js / PGlite the way the app runs them;
 *   2. the production build (`next start` via scripts/app.mjs) over HTTP with autocannon,
 *      signed in as `bench` through next-auth's own endpoints.
 *
 * and prints, per target, p50 / p95 / req/s of the page, p50 / p95 of its raw SQL, the p95 of a
 * trivial page of the same app (/session-check: root layout + session check), and the ratio
 * page p95 / (raw p95 + trivial p95). Results go to docs/benchmarks.md (generated sections)
 * and bench/.data/results-<mode>.json. Then the exports (bench/exports.ts), the framework floor
 * (bench/floor.ts) and a cold load of the main pages on a slow phone (bench/phone.ts).
 *
 *   npm run bench -- [--skip-build] [--mode pg|pglite|both] [--duration 10] [--warmup 2]
 *                    [--connections 20] [--serial 3] [--projects 5000] [--only a,b] [--explain]
 *                    [--keep] [--raw-only] [--no-docs] [--port 3200]
 *
 * (BENCH_DURATION, BENCH_WARMUP and BENCH_SERIAL set the same durations from the environment.)
 *
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432
 * when it answers. The scratch database kpd_bench_<timestamp> is created on that server and
 * dropped at the end (unless --keep); the database the URL names is never touched.
 * PGlite: a scratch data dir under bench/.data/. Only one process may open it, so the raw SQL
 * runs in this process before the server starts, and the server gets the directory after.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { killRunningApp, startApp, type AppServer } from './app-server';
import { cpuMeter, freePort, percentile } from './common';
import { signIn } from './sign-in';

// ── Re-exec under the react-server condition ───────────────────────────────────────────────────
// The app's query modules import 'server-only', which throws unless resolved with the
// react-server condition (as Next.js does for server code). Re-running this script under that
// condition lets the bench call the real query functions instead of copies of them.
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
if (!process.env.KPD_BENCH_CHILD) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', SELF, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, KPD_BENCH_CHILD: '1' },
    cwd: ROOT,
  });
  process.exit(child.status ?? 1);
}

const { drizzle: drizzlePg } = await import('drizzle-orm/postgres-js');
const { migrate: migratePg } = await import('drizzle-orm/postgres-js/migrator');
const { default: postgres } = await import('postgres');
const schema = await import('@/db/schema');
const { BENCH_PASSWORD, BENCH_USERNAME, generate } = await import('./generate');

type Db = import('@/db/client').Db;
type Actor = import('@/lib/authz').Actor;
type Sql = import('postgres').Sql;
type PGliteT = import('@electric-sql/pglite').PGlite;

// ── Options ────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const num = (name: string, fallback: number): number => {
  const v = Number(option(name, String(fallback)));
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number`);
  return v;
};

const OPTS = {
  skipBuild: flag('--skip-build'),
  mode: option('--mode', 'both') as 'pg' | 'pglite' | 'both',
  duration: num('--duration', Number(process.env.BENCH_DURATION ?? 10)),
  warmup: num('--warmup', Number(process.env.BENCH_WARMUP ?? 2)),
  connections: num('--connections', 20),
  projects: num('--projects', 5000),
  only: option('--only', '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  explain: flag('--explain'),
  keep: flag('--keep'),
  docs: !flag('--no-docs'),
  port: num('--port', 0),
  /** Seconds per page at one connection (service time without queueing); 0 = skip. */
  serial: num('--serial', Number(process.env.BENCH_SERIAL ?? 3)),
  /** Stop after the raw SQL (no build, no server): for working on the queries. */
  rawOnly: flag('--raw-only'),
};
if (!['pg', 'pglite', 'both'].includes(OPTS.mode)) throw new Error('--mode must be pg, pglite or both');

const DATA_DIR = path.join(ROOT, 'bench', '.data');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
mkdirSync(DATA_DIR, { recursive: true });

const log = (msg: string) => console.log(`[bench] ${msg}`);

// ── Targets ────────────────────────────────────────────────────────────────────────────────────

type TargetId = 'trivial' | 'registry-first' | 'registry-deep' | 'registry-filtered' | 'project' | 'milestone-update' | 'dashboard';
type Kind = 'registry' | 'project' | 'update' | 'trivial' | 'dashboard';

interface Target {
  id: TargetId;
  label: string;
  kind: Kind;
  /** Path with the query string (the project id is filled in later). */
  path: string;
  /** p95 goal in ms on PostgreSQL, if the issue sets one. */
  goalP95?: number;
  /** Whether "within 2× of raw SQL + trivial page" applies. */
  ratioGoal: boolean;
}

const REGISTRY_FILTER = 'category=wind&stage=construction&sort=totalInvestment.desc';
const ALL_TARGETS: Target[] = [
  { id: 'trivial', label: 'trivial page /session-check', kind: 'trivial', path: '/session-check', ratioGoal: false },
  { id: 'registry-first', label: 'registry, first page', kind: 'registry', path: '/projects', goalP95: 100, ratioGoal: true },
  { id: 'registry-deep', label: 'registry, page 200', kind: 'registry', path: '/projects?page=200', goalP95: 100, ratioGoal: true },
  {
    id: 'registry-filtered',
    label: 'registry, filtered + sorted',
    kind: 'registry',
    path: `/projects?${REGISTRY_FILTER}`,
    goalP95: 100,
    ratioGoal: true,
  },
  { id: 'project', label: 'project page', kind: 'project', path: '/projects/:id', goalP95: 80, ratioGoal: true },
  { id: 'milestone-update', label: 'milestone update (PATCH API)', kind: 'update', path: '/api/milestones/:id', ratioGoal: false },
  { id: 'dashboard', label: 'dashboard', kind: 'dashboard', path: '/dashboard', goalP95: 150, ratioGoal: true },
];
/** Rows of the dashboard's milestone timeline (TIMELINE_ROWS in app/(app)/dashboard/page.tsx). */
const DASHBOARD_TIMELINE_ROWS = 30;
const unknown = OPTS.only.filter((id) => !ALL_TARGETS.some((t) => t.id === id));
if (unknown.length) throw new Error(`--only: unknown target ${unknown.join(', ')} (targets: ${ALL_TARGETS.map((t) => t.id).join(', ')})`);
// The trivial page is always measured: every ratio needs it.
const TARGETS = ALL_TARGETS.filter((t) => t.id === 'trivial' || !OPTS.only.length || OPTS.only.includes(t.id));

// ── Statistics ─────────────────────────────────────────────────────────────────────────────────

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  statuses: Record<string, number>;
  bytes?: number;
  /** p50 with one connection (no queueing), when measured. */
  serialP50?: number;
  /** CPU time per request of the app server's processes (ms), from /proc. */
  appCpu?: number;
  /** CPU time per request of the PostgreSQL server's processes (ms), from /proc. */
  dbCpu?: number;
}

function summarize(samples: number[], seconds: number, extra: Partial<Stats> = {}): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    rps: sorted.length / seconds,
    errors: 0,
    statuses: {},
    ...extra,
  };
}

// ── CPU accounting ─────────────────────────────────────────────────────────────────────────────
// Wall-clock latency on a shared 2-core machine depends on whatever else runs there; the CPU time
// the app and the database spend per request does not, so the bench records both.

const isPostgres = (comm: string) => comm === 'postgres' || comm === 'postmaster';

// ── Raw SQL: capture and replay ────────────────────────────────────────────────────────────────

interface Statement {
  text: string;
  params: unknown[];
}

/** How the app runs a target's statements: all at once (Promise.all) or in one transaction, in order. */
type Shape = 'parallel' | 'transaction';

interface RawPlan {
  shape: Shape;
  statements: Statement[];
  /** For the update: rewrites the parameters for a given milestone id and version. */
  rebind?: (params: unknown[], id: number, version: number) => unknown[];
}

interface RawExecutor {
  query(text: string, params: unknown[]): Promise<unknown>;
  transaction(fn: (q: (text: string, params: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void>;
}

function postgresExecutor(sql: Sql): RawExecutor {
  // Exactly what the app's client sends (db/prepared.ts): named prepared statements when the
  // statement has parameters, the simple protocol when it has none.
  const q = (s: Sql | import('postgres').TransactionSql) => (text: string, params: unknown[]) =>
    s.unsafe(text, params as never[], params.length > 0 ? { prepare: true } : {}).values();
  return {
    query: q(sql),
    transaction: async (fn) => {
      await sql.begin(async (tx) => fn(q(tx)));
    },
  };
}

async function pgliteExecutor(client: PGliteT): Promise<RawExecutor> {
  const { types } = await import('@electric-sql/pglite');
  // drizzle's pglite session: rowMode 'array', dates and timestamps left as text.
  const identity = (v: string) => v;
  const config = {
    rowMode: 'array' as const,
    parsers: {
      [types.TIMESTAMP]: identity,
      [types.TIMESTAMPTZ]: identity,
      [types.INTERVAL]: identity,
      [types.DATE]: identity,
      1231: identity,
      1115: identity,
      1185: identity,
      1187: identity,
      1182: identity,
    },
  };
  return {
    query: (text, params) => client.query(text, params, config),
    transaction: async (fn) => {
      await client.transaction(async (tx) => fn((text, params) => tx.query(text, params, config)));
    },
  };
}

/**
 * Records the statements of the calls capture() runs, and nothing else: the generator's millions
 * of INSERT parameters would otherwise be kept until the heap runs out.
 */
function recorder() {
  const sink: Sink = { current: [], on: false };
  return {
    sink,
    logger: { logQuery: (text: string, params: unknown[]) => void (sink.on && sink.current.push({ text, params: [...params] })) },
  };
}

interface Sink {
  current: Statement[];
  on: boolean;
}

/** The statements one call issues. */
async function capture(sink: Sink, fn: () => Promise<unknown>): Promise<Statement[]> {
  sink.current = [];
  sink.on = true;
  try {
    await fn();
  } finally {
    sink.on = false;
  }
  const out = sink.current;
  sink.current = [];
  return out;
}

const CAPTURE_VERSION = 777_777;

interface Fixture {
  actor: Actor;
  projectId: number;
  projectCode: string;
  /** Milestones the HTTP update bench owns, CONNECTIONS × per-connection. */
  httpMilestones: { id: number; version: number }[];
  /** Milestones the raw-SQL update replay owns. */
  rawMilestones: { id: number; version: number }[];
  /** Milestone used to capture the update's statements. */
  captureMilestone: number;
  /** A session row for the bench user, to capture the trivial page's session lookup. */
  sessionId: string;
}

const PER_CONNECTION = 10;

/** Picks the project and milestones the targets use; the update sets are disjoint from the project page's. */
async function prepareFixture(db: Db): Promise<Fixture> {
  const { and, asc, eq, gt, inArray } = await import('drizzle-orm');
  const { users, projects, milestones, sessions } = schema;
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      countyId: users.countyId,
      unitId: users.unitId,
    })
    .from(users)
    .where(eq(users.username, BENCH_USERNAME));
  if (!user) throw new Error('bench user missing');
  // The project page target: the middle project of the registry (5 or so history events).
  const [project] = await db
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .orderBy(asc(projects.id))
    .offset(Math.floor(OPTS.projects / 2))
    .limit(1);
  if (!project) throw new Error('no projects');
  // One open milestone from each of many projects far from the project page's.
  const need = OPTS.connections * PER_CONNECTION * 2 + 1;
  const rows = await db
    .selectDistinctOn([milestones.projectId], { id: milestones.id, version: milestones.version, projectId: milestones.projectId })
    .from(milestones)
    .where(and(inArray(milestones.status, ['not_started', 'in_progress']), gt(milestones.projectId, project.id + 10)))
    .orderBy(asc(milestones.projectId), asc(milestones.sort))
    .limit(need);
  if (rows.length < need) throw new Error(`need ${need} open milestones, found ${rows.length}`);
  const half = OPTS.connections * PER_CONNECTION;
  const captureMilestone = rows[need - 1]!.id;
  await db.update(milestones).set({ version: CAPTURE_VERSION }).where(eq(milestones.id, captureMilestone));
  const sessionId = `bench-${randomBytes(12).toString('base64url')}`;
  await db.insert(sessions).values({ id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) });
  return {
    actor: user,
    projectId: project.id,
    projectCode: project.code,
    httpMilestones: rows.slice(0, half).map((r) => ({ id: r.id, version: r.version })),
    rawMilestones: rows.slice(half, 2 * half).map((r) => ({ id: r.id, version: r.version })),
    captureMilestone,
    sessionId,
  };
}

/**
 * Calls the app's own data functions for each target with a recording logger, and returns the
 * statements with how the app runs them.
 */
async function capturePlans(db: Db, sink: Sink, fx: Fixture): Promise<Record<TargetId, RawPlan>> {
  const { setDbForTests } = await import('@/db/client');
  const { listProjects } = await import('@/lib/projects/list-projects');
  const { registrySearch } = await import('@/lib/projects/search-params');
  const { getReferenceData, getCountyName } = await import('@/lib/reference/queries');
  const project = await import('@/lib/projects/get-project');
  const { updateMilestone } = await import('@/lib/milestones/actions');
  const { findSessionActor } = await import('@/lib/auth/session-lookup');
  const { unreadCount } = await import('@/lib/notifications/queries');
  const dashboard = await import('@/lib/dashboard/queries');
  const actor = fx.actor;
  setDbForTests(db);
  try {
    // What the (app) layout and the registry page load, besides the session (the trivial page's).
    const registry = (qs: string) =>
      capture(sink, () =>
        Promise.all([
          getCountyName(actor.countyId),
          unreadCount(actor),
          listProjects(actor, registrySearch.parse(new URLSearchParams(qs))),
          getReferenceData(actor),
        ]),
      );
    const plans: Partial<Record<TargetId, RawPlan>> = {};
    plans.trivial = { shape: 'parallel', statements: await capture(sink, () => findSessionActor(db, fx.sessionId)) };
    plans['registry-first'] = { shape: 'parallel', statements: await registry('') };
    plans['registry-deep'] = { shape: 'parallel', statements: await registry('page=200') };
    plans['registry-filtered'] = { shape: 'parallel', statements: await registry(REGISTRY_FILTER) };
    // What app/(app)/projects/[id]/page.tsx loads: generateMetadata's getProject, then the
    // page's Promise.all (project, milestones, history of 100, reference data), and the layout.
    // getProject runs once: it is wrapped in React's cache(), so metadata and page share it.
    plans.project = {
      shape: 'parallel',
      statements: await capture(sink, () =>
        Promise.all([
          getCountyName(actor.countyId),
          unreadCount(actor),
          project.getProject(actor, fx.projectId),
          project.getProjectMilestones(actor, fx.projectId),
          project.getProjectHistory(actor, fx.projectId, { limit: 100 }),
          getReferenceData(actor),
        ]),
      ),
    };
    // What app/(app)/dashboard/page.tsx loads besides the session: the layout's county name and
    // unread count, the page's county name, getDashboard, the reference data and the timeline
    // (no filters). The page streams the timeline after the rest; here all run at once.
    plans.dashboard = {
      shape: 'parallel',
      statements: await capture(sink, () =>
        Promise.all([
          getCountyName(actor.countyId),
          unreadCount(actor),
          dashboard.getDashboard(actor),
          getReferenceData(actor),
          dashboard.getTimeline(actor, { category: [], county: [], leader: [] }, DASHBOARD_TIMELINE_ROWS),
        ]),
      ),
    };
    let result: Awaited<ReturnType<typeof updateMilestone.execute>> | undefined;
    const updateStatements = await capture(sink, async () => {
      result = await updateMilestone.execute(actor, {
        id: fx.captureMilestone,
        version: CAPTURE_VERSION,
        status: 'in_progress',
        forecastDate: '2026-12-01',
        note: 'bench capture',
      });
    });
    if (!result?.ok) throw new Error(`capturing the update failed: ${JSON.stringify(result)}`);
    const id = fx.captureMilestone;
    plans['milestone-update'] = {
      shape: 'transaction',
      statements: updateStatements,
      rebind: (params, newId, version) =>
        params.map((p) => (p === id ? newId : p === String(id) ? String(newId) : p === CAPTURE_VERSION ? version : p)),
    };
    return plans as Record<TargetId, RawPlan>;
  } finally {
    setDbForTests(undefined);
  }
}

/** Runs `op` from `concurrency` workers for `seconds`; returns per-op latencies in ms. */
async function loop(concurrency: number, seconds: number, op: (worker: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await op(w);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return samples;
}

async function benchRaw(
  exec: RawExecutor,
  plans: Record<TargetId, RawPlan>,
  fx: Fixture,
  /** Measures the database's CPU (PostgreSQL: its processes; PGlite: this process). */
  dbMeter: () => () => number,
): Promise<Partial<Record<TargetId, Stats>>> {
  const out: Partial<Record<TargetId, Stats>> = {};
  const owned = fx.rawMilestones.map((m) => ({ ...m }));
  const cursor = new Array<number>(OPTS.connections).fill(0);
  for (const target of TARGETS) {
    const plan = plans[target.id];
    let op: (w: number) => Promise<void>;
    if (plan.shape === 'parallel') {
      op = async () => {
        await Promise.all(plan.statements.map((s) => exec.query(s.text, s.params)));
      };
    } else {
      op = async (w) => {
        // Each worker owns its milestones and knows their versions, as the HTTP clients do.
        const turn = cursor[w] ?? 0;
        cursor[w] = turn + 1;
        const m = owned[w * PER_CONNECTION + (turn % PER_CONNECTION)]!;
        await exec.transaction(async (q) => {
          for (const s of plan.statements) await q(s.text, plan.rebind!(s.params, m.id, m.version));
        });
        m.version++;
      };
    }
    if (OPTS.warmup) await loop(OPTS.connections, OPTS.warmup, op);
    const meter = dbMeter();
    const samples = await loop(OPTS.connections, OPTS.duration, op);
    const dbMs = meter();
    out[target.id] = summarize(samples, OPTS.duration, { dbCpu: samples.length ? dbMs / samples.length : undefined });
    log(
      `raw  ${target.id.padEnd(18)} p50 ${fmt(out[target.id]!.p50)}  p95 ${fmt(out[target.id]!.p95)}  ` +
        `DB CPU ${fmt(out[target.id]!.dbCpu)} ms/op  (${plan.statements.length} statements)`,
    );
  }
  return out;
}

// ── The app server ─────────────────────────────────────────────────────────────────────────────

function build(): void {
  const running = spawnSync('pgrep', ['-f', 'next build'], { encoding: 'utf8' }).stdout.trim();
  if (running) throw new Error(`another "next build" is running (pid ${running}); run again later or with --skip-build`);
  log('next build …');
  const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error('next build failed');
}

/** What an interrupted run must not leave behind: the server's process group, the scratch data. */
const cleanup: { scratch?: string } = {};
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killRunningApp();
    if (cleanup.scratch) console.error(`[bench] interrupted: remove ${cleanup.scratch} by hand`);
    process.exit(130);
  });
}

/** The dashboard cache the server runs with (lib/cache/cache.ts: 30 s in production unless set). */
/** How many server processes scripts/app.mjs starts with PostgreSQL (its default: one per core). */
function serverProcesses(): number {
  const n = Number(process.env.WEB_CONCURRENCY ?? '');
  return Number.isInteger(n) && n >= 1 ? n : os.availableParallelism();
}

function dashboardCacheSetting(): string {
  const v = process.env.DASHBOARD_CACHE_SECONDS;
  return v === undefined || v.trim() === ''
    ? 'DASHBOARD_CACHE_SECONDS unset (30 s in production)'
    : `DASHBOARD_CACHE_SECONDS=${v}${Number(v) > 0 ? '' : ' (off)'}`;
}

async function startServer(env: Record<string, string | undefined>): Promise<AppServer> {
  log(`server: ${dashboardCacheSetting()}`);
  return startApp(OPTS.port || (await freePort(3200)), { ...env, SEED_DEMO: '0' }, { log });
}

// ── HTTP load with autocannon ──────────────────────────────────────────────────────────────────

interface AutocannonClient {
  setRequests(requests: unknown[]): void;
}
interface AutocannonInstance extends PromiseLike<unknown> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', fn: (err: Error) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function cannon(
  url: string,
  seconds: number,
  opts: Record<string, unknown>,
): Promise<{ samples: number[]; statuses: Record<string, number>; errors: number; bytes: number }> {
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const instance = autocannon({ url, connections: OPTS.connections, duration: seconds, timeout: 60, ...opts });
  instance.on('response', (_c, status, b, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      samples.push(ms);
      bytes += b;
    } else errors++;
  });
  instance.on('reqError', () => void errors++);
  await instance;
  return { samples, statuses, errors, bytes };
}

/** Learns the current version of each milestone from the 409 a stale version gets. */
async function resync(base: string, cookie: string, owned: { id: number; version: number }[]): Promise<void> {
  for (const m of owned) {
    const r = await fetch(`${base}/api/milestones/${m.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ version: 2_000_000_000, status: 'in_progress' }),
    });
    const json = (await r.json()) as { current?: { version?: number } };
    if (r.status !== 409 || !json.current?.version) throw new Error(`resync of milestone ${m.id}: HTTP ${r.status}`);
    m.version = json.current.version;
  }
}

async function benchHttp(
  server: AppServer,
  cookie: string,
  fx: Fixture,
  /** Whether the database runs in its own processes (PostgreSQL) rather than in the app (PGlite). */
  separateDb: boolean,
): Promise<Partial<Record<TargetId, Stats>>> {
  const base = server.base;
  const pgid = server.pgid;
  const out: Partial<Record<TargetId, Stats>> = {};
  const headers = { cookie, accept: 'text/html' };
  const owned = fx.httpMilestones.map((m) => ({ ...m }));
  let conflicts = 0;
  for (const target of TARGETS) {
    let opts: Record<string, unknown>;
    let checkPath = target.path;
    if (target.kind === 'update') {
      // Each connection owns PER_CONNECTION milestones on different projects and cycles through
      // them. It sends the version it last saw and takes the new one from the answer, as an
      // editing user would; a 409 would carry `current.version` (counted, and there should be none).
      let nextClient = 0;
      let serial = 0;
      opts = {
        setupClient: (client: AutocannonClient) => {
          const w = nextClient++ % OPTS.connections;
          let turn = 0;
          let m = owned[w * PER_CONNECTION]!;
          client.setRequests([
            {
              method: 'PATCH',
              setupRequest: (req: Record<string, unknown>) => {
                m = owned[w * PER_CONNECTION + (turn++ % PER_CONNECTION)]!;
                serial++;
                return {
                  ...req,
                  path: `/api/milestones/${m.id}`,
                  headers: { cookie, 'content-type': 'application/json', accept: 'application/json' },
                  body: JSON.stringify({
                    version: m.version,
                    status: 'in_progress',
                    forecastDate: serial % 2 ? '2026-12-15' : '2026-12-20',
                    note: `bench update ${serial}`,
                  }),
                };
              },
              onResponse: (status: number, body: string) => {
                try {
                  const json = JSON.parse(body) as { data?: { version?: number }; current?: { version?: number } };
                  if (status === 200 && json.data?.version) m.version = json.data.version;
                  else if (status === 409 && json.current?.version) {
                    m.version = json.current.version;
                    conflicts++;
                  }
                } catch {
                  /* counted as an error by status */
                }
              },
            },
          ]);
        },
      };
      checkPath = '';
    } else {
      const p = target.path.replace(':id', String(fx.projectId));
      opts = { headers };
      checkPath = p;
    }
    if (checkPath) {
      // One request first: it must be the signed-in page, not a redirect or an error.
      const r = await fetch(base + checkPath, { headers, redirect: 'manual' });
      const body = await r.text();
      const marker =
        target.kind === 'trivial'
          ? 'data-testid="session-check"'
          : target.kind === 'registry'
            ? 'data-testid="registry-total"'
            : target.kind === 'dashboard'
              ? 'data-testid="dashboard"'
              : fx.projectCode;
      if (r.status !== 200 || !body.includes(marker)) {
        throw new Error(`${target.id}: GET ${checkPath} → ${r.status}, marker ${marker} ${body.includes(marker) ? 'found' : 'missing'}`);
      }
    }
    const url = base + (checkPath || '/');
    if (OPTS.warmup) await cannon(url, OPTS.warmup, opts);
    // autocannon drops the answers still in flight when a run ends, so an update may have gone
    // through unseen. Ask the server for each owned milestone's version (a deliberately stale
    // PATCH answers 409 with `current`) so the measured run starts in step.
    if (target.kind === 'update') await resync(base, cookie, owned);
    const conflictsBefore = conflicts;
    const appMeter = cpuMeter((_comm, pgrp) => pgrp === pgid);
    const dbMeter = separateDb ? cpuMeter(isPostgres) : undefined;
    const r = await cannon(url, OPTS.duration, opts);
    const appMs = appMeter();
    const dbMs = dbMeter?.();
    const answered = Object.entries(r.statuses).reduce((n, [k, v]) => (k === 'conflicts' ? n : n + v), 0);
    const stats = summarize(r.samples, OPTS.duration, {
      errors: r.errors,
      statuses: r.statuses,
      bytes: r.samples.length ? r.bytes / r.samples.length : 0,
      appCpu: answered ? appMs / answered : undefined,
      dbCpu: answered && dbMs !== undefined ? dbMs / answered : undefined,
    });
    if (target.kind === 'update') stats.statuses.conflicts = conflicts - conflictsBefore;
    if (OPTS.serial > 0) {
      // The same request one at a time: the service time without queueing.
      if (target.kind === 'update') await resync(base, cookie, owned);
      const serial = await cannon(url, OPTS.serial, { ...opts, connections: 1 });
      stats.serialP50 = summarize(serial.samples, OPTS.serial).p50;
      if (target.kind === 'update') await resync(base, cookie, owned);
    }
    out[target.id] = stats;
    log(
      `http ${target.id.padEnd(18)} p50 ${fmt(stats.p50)}  p95 ${fmt(stats.p95)}  ${stats.rps.toFixed(0)} req/s  ` +
        `${(stats.bytes! / 1024).toFixed(1)} KiB  app CPU ${fmt(stats.appCpu)} ms/req  DB CPU ${fmt(stats.dbCpu)} ms/req  ` +
        `statuses ${JSON.stringify(r.statuses)}`,
    );
    if (r.errors > 0) log(`  !! ${r.errors} non-2xx answers or errors for ${target.id}`);
  }
  return out;
}

// ── EXPLAIN (optional) ─────────────────────────────────────────────────────────────────────────

async function explain(exec: RawExecutor, plans: Record<TargetId, RawPlan>, file: string): Promise<void> {
  const lines: string[] = [];
  for (const target of TARGETS) {
    const plan = plans[target.id];
    for (const s of plan.statements) {
      if (!/^\s*(select|with)\b/i.test(s.text)) continue;
      const rows = (await exec.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params)) as unknown;
      const list = Array.isArray(rows) ? rows : ((rows as { rows: unknown[] }).rows ?? []);
      lines.push(`── ${target.id}\n${s.text}\n-- params ${JSON.stringify(s.params)}`);
      for (const r of list) lines.push(Array.isArray(r) ? String(r[0]) : String(Object.values(r as object)[0]));
      lines.push('');
    }
  }
  writeFileSync(file, lines.join('\n'));
  log(`EXPLAIN ANALYZE written to ${path.relative(ROOT, file)}`);
}

// ── Modes ──────────────────────────────────────────────────────────────────────────────────────

interface ModeResult {
  mode: 'pg' | 'pglite';
  engine: string;
  appPool: string;
  raw: Partial<Record<TargetId, Stats>>;
  http: Partial<Record<TargetId, Stats>>;
  fixture: { projectId: number; generatedIn: number; summary: unknown };
  /** 1-minute load average when the mode started and ended (other work on the machine skews the figures). */
  load?: [number, number];
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

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function runPostgres(baseUrl: string): Promise<ModeResult> {
  const name = `kpd_bench_${Date.now()}`;
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = withDatabase(baseUrl, name);
  cleanup.scratch = `the database ${name} (DROP DATABASE ${name} WITH (FORCE))`;
  log(`PostgreSQL: scratch database ${name}`);
  let server: AppServer | undefined;
  try {
    // JIT off, as the app's own connections have it (db/client.ts).
    const client = postgres(url, { max: 20, onnotice: () => {}, connection: { jit: 'off' } });
    const { sink, logger } = recorder();
    const db = drizzlePg(client, { schema, logger }) as unknown as Db;
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS });
    const t0 = performance.now();
    const summary = await generate(db, { projects: OPTS.projects, log: (m) => log(`  ${m}`) });
    const generatedIn = (performance.now() - t0) / 1000;
    await client.unsafe('VACUUM (ANALYZE)');
    log(`generated in ${generatedIn.toFixed(1)} s, VACUUM (ANALYZE) done`);
    const [{ version } = { version: '' }] = await client<{ version: string }[]>`select version()`;
    const fx = await prepareFixture(db);
    const plans = await capturePlans(db, sink, fx);
    const exec = postgresExecutor(client);
    if (OPTS.explain) await explain(exec, plans, path.join(DATA_DIR, 'explain-pg.txt'));
    log('raw SQL (postgres.js, pool max 20) …');
    const raw = await benchRaw(exec, plans, fx, () => cpuMeter(isPostgres));
    await client.end({ timeout: 5 });
    if (OPTS.rawOnly)
      return { mode: 'pg', engine: version, appPool: '', raw, http: {}, fixture: { projectId: fx.projectId, generatedIn, summary } };

    server = await startServer({ DATABASE_URL: url, PGLITE_DATA_DIR: undefined, AUTH_SECRET: randomBytes(32).toString('base64url') });
    const cookie = await signIn(server.base, BENCH_USERNAME, BENCH_PASSWORD);
    const http = await benchHttp(server, cookie, fx, true);
    return {
      mode: 'pg',
      engine: version.split(' on ')[0] ?? version,
      appPool: `postgres.js, pool ${process.env.DATABASE_POOL_SIZE ?? 10} (DATABASE_POOL_SIZE) per server process; ${serverProcesses()} server processes (WEB_CONCURRENCY, scripts/app.mjs)`,
      raw,
      http,
      fixture: { projectId: fx.projectId, generatedIn, summary },
    };
  } finally {
    await server?.stop();
    if (!OPTS.keep) {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      cleanup.scratch = undefined;
      log(`dropped ${name}`);
    } else log(`kept ${name}`);
    await admin.end({ timeout: 5 });
  }
}

async function runPglite(): Promise<ModeResult> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzleLite } = await import('drizzle-orm/pglite');
  const { migrate: migrateLite } = await import('drizzle-orm/pglite/migrator');
  const dir = path.join(DATA_DIR, `pglite-${Date.now()}`);
  cleanup.scratch = dir;
  log(`PGlite: scratch data dir ${path.relative(ROOT, dir)}`);
  let server: AppServer | undefined;
  try {
    const client = await PGlite.create(dir);
    const { sink, logger } = recorder();
    const db = drizzleLite(client, { schema, logger }) as unknown as Db;
    await migrateLite(drizzleLite(client), { migrationsFolder: MIGRATIONS });
    const t0 = performance.now();
    const summary = await generate(db, { projects: OPTS.projects, log: (m) => log(`  ${m}`) });
    const generatedIn = (performance.now() - t0) / 1000;
    await client.exec('VACUUM (ANALYZE)');
    log(`generated in ${generatedIn.toFixed(1)} s, VACUUM (ANALYZE) done`);
    const v = await client.query<{ version: string }>('select version()');
    const fx = await prepareFixture(db);
    const plans = await capturePlans(db, sink, fx);
    const exec = await pgliteExecutor(client);
    if (OPTS.explain) await explain(exec, plans, path.join(DATA_DIR, 'explain-pglite.txt'));
    log('raw SQL (PGlite in this process, one connection, 20 concurrent callers) …');
    const raw = await benchRaw(exec, plans, fx, () => {
      const start = process.cpuUsage();
      return () => {
        const d = process.cpuUsage(start);
        return (d.user + d.system) / 1000;
      };
    });
    await client.close();
    if (OPTS.rawOnly)
      return {
        mode: 'pglite',
        engine: v.rows[0]?.version ?? '',
        appPool: '',
        raw,
        http: {},
        fixture: { projectId: fx.projectId, generatedIn, summary },
      };

    server = await startServer({ PGLITE_DATA_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: randomBytes(32).toString('base64url') });
    const cookie = await signIn(server.base, BENCH_USERNAME, BENCH_PASSWORD);
    const http = await benchHttp(server, cookie, fx, false);
    const pgliteVersion = (
      JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
    ).version;
    return {
      mode: 'pglite',
      engine: `PGlite ${pgliteVersion} (${(v.rows[0]?.version ?? '').split(' on ')[0]})`,
      appPool: 'PGlite, one connection in the app process',
      raw,
      http,
      fixture: { projectId: fx.projectId, generatedIn, summary },
    };
  } finally {
    await server?.stop();
    if (!OPTS.keep) {
      rmSync(dir, { recursive: true, force: true });
      cleanup.scratch = undefined;
    } else log(`kept ${dir}`);
  }
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────

const fmt = (ms: number | undefined): string => (ms === undefined || Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

interface Row {
  target: Target;
  page?: Stats;
  raw?: Stats;
  ratio?: number;
  verdict: string;
}

function rows(r: ModeResult): Row[] {
  const trivial = r.http.trivial;
  return TARGETS.map((target) => {
    const page = r.http[target.id];
    const raw = r.raw[target.id];
    const ratio = target.kind === 'trivial' || !page || !raw || !trivial ? undefined : page.p95 / (raw.p95 + trivial.p95);
    const checks: string[] = [];
    if (r.mode === 'pg' && page) {
      if (target.goalP95 !== undefined) checks.push(page.p95 <= target.goalP95 ? `p95 ≤ ${target.goalP95} ✓` : `p95 > ${target.goalP95} ✗`);
      if (target.ratioGoal && ratio !== undefined) checks.push(ratio <= 2 ? 'ratio ≤ 2 ✓' : 'ratio > 2 ✗');
      if (page.errors) checks.push(`${page.errors} errors ✗`);
    }
    return { target, page, raw, ratio, verdict: checks.join(', ') || (r.mode === 'pg' ? '—' : 'no target on PGlite') };
  });
}

function table(r: ModeResult): string {
  const trivialP95 = r.http.trivial?.p95;
  const head =
    '| target | p50 ms | p95 ms | req/s | KiB/resp | 1-conn p50 ms | raw SQL p50 ms | raw SQL p95 ms | trivial p95 ms | ratio | targets |\n' +
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|';
  const body = rows(r).map(({ target, page, raw, ratio, verdict }) =>
    [
      `${target.label} \`${target.path}\``,
      fmt(page?.p50),
      fmt(page?.p95),
      page ? page.rps.toFixed(0) : '—',
      page?.bytes !== undefined ? (page.bytes / 1024).toFixed(1) : '—',
      fmt(page?.serialP50),
      fmt(raw?.p50),
      fmt(raw?.p95),
      fmt(trivialP95),
      ratio === undefined ? '—' : ratio.toFixed(2),
      verdict,
    ].join(' | '),
  );
  return [head, ...body.map((b) => `| ${b} |`)].join('\n');
}

/** Where the time goes: CPU per request of the app and of the database, against the raw SQL's. */
function costTable(r: ModeResult): string {
  const db = r.mode === 'pg' ? 'PostgreSQL' : 'PGlite (in the bench process)';
  const head =
    `| target | 1-conn p50 ms | app CPU ms/req | ${r.mode === 'pg' ? 'PostgreSQL CPU ms/req | ' : ''}raw SQL: ${db} CPU ms/op |\n` +
    `|---|--:|--:|${r.mode === 'pg' ? '--:|' : ''}--:|`;
  const body = TARGETS.map((t) => {
    const page = r.http[t.id];
    const raw = r.raw[t.id];
    const cells = [`${t.label}`, fmt(page?.serialP50), fmt(page?.appCpu)];
    if (r.mode === 'pg') cells.push(fmt(page?.dbCpu));
    cells.push(fmt(raw?.dbCpu));
    return `| ${cells.join(' | ')} |`;
  });
  return [head, ...body].join('\n');
}

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const next = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/next/package.json'), 'utf8')) as { version: string }).version;
  return [
    `- CPU: ${model}, ${os.cpus().length} cores (${os.availableParallelism()} available)`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `- Node.js ${process.version}, Next.js ${next} (production build, \`next start\`)`,
    '- Load generator, app server and database share the same machine.',
  ].join('\n');
}

function section(r: ModeResult, when: string): string {
  const s = r.fixture.summary as {
    projects: number;
    milestones: number;
    auditEvents: number;
    periods?: number;
    reports?: number;
    plans?: number;
    lights?: number;
    problems?: number;
  };
  return [
    `### ${r.mode === 'pg' ? 'PostgreSQL' : 'PGlite (embedded)'}`,
    '',
    `Run ${when}. Engine: ${r.engine}. App database access: ${r.appPool}. ` +
      `Data: ${s.projects} projects, ${s.milestones} milestones, ${s.auditEvents} audit events` +
      (s.reports !== undefined
        ? `, ${s.periods} monthly periods with ${s.reports} reports, ${s.plans} annual plans, ${s.lights} lights, ${s.problems} problems`
        : '') +
      ` (generated in ${r.fixture.generatedIn.toFixed(1)} s). ` +
      `${OPTS.connections} concurrent connections, ${OPTS.duration} s per target after ${OPTS.warmup} s warm-up` +
      `${OPTS.serial ? `, then ${OPTS.serial} s at one connection` : ''}. Project page: project id ${r.fixture.projectId}.` +
      (r.load
        ? ` Load average (1 min) ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end, on ${os.cpus().length} cores.`
        : ''),
    '',
    table(r),
    '',
    "CPU time per request (from /proc: the app server's processes" +
      (r.mode === 'pg' ? ', and all PostgreSQL server processes, including any other work on that server' : ', which include PGlite') +
      '); unlike the latencies, it does not depend on what else the machine is doing:',
    '',
    costTable(r),
    '',
  ].join('\n');
}

function writeDocs(results: ModeResult[], when: string): void {
  mkdirSync(path.dirname(DOCS), { recursive: true });
  let doc = existsSync(DOCS)
    ? readFileSync(DOCS, 'utf8')
    : '# Benchmarks\n\nRun with `npm run bench`.\n\n<!-- bench:machine:start -->\n<!-- bench:machine:end -->\n\n<!-- bench:pg:start -->\n<!-- bench:pg:end -->\n\n<!-- bench:pglite:start -->\n<!-- bench:pglite:end -->\n';
  const put = (key: string, content: string) => {
    const start = `<!-- bench:${key}:start -->`;
    const end = `<!-- bench:${key}:end -->`;
    const a = doc.indexOf(start);
    const b = doc.indexOf(end);
    const block = `${start}\n${content.trim()}\n${end}`;
    doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  };
  put('machine', `### Machine\n\n${machine()}`);
  for (const r of results) put(r.mode, section(r, when));
  writeFileSync(DOCS, doc);
  log(`wrote ${path.relative(ROOT, DOCS)}`);
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (OPTS.rawOnly) {
    /* no app */
  } else if (!OPTS.skipBuild) build();
  else if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('--skip-build, but there is no production build in .next/');

  const results: ModeResult[] = [];
  const timed = async (run: () => Promise<ModeResult>) => {
    const before = os.loadavg()[0]!;
    const r = await run();
    r.load = [before, os.loadavg()[0]!];
    results.push(r);
  };
  if (OPTS.mode !== 'pglite') {
    const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await reachable(withDatabase(url, 'postgres'))) await timed(() => runPostgres(url));
    else log(`PostgreSQL at ${new URL(url).host} does not answer: skipping the PostgreSQL mode`);
  }
  if (OPTS.mode !== 'pg') await timed(runPglite);

  console.log('');
  console.log(machine());
  for (const r of results) {
    console.log('');
    console.log(section(r, when));
    writeFileSync(path.join(DATA_DIR, `results-${r.mode}.json`), JSON.stringify({ when, options: OPTS, ...r }, null, 2));
  }
  if (OPTS.docs && !OPTS.only.length && !OPTS.rawOnly) writeDocs(results, when);
  const missed = results.flatMap((r) =>
    rows(r)
      .filter((x) => x.verdict.includes('✗'))
      .map((x) => `${r.mode} ${x.target.id}: ${x.verdict}`),
  );
  if (missed.length) console.log(`\nTargets missed:\n  ${missed.join('\n  ')}`);
  if (!OPTS.rawOnly && !OPTS.only.length) {
    const docs = OPTS.docs ? [] : ['--no-docs'];
    spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'exports.ts'), '--skip-build', '--mode', OPTS.mode, ...docs], {
      stdio: 'inherit',
      cwd: ROOT,
    }); // exports: bench/exports.ts
    // The framework floor: the smallest App Router page on this machine (bench/floor.ts).
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'bench', 'floor.ts'),
        '--duration',
        String(OPTS.duration),
        '--warmup',
        String(OPTS.warmup),
        '--serial',
        String(OPTS.serial),
        '--connections',
        String(OPTS.connections),
        ...docs,
      ],
      { stdio: 'inherit', cwd: ROOT },
    );
    // A cold load on a slow phone: seconds to content, JavaScript bytes per page (bench/phone.ts).
    spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'phone.ts'), ...docs], { stdio: 'inherit', cwd: ROOT });
  }
}

await main();
process.exit(0);
