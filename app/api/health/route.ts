import { checkHealth } from '@/lib/health/check';
import { json, withRoute } from '@/lib/http/route';

/**
 * GET /api/health — for a load balancer or an orchestrator; no session (proxy.ts leaves /api/
 * alone). 200 { status: 'ok', database: 'ok', migrations: 'current' } when the database
 * answers and has exactly the committed migrations; otherwise 503 with what is wrong, e.g.
 * { status: 'error', database: 'ok', migrations: 'pending', pending: 1 } or
 * { status: 'error', database: 'unreachable', migrations: 'unknown' }. Never cached.
 */
export const dynamic = 'force-dynamic';

export const GET = withRoute({
  name: 'health',
  // The one route without a session: a load balancer has none.
  auth: false,
  handler: async () => {
    const health = await checkHealth();
    return json(health, { status: health.status === 'ok' ? 200 : 503 });
  },
});
