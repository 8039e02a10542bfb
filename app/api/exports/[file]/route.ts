import { exportListRoute } from '@/lib/exports/http';

/**
 * GET /api/exports/registry.xlsx|csv and /api/exports/problems.xlsx|csv, with the list's own
 * URL filters as the query string: every row the list shows under them (all pages), only what
 * the signed-in user may see. The logic and its tests: lib/exports/http.ts.
 */
export const dynamic = 'force-dynamic';

export const GET = exportListRoute;
