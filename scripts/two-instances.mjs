#!/usr/bin/env node
// Two separate app instances (`next start` on two ports, not a cluster) on one PostgreSQL, checked
// from outside like a load balancer would spread the requests (issue 12):
//
//   1. both instances answer /api/health; the same user signs in on each;
//   2. instance B serves its dashboard from its cache (DASHBOARD_CACHE_SECONDS=600: only the
//      "data changed" notice can make it compute again);
//   3. a milestone write through A's PATCH /api/milestones/:id (its forecast moved to yesterday)
//      is on B's dashboard at once: B's next page is computed after the write and shows the same
//      figures as A's;
//   4. the milestone is put back (a second write, seen on B the same way);
//   5. the escalation job, ticked by both every 3 s, ran once per interval between them
//      (job_runs.run_count).
//
// Needs a production build (`npm run build`) and DATABASE_URL naming a migrated database with the
// demo set (`npm run db:migrate && npm run db:seed -- --demo`); use a scratch database: step 3
// changes a milestone (step 4 restores its status and dates, with two audit events).
//
//   DATABASE_URL=postgres://… node scripts/two-instances.mjs [--ports 3101,3102]
//                             [--user dispatch] [--password demo2025]
//
// Exit code 0 when every check passed, 1 otherwise (each check is printed), 2 on bad usage.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = process.cwd();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must name the PostgreSQL database both instances use.');
  process.exit(2);
}
if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build in .next: run `npm run build` first.');
  process.exit(2);
}
const ports = option('--ports', '3101,3102').split(',').map(Number);
if (ports.length !== 2 || ports.some((p) => !Number.isInteger(p) || p <= 0)) {
  console.error('--ports takes two port numbers, e.g. 3101,3102');
  process.exit(2);
}
const username = option('--user', 'dispatch');
const password = option('--password', 'demo2025');
const INTERVAL_MINUTES = 0.05; // 3 s
const timeZone = process.env.APP_TIME_ZONE || 'Asia/Shanghai';

let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};

