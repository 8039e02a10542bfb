import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per scheduled job (lib/problems/schedule.ts): when it last ran, and where. Every app
 * instance ticks on its own timer; a run claims the job by moving `last_started_at` forward,
 * with the condition that the previous run is at least one interval old, in the transaction
 * that does the job's work (under a transaction-scoped advisory lock). So two instances never
 * both run inside one interval, and a run that fails leaves the claim untaken.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    name: text('name').primaryKey(),
    lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
    /** The instance that ran it last (host, process id and a random id). */
    lastInstance: text('last_instance').notNull(),
    /** Completed runs since the row was created. */
    runCount: integer('run_count').notNull().default(1),
  },
  (t) => [check('job_runs_run_count_positive', sql`${t.runCount} > 0`)],
);
