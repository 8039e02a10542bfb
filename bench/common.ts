/**
 * Pieces the benchmark scripts share (bench/run.ts, bench/exports.ts, bench/floor.ts): percentiles,
 * CPU time of processes from /proc, and a free port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** utime + stime (ms) of each live process that `match` selects, from /proc/<pid>/stat. */
function cpuSnapshot(match: (comm: string, pgrp: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  if (!existsSync('/proc')) return out;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      if (!match(comm, Number(f[2]))) continue;
      out.set(Number(entry), ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK);
    } catch {
      /* the process ended */
    }
  }
  return out;
}

/** CPU ms spent since `before` by the processes `match` selects (new processes count from zero). */
export function cpuMeter(match: (comm: string, pgrp: number) => boolean): () => number {
  const before = cpuSnapshot(match);
  return () => {
    let ms = 0;
    for (const [pid, now] of cpuSnapshot(match)) ms += now - (before.get(pid) ?? 0);
    return ms;
  };
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('no free port');
}
