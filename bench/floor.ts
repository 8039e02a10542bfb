/**
 * The framework floor: what the smallest Next.js App Router page costs on this machine, measured
 * the way `npm run bench` measures the app's pages (20 concurrent connections, autocannon, full
 * HTML document requests, p50 / p95, CPU time per request from /proc).
 *
 * bench/floor/ is an app of its own with one root layout (<html><body>) and one page that renders
 * `<p>ok</p>` on every request (`await connection()`): no session, no database, no messages, no
 * CSS. It is built with the project's own Next.js. Whatever an app page costs beyond it is the
 * app's; what it costs itself is a floor that no page of any App Router app can go below here.
 *
 * Runs: one `next start` (as the app runs), and two `next start` processes (one per core, as a
 * cluster or two instances behind a proxy would run) with half the connections each, at the same
 * time; then one connection alone (the service time without queueing).
 *
 *   npx tsx bench/floor.ts [--skip-build] [--duration 10] [--warmup 2] [--connections 20] [--no-docs]
 *
 * `npm run bench` runs it after the pages and writes the result into docs/benchmarks.md
 * (section "bench:floor").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMeter, percentile } from './common';
import { buildFloor, startFloor, stopFloor, type FloorServer } from './floor-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');

const argv = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number`);
  return v;
};
const OPTS = {
  skipBuild: argv.includes('--skip-build'),
  docs: !argv.includes('--no-docs'),
  duration: num('--duration', Number(process.env.BENCH_DURATION ?? 10)),
  warmup: num('--warmup', Number(process.env.BENCH_WARMUP ?? 2)),
  serial: num('--serial', Number(process.env.BENCH_SERIAL ?? 3)),
  connections: num('--connections', 20),
};

const log = (msg: string) => console.log(`[floor] ${msg}`);

type Instance = PromiseLike<unknown> & { on(event: 'response', fn: (c: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Instance;

type Server = FloorServer;
const start = startFloor;
const stop = stopFloor;

/** Loads every server at once, `connections` split evenly, and returns the latencies (ms) of all 200s. */
async function load(servers: Server[], connections: number, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  const each = Math.max(1, Math.round(connections / servers.length));
  await Promise.all(
    servers.map((s) => {
      const instance = autocannon({ url: s.url, connections: each, duration: seconds, timeout: 60 });
      instance.on('response', (_c, status, _b, ms) => {
        if (status === 200) samples.push(ms);
      });
      return instance;
    }),
  );
  return samples;
}

interface Result {
  label: string;
  processes: number;
  connections: number;
  n: number;
  p50: number;
  p95: number;
  rps: number;
  cpu: number;
}

async function measure(label: string, servers: Server[], connections: number, seconds = OPTS.duration): Promise<Result> {
  if (OPTS.warmup > 0) await load(servers, connections, OPTS.warmup);
  const groups = new Set(servers.map((s) => s.child.pid!));
  const meter = cpuMeter((_comm, pgrp) => groups.has(pgrp));
  const samples = (await load(servers, connections, seconds)).sort((a, b) => a - b);
  const cpu = meter();
  const r: Result = {
    label,
    processes: servers.length,
    connections,
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    rps: samples.length / seconds,
    cpu: cpu / Math.max(1, samples.length),
  };
  log(`${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s, ${r.cpu.toFixed(2)} ms CPU/req`);
  return r;
}

function section(results: Result[], when: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${r.processes} | ${r.connections} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.cpu.toFixed(2)} |`,
  );
  const cpus = os.cpus();
  return [
    `### Framework floor (${when})`,
    '',
    `The smallest App Router page (bench/floor: a root layout and \`<p>ok</p>\`, rendered per request), built with the project's Next.js and served by \`next start\`; ${OPTS.duration} s per run after ${OPTS.warmup} s of warm-up. Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)} at the end. The issue's goals at 20 concurrent requests: registry p95 ≤ 100 ms, project page p95 ≤ 80 ms, dashboard p95 ≤ 150 ms.`,
    '',
    '| run | processes | connections | p50 ms | p95 ms | req/s | CPU ms/req |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows,
  ].join('\n');
}

function writeDocs(content: string): void {
  const start = '<!-- bench:floor:start -->';
  const end = '<!-- bench:floor:end -->';
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${content.trim()}\n${end}`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + end.length);
  else {
    const at = doc.indexOf('\n## Exports');
    doc = at >= 0 ? `${doc.slice(0, at)}\n${block}\n${doc.slice(at)}` : `${doc.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(DOCS, doc);
  log(`wrote ${path.relative(ROOT, DOCS)}`);
}

async function main(): Promise<void> {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  buildFloor(OPTS.skipBuild, log);
  const results: Result[] = [];
  const a = await start();
  try {
    results.push(await measure('one process', [a], OPTS.connections));
    const b = await start();
    try {
      results.push(await measure('two processes, half the connections each', [a, b], OPTS.connections));
    } finally {
      stop(b);
    }
    if (OPTS.serial > 0) {
      results.push(await measure('one connection (service time)', [a], 1, OPTS.serial));
    }
  } finally {
    stop(a);
  }
  const text = section(results, when);
  console.log(`\n${text}\n`);
  if (OPTS.docs) writeDocs(text);
}

await main();
process.exit(0);
