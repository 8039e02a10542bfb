/**
 * Runs the escalation job (escalation.ts) at server start and then every interval
 * (ESCALATION_INTERVAL_MINUTES, default 15), exactly once per interval across all app instances
 * on one database. Started from instrumentation.ts in the Node.js runtime of every instance.
 *
 * Every instance ticks on its own timer. A tick runs the job only if, in one transaction, it
 *   1. takes the job's transaction-scoped advisory lock without waiting (another instance
 *      running it right now: skip), and
 *   2. claims the run: moves `job_runs.last_started_at` to now() only where the previous run
 *      started at least one interval ago (by the database's clock, the one clock all instances
 *      share; a tolerance of a tenth of the interval, at most 10 s, absorbs timer jitter);
 * and then does the job's work in the same transaction. Nobody else can claim between 1 and 2,
 * and a run that fails rolls its claim back, so the next tick of any instance tries again.
 * The embedded database has one process; the same rule holds there trivially.
 *
 * One timer per process, also across hot reloads (the handle lives on globalThis); a failed
 * run is logged and the next one tries again.
 */
import { sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db/client';
import { announceDataChange, dataChanged, instanceId } from '@/lib/cache/data-changed';
import { escalateOverdueProblems, type EscalationChange } from './escalation';

export const ESCALATION_JOB_NAME = 'problem.escalation';
export const ESCALATION_INTERVAL_MS = 15 * 60 * 1000;

/**
 * ESCALATION_INTERVAL_MINUTES as milliseconds (default 15 minutes). Throws, naming the variable,
 * on anything but a positive number of minutes (decimals allowed, at least one second).
 */
export function escalationIntervalMs(raw = process.env.ESCALATION_INTERVAL_MINUTES): number {
  if (raw === undefined || raw.trim() === '') return ESCALATION_INTERVAL_MS;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes * 60_000 < 1000) {
    throw new Error(`ESCALATION_INTERVAL_MINUTES must be a number of minutes of at least 1/60 (got "${raw}")`);
  }
  return Math.round(minutes * 60_000);
}

/** How much earlier than one interval after the last start a run may still claim the job. */
export function claimToleranceMs(intervalMs: number): number {
  return Math.min(Math.floor(intervalMs / 10), 10_000);
}

type Holder = { timer?: ReturnType<typeof setInterval>; running?: boolean; intervalMs: number };
const holder: Holder = ((globalThis as unknown as { __kpdEscalation?: Holder }).__kpdEscalation ??= { intervalMs: ESCALATION_INTERVAL_MS });

async function rowsOf<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const res = (await executor.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * Claims this interval's run of `job` for this instance, inside `tx` (see the top of the file).
 * The run's start (the database's now()) and number: the caller does the work in the same
 * transaction. null: another instance runs it right now or ran it less than an interval ago.
 */
export async function claimJobRun(tx: Executor, job: string, intervalMs: number): Promise<{ startedAt: Date; runCount: number } | null> {
  const [lock] = await rowsOf<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`kpd:job:${job}`}, 0)) as locked`,
  );
  if (!lock?.locked) return null;
  const minGapMs = intervalMs - claimToleranceMs(intervalMs);
  const [claimed] = await rowsOf<{ started_ms: number; run_count: number }>(
    tx,
    sql`insert into job_runs (name, last_started_at, last_instance, run_count)
        values (${job}, now(), ${instanceId()}, 1)
        on conflict (name) do update
          set last_started_at = now(), last_instance = excluded.last_instance, run_count = job_runs.run_count + 1
          where job_runs.last_started_at <= now() - make_interval(secs => ${minGapMs / 1000})
        returning (extract(epoch from last_started_at) * 1000)::float8 as started_ms, run_count`,
  );
  return claimed ? { startedAt: new Date(claimed.started_ms), runCount: claimed.run_count } : null;
}

export interface EscalationRun {
  /** Whether this instance ran the job on this tick (false: not its turn, or it failed). */
  ran: boolean;
  /** When the run started, by the database's clock (runs only). */
  startedAt?: Date;
  changes: EscalationChange[];
}

/** One tick; never throws (a scheduler must not take the server down). */
export async function runEscalationOnce(intervalMs = holder.intervalMs): Promise<EscalationRun> {
  if (holder.running) return { ran: false, changes: [] }; // the previous run is still going: skip this tick
  holder.running = true;
  try {
    const db = await getDb();
    const result = await db.transaction(async (tx): Promise<EscalationRun> => {
      const claim = await claimJobRun(tx, ESCALATION_JOB_NAME, intervalMs);
      if (!claim) return { ran: false, changes: [] };
      const changes = await escalateOverdueProblems(tx);
      if (changes.length) await announceDataChange(tx);
      return { ran: true, startedAt: claim.startedAt, changes };
    });
    if (result.changes.length) {
      dataChanged(); // the dashboard's problem figures (lib/cache/cache.ts)
      const list = result.changes.map((c) => `#${c.id} ${c.from}→${c.to}`).join(', ');
      console.info(`[escalation] raised ${result.changes.length} problem(s): ${list}`);
    }
    return result;
  } catch (err) {
    console.error('[escalation] run failed; will retry at the next interval', err);
    return { ran: false, changes: [] };
  } finally {
    holder.running = false;
  }
}

/**
 * Starts the schedule (idempotent: a second call replaces the first timer instead of adding one).
 * `onTick` sees each tick's outcome (tests).
 */
export function startEscalationSchedule(intervalMs = escalationIntervalMs(), onTick?: (run: EscalationRun) => void): void {
  if (holder.timer) clearInterval(holder.timer);
  holder.intervalMs = intervalMs;
  const tick = () => void runEscalationOnce(intervalMs).then((run) => onTick?.(run));
  holder.timer = setInterval(tick, intervalMs);
  // The timer alone must not keep a process alive (scripts, tests, shutdown).
  holder.timer.unref?.();
  tick();
}

export function stopEscalationSchedule(): void {
  if (holder.timer) clearInterval(holder.timer);
  holder.timer = undefined;
}
