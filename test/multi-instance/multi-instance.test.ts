/**
 * Two app instances on one PostgreSQL (issue 12): two separate Node.js processes
 * (instance.ts), not a cluster, sharing nothing but the database. A write through one drops the
 * other's read caches at once (LISTEN/NOTIFY), also after its LISTEN connection was killed; a
 * rolled-back write tells nobody; the escalation job, ticked by both, runs once per interval.
 *
 * PostgreSQL only (TEST_DATABASE_URL): the embedded database is one process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, jobRuns, problems } from '@/db/schema';
import { claimToleranceMs, ESCALATION_JOB_NAME } from '@/lib/problems/schedule';
import { buildProblemWorld, makeProblem, type ProblemWorld } from '@/lib/problems/test-world';
import { onPostgres, useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';

if (!onPostgres) {
  console.info('[multi-instance] skipped: two app instances need a real PostgreSQL (set TEST_DATABASE_URL)');
}

const ROOT = path.resolve(__dirname, '..', '..');

type Reply = Record<string, unknown> & { ok?: boolean; error?: string };
interface Tick {
  ran: boolean;
  startedAt?: number;
  changes: number[];
  at: number;
}
interface State {
  instanceId: string;
  generation: number;
  listener: { live: boolean; backendPid?: number; listens: number; heard: number } | null;
}

/** One instance: a child process answering JSON commands (see instance.ts). */
class Instance {
  private next = 1;
  private waiting = new Map<number, (r: Reply) => void>();
  readonly ticks: Tick[] = [];
  readonly logs: string[] = [];
  readonly ready: Promise<void>;
  private constructor(
    readonly name: string,
    private child: ChildProcessWithoutNullStreams,
  ) {
    let ready!: () => void;
    this.ready = new Promise((r) => (ready = r));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('@@')) return void this.logs.push(line);
      const m = JSON.parse(line.slice(2)) as Reply & { id?: number; event?: string };
      if (m.event === 'ready') ready();
      else if (m.event === 'tick') this.ticks.push(m as unknown as Tick);
      else if (m.id !== undefined) this.waiting.get(m.id)?.(m);
    });
    createInterface({ input: child.stderr }).on('line', (line) => this.logs.push(line));
  }

  static start(name: string): Instance {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DASHBOARD_CACHE_SECONDS: '600' };
    // Not a test process: the cache is on, as in production.
    for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
    delete env.TEST_DATABASE_URL;
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'instance.ts')], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
    });
    return new Instance(name, child);
  }

  async call<T extends Reply = Reply>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
    const r = await reply;
    this.waiting.delete(id);
    if (!r.ok) throw new Error(`${this.name} ${cmd}: ${r.error}\n${this.logs.join('\n')}`);
    return r as T;
  }

  state(): Promise<State & Reply> {
    return this.call<State & Reply>('state');
  }

  dashboard(userId: number): Promise<State & Reply & { projects: number; computedAt: string }> {
    return this.call('dashboard', { userId });
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.call('exit').catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    this.child.kill();
  }
}

