import { servePhotoRoute } from '@/lib/reports/photo-http';

/**
 * GET /api/photos/:id — a report photo; `?thumb=1` for its thumbnail (JPEG). Only for users
 * who may see the project (otherwise 404). `Cache-Control: private`, `nosniff`.
 * The logic and its tests: lib/reports/photo-http.ts.
 */
export const dynamic = 'force-dynamic';

export const GET = servePhotoRoute;
