/**
 * Runs once when a Next.js server starts. Checks APP_TIME_ZONE first (lib/time-zone): an unknown
 * zone stops the start. Seeds an empty embedded database (not during `next build`). Then starts
 * the problem escalation job (督办: overdue problems escalate to the responsible leader, then to
 * the dispatch office) in the Node.js runtime only; never
 * during `next build`, never with ESCALATION_JOB=off, and in one server process only when
 * several run. A failure to start the job is logged, never thrown: the server must start even
 * if the job cannot.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // An unknown APP_TIME_ZONE stops the server here, with a message naming the variable,
  // instead of failing the first request that shows a date.
  const { appTimeZone } = await import('./lib/time-zone');
  appTimeZone();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // The embedded database (no DATABASE_URL) is seeded on the first start: the report's facts,
  // and the demo set unless SEED_DEMO=0. Before any request is served; a failure stops the start.
  if (!process.env.DATABASE_URL) {
    const [{ getDb }, { seedIfEmpty }] = await Promise.all([import('./db/client'), import('./lib/seed/seed')]);
    await seedIfEmpty(await getDb(), { demo: process.env.SEED_DEMO !== '0' });
  }
  if (process.env.ESCALATION_JOB === 'off') return;
  // Several server processes (scripts/app.mjs, WEB_CONCURRENCY > 1): the first one runs the job.
  if (process.env.KPD_WORKER !== undefined && process.env.KPD_WORKER !== '0') return;
  try {
    const { startEscalationSchedule } = await import('./lib/problems/schedule');
    startEscalationSchedule();
  } catch (err) {
    console.error('[instrumentation] could not start the escalation job', err);
  }
}
