/**
 * Runs the escalation job (escalation.ts) at server start and every 15 minutes. Started from
 * instrumentation.ts in the Node.js runtime. One timer per process, also across hot reloads
 * (the handle lives on globalThis); a failed run is logged and the next one tries again.
 */
import { getDb } from '@/db/client';
import { dataChanged } from '@/lib/cache/data-changed';
import { escalateOverdueProblems } from './escalation';

export const ESCALATION_INTERVAL_MS = 15 * 60 * 1000;

type Holder = { timer?: ReturnType<typeof setInterval>; running?: boolean };
const holder: Holder = ((globalThis as unknown as { __kpdEscalation?: Holder }).__kpdEscalation ??= {});

/** One run; never throws (a scheduler must not take the server down). */
export async function runEscalationOnce(): Promise<void> {
  if (holder.running) return; // the previous run is still going (slow database): skip this tick
  holder.running = true;
  try {
    const changes = await escalateOverdueProblems(await getDb());
    if (changes.length) {
      dataChanged(); // the dashboard's problem figures (lib/cache/cache.ts)
      console.info(`[escalation] raised ${changes.length} problem(s): ${changes.map((c) => `#${c.id} ${c.from}→${c.to}`).join(', ')}`);
    }
  } catch (err) {
    console.error('[escalation] run failed; will retry at the next interval', err);
  } finally {
    holder.running = false;
  }
}

/** Starts the schedule (idempotent: a second call replaces the first timer instead of adding one). */
export function startEscalationSchedule(intervalMs = ESCALATION_INTERVAL_MS): void {
  if (holder.timer) clearInterval(holder.timer);
  holder.timer = setInterval(() => void runEscalationOnce(), intervalMs);
  // The timer alone must not keep a process alive (scripts, tests, shutdown).
  holder.timer.unref?.();
  void runEscalationOnce();
}

export function stopEscalationSchedule(): void {
  if (holder.timer) clearInterval(holder.timer);
  holder.timer = undefined;
}
