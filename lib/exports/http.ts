import 'server-only';
/**
 * The export endpoints as functions of (actor, request data), so tests call them without a
 * server; the route files under app/api/exports only add the session and the language.
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
import type { Actor } from '@/lib/authz';
import { today } from '@/lib/clock';
import { AppError, ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { getMeetingHeading, getMinutesDoc, snapshotRows } from '@/lib/meetings/queries';
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

const NO_STORE = { 'cache-control': 'no-store' } as const;

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

function fail(code: ErrorCode, message: string): Response {
  return Response.json({ ok: false, code, message }, { status: ERROR_STATUS[code], headers: NO_STORE });
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

function parseFormat(raw: string): ExportFormat | null {
  return raw === 'xlsx' || raw === 'csv' ? raw : null;
}

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

async function guarded(locale: Locale, run: () => Promise<Response>): Promise<Response> {
  const t = translator(locale);
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code !== 'INTERNAL') return fail(err.code, t(err.messageKey ?? `errors.${err.code}`));
    const ref = Math.random().toString(36).slice(2, 10);
    console.error(`[exports] ${ref}`, err);
    return fail('INTERNAL', `${t('exports.errors.failed')} (${ref})`);
  }
}

function listResponse(file: ExportFile, format: ExportFormat, asciiName: string): Response {
  return fileResponse(file.body, format, `${file.baseName}-${today()}`, `${asciiName}-${today()}`, file.total);
}

/** GET /api/exports/registry.{xlsx,csv}: the registry's rows for the URL's filters (all pages). */
export async function exportRegistry(actor: Actor | null, rawFormat: string, search: URLSearchParams, locale: Locale): Promise<Response> {
  const t = translator(locale);
  if (!actor) return fail('UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));
  const format = parseFormat(rawFormat);
  if (!format) return fail('NOT_FOUND', t('exports.errors.badFormat'));
  return guarded(locale, async () => listResponse(await registryExport(actor, registrySearch.parse(search), format, locale), format, 'registry'));
}

/** GET /api/exports/problems.{xlsx,csv}: the problem list's rows for the URL's filters (all pages). */
export async function exportProblems(actor: Actor | null, rawFormat: string, search: URLSearchParams, locale: Locale): Promise<Response> {
  const t = translator(locale);
  if (!actor) return fail('UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));
  const format = parseFormat(rawFormat);
  if (!format) return fail('NOT_FOUND', t('exports.errors.badFormat'));
  return guarded(locale, async () => listResponse(await problemsExport(actor, problemsSearch.parse(search), format, locale), format, 'problems'));
}

/** GET /api/exports/meetings/:id/status-table.{xlsx,csv}: the meeting's status table (its snapshot). */
export async function exportStatusTable(actor: Actor | null, rawId: string, rawFormat: string, locale: Locale): Promise<Response> {
  const t = translator(locale);
  if (!actor) return fail('UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));
  const format = parseFormat(rawFormat);
  if (!format) return fail('NOT_FOUND', t('exports.errors.badFormat'));
  const id = parseId(rawId);
  if (id === null) return fail('NOT_FOUND', t('errors.NOT_FOUND'));
  return guarded(locale, async () => {
    const heading = await getMeetingHeading(actor, id);
    if (!heading) return fail('NOT_FOUND', t('errors.NOT_FOUND'));
    const rows = snapshotRows(actor, id);
    const body = format === 'xlsx' ? statusTableXlsx(heading, rows, { locale }) : statusTableCsv(heading, rows, { locale });
    const name = t('exports.statusTable.fileName', { title: heading.title });
    return fileResponse(body, format, name, `meeting-${id}-status-table`);
  });
}

/** GET /api/exports/meetings/:id/minutes.docx: the minutes as a Word document. */
export async function exportMinutes(actor: Actor | null, rawId: string, locale: Locale): Promise<Response> {
  const t = translator(locale);
  if (!actor) return fail('UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));
  const id = parseId(rawId);
  if (id === null) return fail('NOT_FOUND', t('errors.NOT_FOUND'));
  return guarded(locale, async () => {
    const doc = await getMinutesDoc(actor, id, locale);
    if (!doc) return fail('NOT_FOUND', t('errors.NOT_FOUND'));
    const bytes = await minutesDocx(doc, { locale });
    return fileResponse(bytes, 'docx', t('exports.minutes.fileName', { title: doc.title }), `meeting-${id}-minutes`);
  });
}
