/**
 * The production build under test, started the way it runs (scripts/app.mjs --skip-build) for
 * the benchmark scripts (bench/run.ts, bench/exports.ts, bench/phone.ts): its own process group,
 * so that stopping it (or an interrupted run) takes every worker with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AppServer {
  base: string;
  /** The server's process group (its pid): every process of the app. */
  pgid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** The app's process group while it runs, for an interrupted run to stop (killRunningApp). */
let running: number | undefined;

/** For a SIGINT / SIGTERM handler: stops the app that is running, if any, without waiting. */
export function killRunningApp(): void {
  if (!running) return;
  try {
    process.kill(-running, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/**
 * Starts the app on `port` with the caller's settings on top of the bench's own (production,
 * AUTH_TRUST_HOST; an `undefined` value removes a variable) and resolves once /login answers 200.
 * `args` are extra scripts/app.mjs arguments (e.g. --fresh-data).
 */
export async function startApp(
  port: number,
  env: Record<string, string | undefined>,
  opts: { args?: string[]; log?: (msg: string) => void } = {},
): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production', ...env };
  delete childEnv.KPD_BENCH_CHILD;
  delete childEnv.NODE_OPTIONS;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'app.mjs'), '--skip-build', ...(opts.args ?? []), '--port', String(port)],
    {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  running = child.pid;
  child.on('exit', () => {
    exited = true;
    if (running === child.pid) running = undefined;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const t0 = Date.now();
    while (!exited && Date.now() - t0 < 10_000) await sleep(100);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`the app exited during start-up:\n${output.join('')}`);
    try {
      if ((await fetch(`${base}/login`, { redirect: 'manual' })).status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 180_000) {
      await stop();
      throw new Error(`the app did not answer within 180 s:\n${output.join('')}`);
    }
    await sleep(250);
  }
  opts.log?.(`app up on ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s (process group ${child.pid})`);
  return { base, pgid: child.pid!, child, stop };
}
