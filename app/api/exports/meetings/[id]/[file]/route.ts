import { getActor } from '@/lib/auth/session';
import { exportMinutes, exportStatusTable } from '@/lib/exports/http';
import { requestLocale } from '@/lib/i18n/translate-server';

/**
 * GET /api/exports/meetings/:id/status-table.xlsx|csv (the meeting's status table, from its
 * frozen snapshot) and /api/exports/meetings/:id/minutes.docx. A meeting the user may not see
 * is 404. The logic and its tests: lib/exports/http.ts.
 */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const [{ id, file }, actor, locale] = await Promise.all([params, getActor(), requestLocale()]);
  if (file === 'minutes.docx') return exportMinutes(actor, id, locale);
  const [name, format = ''] = file.split('.', 2);
  if (name === 'status-table') return exportStatusTable(actor, id, format, locale);
  return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
}
