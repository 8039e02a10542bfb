/**
 * Runs once when a Next.js server starts. Starts the problem escalation job (督办: overdue
 * problems escalate to the responsible leader, then to the dispatch office) in the Node.js
 * runtime only; never during `next build`, never with ESCALATION_JOB=off, and in one server
 * process only when several run. A failure here
 * is logged, never thrown: the server must start even if the job cannot.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
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
