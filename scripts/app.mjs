#!/usr/bin/env node
// Builds and starts the production app. Without DATABASE_URL it runs on the embedded PGlite
// database in .data/pglite, migrated and seeded (facts + demo) on first start.
//
//   node scripts/app.mjs [--skip-build] [--port 3000] [--workers N] [--fresh-data]
//
// WEB_CONCURRENCY (or --workers): server processes; with DATABASE_URL one per core by default.
//
// AUTH_SECRET: taken from the environment, or generated once and kept in .data/auth-secret
// so sessions survive restarts. AUTH_TRUST_HOST defaults to true (the app sits behind
// whatever host name it is reached by; set AUTH_URL in production instead if you prefer).
import { spawn, spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const root = process.cwd();
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });

const env = { ...process.env };
if (!env.AUTH_SECRET) {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}
env.AUTH_TRUST_HOST ??= 'true';

if (flag('--fresh-data') && env.PGLITE_DATA_DIR && !env.DATABASE_URL) {
  rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
}

const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
if (!flag('--skip-build')) {
  const build = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = option('--port', env.PORT ?? '3000');

// How many server processes: WEB_CONCURRENCY (or --workers). With PostgreSQL the default is one
// per core, as a Node.js cluster sharing the port (Next.js renders on one thread, so one process
// uses about one core); the embedded PGlite database may be opened by one process only.
const requested = option('--workers', env.WEB_CONCURRENCY ?? '');
const workers = requested === '' ? (env.DATABASE_URL ? os.availableParallelism() : 1) : Number(requested);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`WEB_CONCURRENCY must be a whole number of at least 1 (got "${requested}")`);
  process.exit(2);
}
if (workers > 1 && !env.DATABASE_URL) {
  console.error('The embedded database (PGlite) can be opened by one process only: WEB_CONCURRENCY must be 1 without DATABASE_URL.');
  process.exit(2);
}

if (workers === 1) {
  const child = spawn(process.execPath, [next, 'start', '-p', port], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // The primary only forks and restarts: the workers share the port through it.
  cluster.setupPrimary({ exec: next, args: ['start', '-p', port] });
  let stopping = false;
  const restarts = [];
  const fork = (index) => {
    // Each worker is an app instance like any other: it hears the others' writes through
    // PostgreSQL (LISTEN/NOTIFY, lib/cache/data-changed.ts), and every one may tick the
    // escalation job, which runs once per interval across all instances (lib/problems/schedule.ts).
    const worker = cluster.fork(env);
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > 5) {
        console.error(`[app] worker ${index} exited (${signal ?? code}); more than 5 exits in a minute, stopping`);
        stop('SIGTERM', 1);
        return;
      }
      console.error(`[app] worker ${index} exited (${signal ?? code}); starting it again`);
      setTimeout(() => fork(index), 1000);
    });
  };
  console.log(`[app] ${workers} server processes on port ${port}`);
  for (let i = 0; i < workers; i++) fork(i);
  // Stops every worker, then the primary (after 10 s at the latest).
  function stop(sig, code) {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
    const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(code);
    cluster.on('exit', done);
    done();
    setTimeout(() => process.exit(code), 10_000).unref();
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig, 0));
}