/** Polls `probe` until `done` holds (every 20 ms); the elapsed milliseconds, or throws after `ms`. */
async function within<T>(ms: number, probe: () => Promise<T>, done: (v: T) => boolean): Promise<{ value: T; elapsed: number }> {
  const t0 = performance.now();
  for (;;) {
    const value = await probe();
    const elapsed = performance.now() - t0;
    if (done(value)) return { value, elapsed };
    if (elapsed > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(onPostgres)('two app instances on one PostgreSQL', () => {
  const getDb = useTestDb({ reset: 'file' });
  let a: Instance;
  let b: Instance;
  let w: ProblemWorld;
  let seq = 0;
  const newProject = () => ({ code: `MI-${++seq}`, name: `多实例项目 ${seq}`, categoryCode: w.category.code, stage: 'construction' });

  beforeAll(async () => {
    w = await buildProblemWorld();
    [a, b] = [Instance.start('A'), Instance.start('B')];
    await Promise.all([a.ready, b.ready]);
    await Promise.all([a.call('start'), b.call('start')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('each instance listens on its own connection', async () => {
    const [sa, sb] = [await a.state(), await b.state()];
    expect(sa.instanceId).not.toBe(sb.instanceId);
    expect(sa.listener).toMatchObject({ live: true, listens: 1, heard: 0 });
    expect(sb.listener).toMatchObject({ live: true, listens: 1, heard: 0 });
    const rows = await getDb().execute(sql`select pid, application_name from pg_stat_activity where application_name like 'kpd-listen %'`);
    const apps = (rows as unknown as { pid: number; application_name: string }[]).map((r) => r.application_name);
    expect(apps).toEqual(expect.arrayContaining([`kpd-listen ${sa.instanceId}`, `kpd-listen ${sb.instanceId}`]));
  });

  it('a write through A is on B’s dashboard at once; a rolled-back write tells nobody; A skips its own notice', async () => {
    const dispatch = w.users.dispatch.id;
    const first = await b.dashboard(dispatch);
    // B caches: the same figures, computed at the same moment, on the next request…
    const again = await b.dashboard(dispatch);
    expect(again.computedAt).toBe(first.computedAt);
    // …even after a write that went around the app (no notice): the cache is really serving.
    await makeProject({ categoryCode: w.category.code }, getDb());
    expect((await b.dashboard(dispatch)).projects).toBe(first.projects);

    const a0 = await a.state();
    const b0 = await b.state();
    // A write refused inside its transaction (the code is taken): rolled back, no notice.
    const taken = await a.call<{ result: { ok: boolean; code?: string } }>('createProject', {
      userId: dispatch,
      input: { ...newProject(), code: w.project.code },
    });
    expect(taken.result).toMatchObject({ ok: false, code: 'CONFLICT' });

    const written = await a.call<{ result: { ok: boolean } }>('createProject', { userId: dispatch, input: newProject() });
    expect(written.result.ok).toBe(true);
    const heard = await within(
      1000,
      () => b.state(),
      (s) => s.generation > b0.generation,
    );
    console.info(`[multi-instance] B dropped its caches ${heard.elapsed.toFixed(0)} ms after A's write returned`);
    expect(heard.elapsed).toBeLessThan(1000);

    const fresh = await b.dashboard(dispatch);
    // The project written around the app and the one through A's action.
    expect(fresh.projects).toBe(first.projects + 2);
    expect(fresh.computedAt).not.toBe(first.computedAt);

    await sleep(300); // time for any further notice to arrive
    const [a1, b1] = [await a.state(), await b.state()];
    // One notice reached B: the committed write (the rolled-back one sent none).
    expect(b1.listener!.heard).toBe(b0.listener!.heard + 1);
    expect(b1.generation).toBe(b0.generation + 1);
    // A dropped its caches once, at its commit, and skipped its own notice.
    expect(a1.generation).toBe(a0.generation + 1);
    expect(a1.listener!.heard).toBe(a0.listener!.heard);
  });

  it('B listens again after its LISTEN connection is killed, drops its caches once, and hears the next write', async () => {
    const dispatch = w.users.dispatch.id;
    const before = await b.state();
    await b.dashboard(dispatch); // something cached
    const pid = before.listener!.backendPid!;
    expect(pid).toBeGreaterThan(0);
    await getDb().execute(sql`select pg_terminate_backend(${pid})`);

    const back = await within(
      5000,
      () => b.state(),
      (s) => s.listener!.live && s.listener!.listens === 2,
    );
    console.info(`[multi-instance] B listening again ${back.elapsed.toFixed(0)} ms after its backend was terminated`);
    expect(back.value.listener!.backendPid).not.toBe(pid);
    // Dropped once on reconnecting (notices may have been missed), with no write at all.
    expect(back.value.generation).toBe(before.generation + 1);

    const cached = await b.dashboard(dispatch);
    const res = await a.call<{ result: { ok: boolean } }>('createProject', { userId: dispatch, input: newProject() });
    expect(res.result.ok).toBe(true);
    const heard = await within(
      1000,
      () => b.state(),
      (s) => s.listener!.heard === before.listener!.heard + 1,
    );
    expect(heard.value.generation).toBe(before.generation + 2);
    expect((await b.dashboard(dispatch)).projects).toBe(cached.projects + 1);
  });

  it('the escalation job, ticked by both instances every second, runs once per interval and escalates once', async () => {
    const db = getDb();
    const overdue = await makeProblem(w, { deadline: '2025-01-31' }, db);
    const interval = 1000;
    const tolerance = claimToleranceMs(interval);
    const duration = 5500;
    a.ticks.length = 0;
    b.ticks.length = 0;
    // Both start at the same moment: their first ticks race for the same run.
    await Promise.all([a.call('schedule', { intervalMs: interval }), b.call('schedule', { intervalMs: interval })]);
    await sleep(duration);
    await Promise.all([a.call('stopSchedule'), b.call('stopSchedule')]);
    await sleep(300); // a tick still running finishes

    const ticks = [...a.ticks.map((t) => ({ ...t, by: 'A' })), ...b.ticks.map((t) => ({ ...t, by: 'B' }))];
    const runs = ticks.filter((t) => t.ran).sort((x, y) => x.startedAt! - y.startedAt!);
    const gaps = runs.slice(1).map((r, i) => r.startedAt! - runs[i]!.startedAt!);
    console.info(
      `[multi-instance] ${a.ticks.length} ticks on A, ${b.ticks.length} on B; ${runs.length} runs (${runs.map((r) => r.by).join('')}), gaps ${gaps.join(', ')} ms`,
    );
    // Both kept ticking; only one run per interval happened between them.
    expect(a.ticks.length).toBeGreaterThanOrEqual(5);
    expect(b.ticks.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(duration / (interval - tolerance)));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(interval - tolerance);
    // The very first ticks raced: one ran, the other found the run taken.
    expect(runs[0]!.startedAt! - ticks.reduce((m, t) => Math.min(m, t.at), Infinity)).toBeLessThan(interval);

    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, ESCALATION_JOB_NAME));
    expect(row?.runCount).toBe(runs.length);

    // The overdue problem escalated once: one change reported, one audit event, level 2.
    expect(runs.flatMap((r) => r.changes)).toEqual([overdue.id]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.escalate'), eq(auditEvents.entityId, String(overdue.id))));
    expect(events).toHaveLength(1);
    const [p] = await db.select().from(problems).where(eq(problems.id, overdue.id));
    expect(p?.escalationLevel).toBe(2);
  }, 30_000);
});
