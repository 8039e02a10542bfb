/**
 * Streaming CSV for the exports: UTF-8 with a byte-order mark (so Excel picks UTF-8 and shows
 * Chinese correctly), RFC 4180 quoting, CRLF line ends. Text cells go through neutralise()
 * (formula injection) and are then quoted as RFC 4180 requires; a neutralised cell is always
 * quoted (OWASP). Numbers are written bare, so a spreadsheet reads them as numbers.
 */
import { Readable } from 'node:stream';
import { isMoney, normalizeMoney } from '@/lib/money';
import { needsNeutralising, neutralise } from './neutralise';

/** An exact amount for a numeric CSV cell, with the two decimals of every table ('12345.60'). */
export interface DecimalCell {
  decimal: string;
}
export type CsvCell = string | number | DecimalCell | null | undefined;

/** An amount in 万元 as a numeric cell (lib/money's parser; null stays empty; anything else becomes text). */
export function decimalCell(value: string | null | undefined): CsvCell {
  if (value === null || value === undefined || value === '') return null;
  return isMoney(value) ? { decimal: normalizeMoney(value) } : value;
}

export const BOM = '\uFEFF';
const CRLF = '\r\n';

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'object') return cell.decimal;
  const forced = needsNeutralising(cell);
  const text = neutralise(cell);
  if (forced || /[",\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV record with its CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(field).join(',') + CRLF;
}

/** Lines are gathered into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 32 * 1024;

/**
 * The whole file as chunks: the BOM, the header records, then one record per row. Pulls the rows
 * as the consumer reads, so memory holds about one chunk and whatever batch the rows come from.
 */
export async function* csvChunks(header: readonly (readonly CsvCell[])[], rows: AsyncIterable<readonly CsvCell[]>): AsyncGenerator<Buffer> {
  let buf = BOM + header.map(csvLine).join('');
  for await (const row of rows) {
    buf += csvLine(row);
    if (buf.length >= CHUNK_CHARS) {
      yield Buffer.from(buf, 'utf8');
      buf = '';
    }
  }
  if (buf) yield Buffer.from(buf, 'utf8');
}

/** csvChunks as a Node stream (backpressure: the generator runs only when the consumer reads). */
export function csvStream(header: readonly (readonly CsvCell[])[], rows: AsyncIterable<readonly CsvCell[]>): Readable {
  return Readable.from(csvChunks(header, rows), { objectMode: false });
}
