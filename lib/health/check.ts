import { sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db/client';
import { type MigrationState, migrationStatus } from '@/db/migration-status';
import { describeFailure } from '@/lib/request-id';

/**
 * The load balancer's health check (GET /api/health): is the database reachable, and does it
 * have exactly the committed migrations? No session, no data: only these states, so the answer
 * tells an anonymous caller nothing about the projects. Errors are logged, never returned.
 */
export interface Health {
  status: 'ok' | 'error';
  database: 'ok' | 'unreachable';
  /** 'unknown' when the database could not be asked. */
  migrations: MigrationState | 'unknown';
  /** With migrations 'pending': how many committed migrations are not applied. */
  pending?: number;
}

/** How long the database may take to answer before the check reports it unreachable. */
export const HEALTH_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(
  opts: { db?: () => Promise<Executor>; migrationsFolder?: string; timeoutMs?: number } = {},
): Promise<Health> {
  const open = opts.db ?? getDb;
  try {
    const status = await withTimeout(
      (async () => {
        const db = await open();
        await db.execute(sql`SELECT 1`);
        return migrationStatus(db, opts.migrationsFolder);
      })(),
      opts.timeoutMs ?? HEALTH_TIMEOUT_MS,
    );
    if (status.state === 'current') return { status: 'ok', database: 'ok', migrations: 'current' };
    return {
      status: 'error',
      database: 'ok',
      migrations: status.state,
      ...(status.state === 'pending' ? { pending: status.pending } : {}),
    };
  } catch (err) {
    // The failure's name and message only: a driver error carries its query and parameters.
    console.error(`[health] database check failed: ${describeFailure(err)}`);
    return { status: 'error', database: 'unreachable', migrations: 'unknown' };
  }
}
