/**
 * Runs once when a Next.js server starts. Checks APP_TIME_ZONE and ESCALATION_INTERVAL_MINUTES
 * first: a bad value stops the start. Seeds an empty embedded database (not during `next build`).
 * With PostgreSQL, opens this instance's LISTEN connection for the "data changed" signal of the
 * other instances (lib/cache/data-changed.ts; it retries in the background and never blocks the
 * start). Then starts the problem escalation schedule (督办: overdue problems escalate to the
 * responsible leader, then to the dispatch office) in the Node.js runtime only; never during
 * `next build`, never with ESCALATION_JOB=off. Every instance (every cluster worker, every
 * machine) starts it: each run claims the job in the database, so it runs once per interval
 * across all of them (lib/problems/schedule.ts). A failure to start the job is logged, never
 * thrown: the server must start even if the job cannot.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // An unknown APP_TIME_ZONE stops the server here, with a message naming the variable,
  // instead of failing the first request that shows a date.
  const { appTimeZone } = await import('./lib/time-zone');
  appTimeZone();
  const { escalationIntervalMs } = await import('./lib/problems/schedule');
  const intervalMs = escalationIntervalMs();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // The embedded database (no DATABASE_URL) is seeded on the first start: the report's facts,
  // and the demo set unless SEED_DEMO=0. Before any request is served; a failure stops the start.
  if (!process.env.DATABASE_URL) {
    const [{ getDb }, { seedIfEmpty }] = await Promise.all([import('./db/client'), import('./lib/seed/seed')]);
    await seedIfEmpty(await getDb(), { demo: process.env.SEED_DEMO !== '0' });
  }
  if (process.env.DATABASE_URL) {
    const { startDataChangedListener } = await import('./lib/cache/data-changed');
    // Not awaited: until it listens, this instance's caches only stand aside (never serve).
    startDataChangedListener().catch((err) => console.error('[instrumentation] could not start the data-changed listener', err));
  }
  if (process.env.ESCALATION_JOB === 'off') return;
  try {
    const { startEscalationSchedule } = await import('./lib/problems/schedule');
    startEscalationSchedule(intervalMs);
  } catch (err) {
    console.error('[instrumentation] could not start the escalation job', err);
  }
}
