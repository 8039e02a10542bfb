import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { servePhoto } from '@/lib/reports/photo-http';

/**
 * GET /api/photos/:id — a report photo; `?thumb=1` for its thumbnail (JPEG). Only for users
 * who may see the project (otherwise 404). `Cache-Control: private`, `nosniff`.
 * The logic and its tests: lib/reports/photo-http.ts.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, actor] = await Promise.all([params, getActor()]);
  return servePhoto(actor, id, request.nextUrl.searchParams.get('thumb') === '1');
}
