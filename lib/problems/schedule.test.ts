/**
 * The escalation schedule: a tick never throws, one timer per process, the interval setting, and
 * the claim that makes a run happen once per interval across instances (the claim on the test
 * database; with two processes on PostgreSQL: test/multi-instance).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type Db, setDbForTests } from '@/db/client';
import { auditEvents, jobRuns } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { onPostgres, useTestDb } from '@/test/db';
import {
  claimJobRun,
  claimToleranceMs,
  ESCALATION_INTERVAL_MS,
  ESCALATION_JOB_NAME,
  escalationIntervalMs,
  runEscalationOnce,
  startEscalationSchedule,
  stopEscalationSchedule,
} from './schedule';
import { buildProblemWorld, makeProblem } from './test-world';

afterEach(() => {
  stopEscalationSchedule();
  vi.restoreAllMocks();
});

describe('the escalation schedule', () => {
  afterEach(() => setDbForTests(undefined));

  it('a failing run is logged, never thrown', async () => {
    const broken = { transaction: () => Promise.reject(new Error('database is down')) } as unknown as Db;
    setDbForTests(broken);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(runEscalationOnce()).resolves.toEqual({ ran: false, changes: [] });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[escalation] run failed'), expect.any(Error));
  });

  it('starting twice (hot reload) leaves one timer, which does not keep the process alive', () => {
    setDbForTests({ transaction: () => Promise.resolve({ ran: false, changes: [] }) } as unknown as Db);
    const set = vi.spyOn(globalThis, 'setInterval');
    const clear = vi.spyOn(globalThis, 'clearInterval');
    startEscalationSchedule(60_000);
    startEscalationSchedule(60_000);
    expect(set).toHaveBeenCalledTimes(2);
    expect(clear).toHaveBeenCalledTimes(1);
    expect(clear).toHaveBeenCalledWith(set.mock.results[0]!.value);
    const timer = set.mock.results[1]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
  });

  it('ESCALATION_INTERVAL_MINUTES: 15 by default, decimals allowed, anything else stops the start naming the variable', () => {
    expect(escalationIntervalMs(undefined)).toBe(ESCALATION_INTERVAL_MS);
    expect(ESCALATION_INTERVAL_MS).toBe(15 * 60_000);
    expect(escalationIntervalMs(' ')).toBe(ESCALATION_INTERVAL_MS);
    expect(escalationIntervalMs('5')).toBe(5 * 60_000);
    expect(escalationIntervalMs('0.5')).toBe(30_000);
    for (const bad of ['0', '-1', 'abc', '0.001', 'Infinity']) {
      expect(() => escalationIntervalMs(bad)).toThrow(/ESCALATION_INTERVAL_MINUTES/);
    }
  });

  it('the claim tolerance: a tenth of the interval, at most 10 s', () => {
    expect(claimToleranceMs(1000)).toBe(100);
    expect(claimToleranceMs(ESCALATION_INTERVAL_MS)).toBe(10_000);
  });
});

describe('claiming a run on the database', () => {
  const getDb = useTestDb();
  afterAll(() => setClockForTests(null));

  it('the first claim creates the job’s row; another within the interval is refused; after it, taken again', async () => {
    const db = getDb();
    const first = await db.transaction((tx) => claimJobRun(tx, 'test.job', 60_000));
    expect(first?.runCount).toBe(1);
    expect(await db.transaction((tx) => claimJobRun(tx, 'test.job', 60_000))).toBeNull();
    // A different job is claimed on its own.
    expect((await db.transaction((tx) => claimJobRun(tx, 'test.other', 60_000)))?.runCount).toBe(1);
    // Move the last start back by the interval minus the tolerance: due again.
    await db.execute(sql`update job_runs set last_started_at = last_started_at - interval '54 seconds' where name = 'test.job'`);
    const later = await db.transaction((tx) => claimJobRun(tx, 'test.job', 60_000));
    expect(later?.runCount).toBe(2);
    expect(later!.startedAt.getTime()).toBeGreaterThan(first!.startedAt.getTime());
  });

  it('a run that fails leaves the claim untaken: the next tick runs', async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        expect(await claimJobRun(tx, 'test.job', 60_000)).not.toBeNull();
        throw new Error('the job failed');
      }),
    ).rejects.toThrow('the job failed');
    expect(await db.select().from(jobRuns)).toEqual([]);
    expect((await db.transaction((tx) => claimJobRun(tx, 'test.job', 60_000)))?.runCount).toBe(1);
  });

  it('runEscalationOnce: escalates in the claimed run, and a second tick within the interval does nothing', async () => {
    const db = getDb();
    setClockForTests(new Date('2025-06-15T04:00:00Z'));
    const w = await buildProblemWorld();
    const p = await makeProblem(w, { deadline: '2025-06-14' });
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const first = await runEscalationOnce(60_000);
    expect(first).toMatchObject({ ran: true, changes: [{ id: p.id, from: 0, to: 1 }] });
    expect(info).toHaveBeenCalledWith(expect.stringContaining(`#${p.id} 0→1`));
    // Ten days later, but inside the same interval: not this tick's turn.
    setClockForTests(new Date('2025-06-25T04:00:00Z'));
    expect(await runEscalationOnce(60_000)).toEqual({ ran: false, changes: [] });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'problem.escalate'));
    expect(events).toHaveLength(1);
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, ESCALATION_JOB_NAME));
    expect(row).toMatchObject({ runCount: 1 });
  });

  it.runIf(onPostgres)('two transactions at once: the one that holds the lock runs, the other skips without waiting', async () => {
    const db = getDb();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let claimedFirst!: () => void;
    const firstClaimed = new Promise<void>((r) => (claimedFirst = r));
    const first = db.transaction(async (tx) => {
      const c = await claimJobRun(tx, 'test.job', 60_000);
      claimedFirst();
      await held;
      return c;
    });
    await firstClaimed;
    const t0 = performance.now();
    const second = await db.transaction((tx) => claimJobRun(tx, 'test.job', 60_000));
    expect(second).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
    release();
    expect((await first)?.runCount).toBe(1);
  });
});
