import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { exportProblems, exportRegistry } from '@/lib/exports/http';
import { requestLocale } from '@/lib/i18n/translate-server';

/**
 * GET /api/exports/registry.xlsx|csv and /api/exports/problems.xlsx|csv, with the list's own
 * URL filters as the query string: every row the list shows under them (all pages), only what
 * the signed-in user may see. The logic and its tests: lib/exports/http.ts.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const [{ file }, actor, locale] = await Promise.all([params, getActor(), requestLocale()]);
  const [name, format = ''] = file.split('.', 2);
  const search = request.nextUrl.searchParams;
  if (name === 'registry') return exportRegistry(actor, format, search, locale);
  if (name === 'problems') return exportProblems(actor, format, search, locale);
  return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
}
