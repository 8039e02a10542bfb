/**
 * The framework floor app (bench/floor: one root layout and `<p>ok</p>`), built with the
 * project's Next.js and served by `next start`: bench/floor.ts measures its latency and CPU,
 * bench/phone.ts what it weighs on a slow phone (the JavaScript every App Router page sends).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './common';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLOOR = path.join(ROOT, 'bench', 'floor');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FloorServer {
  child: ChildProcess;
  url: string;
}

/** Builds the floor app unless `reuse` and a build is there. */
export function buildFloor(reuse: boolean, log: (msg: string) => void): void {
  if (reuse && existsSync(path.join(FLOOR, '.next', 'BUILD_ID'))) return;
  log('next build bench/floor …');
  const r = spawnSync(process.execPath, [NEXT_BIN, 'build', FLOOR], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build bench/floor failed');
}

export async function startFloor(): Promise<FloorServer> {
  const port = await freePort(3500);
  const child = spawn(process.execPath, [NEXT_BIN, 'start', FLOOR, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(url);
      if (res.status === 200 && (await res.text()).includes('<p>ok</p>')) return { child, url };
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the floor app did not start');
}

export function stopFloor(server: FloorServer): void {
  try {
    process.kill(-server.child.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
}