// ── The two instances ───────────────────────────────────────────────────────────────────────
const env = {
  ...process.env,
  NODE_ENV: 'production',
  // One secret for both, as on every machine behind one load balancer.
  AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: 'true',
  DASHBOARD_CACHE_SECONDS: '600',
  ESCALATION_JOB: 'on',
  ESCALATION_INTERVAL_MINUTES: String(INTERVAL_MINUTES),
};
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const spawnedAt = performance.now();
const instances = ports.map((port, i) => {
  const name = 'AB'[i];
  const child = spawn(process.execPath, [next, 'start', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) =>
      logs.push(
        ...chunk
          .split('\n')
          .filter(Boolean)
          .map((l) => `[${name}] ${l}`),
      ),
    );
  }
  return { name, port, base: `http://127.0.0.1:${port}`, child, logs };
});
const stopAll = () => {
  for (const i of instances) i.child.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
const sql = postgres(url, { max: 2, onnotice: () => {} });

async function waitHealthy(inst) {
  const until = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${inst.base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (inst.child.exitCode !== null || Date.now() > until) {
      throw new Error(`instance ${inst.name} did not become healthy:\n${inst.logs.slice(-20).join('\n')}`);
    }
    await sleep(250);
  }
}

/** Signs in through next-auth's endpoints (as bench/sign-in.ts) and returns the Cookie header. */
async function signIn(base) {
  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/dashboard` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('authjs.session-token')))
    throw new Error(`sign-in as ${username} on ${base} failed (HTTP ${res.status})`);
  return cookie();
}

const FIGURES = ['figure-projects', 'figure-milestones-due', 'figure-milestones-overdue', 'figure-problems-open'];

/** The dashboard as the user sees it: when its figures were computed, and the headline tiles' text. */
async function dashboard(inst) {
  const res = await fetch(`${inst.base}/dashboard`, { headers: { cookie: inst.cookie }, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${inst.name} /dashboard: HTTP ${res.status}`);
  const html = await res.text();
  const computedAt = /data-computed-at="([^"]+)"/.exec(html)?.[1];
  const figures = {};
  for (const id of FIGURES) {
    const at = html.indexOf(`data-testid="${id}"`);
    if (at < 0) continue;
    // The tile's text: its markup up to the next tile, tags stripped.
    const end = html.indexOf('data-testid="figure-', at + id.length + 14);
    figures[id] = html
      .slice(at, end < 0 ? at + 2000 : end)
      .replace(/^[^>]*>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return { computedAt, figures };
}

async function patchMilestone(inst, id, body) {
  const res = await fetch(`${inst.base}/api/milestones/${id}`, {
    method: 'PATCH',
    headers: { cookie: inst.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || !json.ok) throw new Error(`PATCH /api/milestones/${id} on ${inst.name}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

/** A write through A, then B's dashboard at once: computed after the write, equal to A's. */
async function writeSeenOnB(a, b, what, write) {
  const before = await dashboard(b);
  const cached = await dashboard(b);
  check(
    before.computedAt && cached.computedAt === before.computedAt,
    `B serves its dashboard from its cache before ${what} (computed at ${before.computedAt})`,
  );
  const t0 = performance.now();
  await write();
  const wrote = performance.now();
  const afterB = await dashboard(b);
  const seen = performance.now();
  const afterA = await dashboard(a);
  check(
    afterB.computedAt !== before.computedAt,
    `B's next dashboard after ${what} is computed afresh (${afterB.computedAt}); write ${(wrote - t0).toFixed(0)} ms, B's page ${(seen - wrote).toFixed(0)} ms after it`,
  );
  check(
    JSON.stringify(afterB.figures) === JSON.stringify(afterA.figures),
    `B shows the same figures as A after ${what}: ${JSON.stringify(afterB.figures)}`,
  );
  return { before, afterB };
}

try {
  const [{ n: runsBefore = 0 } = {}] =
    await sql`select coalesce(max(run_count), 0)::int as n from job_runs where name = 'problem.escalation'`;
  await Promise.all(instances.map(waitHealthy));
  const started = performance.now();
  check(true, `both instances healthy (${instances.map((i) => i.base).join(', ')})`);
  for (const inst of instances) inst.cookie = await signIn(inst.base);
  check(true, `signed in as ${username} on both`);
  const [a, b] = instances;

  // An open milestone's forecast moved to yesterday through A: B's next dashboard must be
  // computed after that write (the notice reached it), with A's figures; then it is put back.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [m] = await sql`
    select id, version, status, forecast_date::text as forecast, note from milestones
     where actual_date is null and status <> 'done' and coalesce(forecast_date, planned_date) >= ${today}::date
     order by id limit 1`;
  if (!m) throw new Error('no open milestone due after today in this database: seed the demo set (npm run db:seed -- --demo)');

  let version = m.version;
  await writeSeenOnB(a, b, `milestone #${m.id} made overdue through A`, async () => {
    version = (await patchMilestone(a, m.id, { version, status: m.status, forecastDate: yesterday })).version;
  });

  await writeSeenOnB(a, b, `milestone #${m.id} put back through A`, async () => {
    version = (await patchMilestone(a, m.id, { version, status: m.status, forecastDate: m.forecast ?? '' })).version;
  });

  // The escalation job: both instances tick every 3 s; let them run for a while.
  const intervalMs = INTERVAL_MINUTES * 60_000;
  const rest = Math.max(0, 12_000 - (performance.now() - started));
  await sleep(rest);
  const elapsed = performance.now() - started;
  const [{ n: runsAfter = 0 } = {}] =
    await sql`select coalesce(max(run_count), 0)::int as n from job_runs where name = 'problem.escalation'`;
  const runs = runsAfter - runsBefore;
  // At most one run per interval (less a tenth of it) since the instances were started, plus the first.
  const most = Math.floor((performance.now() - spawnedAt) / (intervalMs * 0.9)) + 1;
  check(
    runs >= 2 && runs <= most,
    `escalation job: ${runs} runs in ${(elapsed / 1000).toFixed(1)} s between both instances (at most ${most} allowed)`,
  );
} catch (err) {
  check(false, err instanceof Error ? err.message : String(err));
} finally {
  if (failed) for (const inst of instances) console.log(inst.logs.slice(-15).join('\n'));
  stopAll();
  await sql.end({ timeout: 5 });
}
console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
process.exit(failed ? 1 : 0);
