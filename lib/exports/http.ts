import 'server-only';
/**
 * The export endpoints, made by the route wrapper (lib/http/route.ts: session, id, permission,
 * one error answer); the route files under app/api/exports only name them.
 *
 *   GET /api/exports/registry.xlsx|csv?<the registry's URL filters>
 *   GET /api/exports/problems.xlsx|csv?<the problem list's URL filters>
 *   GET /api/exports/meetings/:id/status-table.xlsx|csv
 *   GET /api/exports/meetings/:id/minutes.docx
 *
 * Signed out → 401; a meeting the actor may not see (or that does not exist) → 404. Bodies
 * stream (no Content-Length); `X-Total-Rows` tells the browser how many rows are coming when
 * it is known, for the progress display. A failure before the first byte is a JSON error with
 * a translated message; a failure while streaming aborts the response, so the download fails
 * instead of leaving a truncated file.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { routeId } from '@/lib/http/id';
import { withRoute } from '@/lib/http/route';
import { getMeetingHeading, getMinutesDoc, snapshotRows } from '@/lib/meetings/queries';
import { meetingReadResource } from '@/lib/meetings/resource';
import { demoDataPresent, demoTitle } from '@/lib/demo/marker';
import { problemsSearch } from '@/lib/problems/search-params';
import { registrySearch } from '@/lib/projects/search-params';
import { minutesDocx } from './minutes-docx';
import { problemsExport } from './problems-export';
import { type ExportFile, registryExport } from './registry-export';
import { statusTableCsv } from './status-table-csv';
import { statusTableXlsx } from './status-table-xlsx';

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** RFC 5987 / 6266: an ASCII fallback name and the real name as UTF-8 (filename*). */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file name safe on every system: no path separators, control or reserved characters. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'export'
  );
}

/** A streaming file response. */
export function fileResponse(
  body: Readable | Buffer,
  ext: keyof typeof CONTENT_TYPES,
  fileName: string,
  asciiName: string,
  totalRows?: number,
): Response {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[ext],
    'content-disposition': contentDisposition(`${safeFileName(fileName)}.${ext}`, `${asciiName}.${ext}`),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (totalRows !== undefined) headers['x-total-rows'] = String(totalRows);
  if (Buffer.isBuffer(body)) {
    headers['content-length'] = String(body.length);
    return new Response(new Uint8Array(body), { status: 200, headers });
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/** An unknown format of a known export is 404, with its own message. */
function parseFormat(raw: string): ExportFormat {
  if (raw === 'xlsx' || raw === 'csv') return raw;
  throw new AppError('NOT_FOUND', 'unsupported export format', { messageKey: 'exports.errors.badFormat' });
}

function listResponse(file: ExportFile, format: ExportFormat, asciiName: string): Response {
  return fileResponse(file.body, format, `${file.baseName}-${today()}`, `${asciiName}-${today()}`, file.total);
}

/**
 * GET /api/exports/registry.{xlsx,csv} and /api/exports/problems.{xlsx,csv}: the list's rows for
 * the URL's filters (all pages, the list's own query and scope).
 */
export const exportListRoute = withRoute({
  name: 'exports.list',
  auth: true,
  permission: 'project.read',
  params: z.object({ file: z.string() }),
  handler: async ({ actor, params, search, locale }) => {
    const [name, rawFormat = ''] = params.file.split('.', 2);
    if (name === 'registry') {
      const format = parseFormat(rawFormat);
      const demo = await demoDataPresent();
      return listResponse(await registryExport(actor, registrySearch.parse(search), format, locale, { demo }), format, 'registry');
    }
    if (name === 'problems') {
      const format = parseFormat(rawFormat);
      const demo = await demoDataPresent();
      return listResponse(await problemsExport(actor, problemsSearch.parse(search), format, locale, { demo }), format, 'problems');
    }
    throw new AppError('NOT_FOUND', 'no such export');
  },
});

/**
 * GET /api/exports/meetings/:id/status-table.{xlsx,csv} (the meeting's status table, from its
 * frozen snapshot) and /api/exports/meetings/:id/minutes.docx (the minutes as a Word document).
 */
export const exportMeetingRoute = withRoute({
  name: 'exports.meeting',
  auth: true,
  permission: 'meeting.read',
  params: z.object({ id: routeId, file: z.string() }),
  // The meeting is loaded and authorized by the wrapper (404 not visible, 403 not granted); the
  // reads below keep their own scope, so a meeting deleted in between is still a 404.
  load: { resource: meetingReadResource, id: 'id' },
  handler: async ({ actor, params: { id, file }, locale, t }) => {
    // With the demo set loaded the title (and so the file name) says 示例数据.
    const demo = await demoDataPresent();
    if (file === 'minutes.docx') {
      const found = await getMinutesDoc(actor, id, locale);
      if (!found) throw new AppError('NOT_FOUND', 'meeting not found');
      const doc = { ...found, title: demoTitle(found.title, t, demo) };
      const bytes = await minutesDocx(doc, { locale });
      return fileResponse(bytes, 'docx', t('exports.minutes.fileName', { title: doc.title }), `meeting-${id}-minutes`);
    }
    const [name, rawFormat = ''] = file.split('.', 2);
    if (name !== 'status-table') throw new AppError('NOT_FOUND', 'no such export');
    const format = parseFormat(rawFormat);
    const found = await getMeetingHeading(actor, id);
    if (!found) throw new AppError('NOT_FOUND', 'meeting not found');
    const heading = { ...found, title: demoTitle(found.title, t, demo) };
    const rows = snapshotRows(actor, id);
    const body = format === 'xlsx' ? statusTableXlsx(heading, rows, { locale }) : statusTableCsv(heading, rows, { locale });
    const fileName = t('exports.statusTable.fileName', { title: heading.title });
    return fileResponse(body, format, fileName, `meeting-${id}-status-table`);
  },
});
