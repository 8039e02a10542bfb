/**
 * A flat list (the registry, the problem list) as a streamed workbook: a merged title row, a
 * subtitle row (export time, count, filters), the header row with an autofilter, then one row
 * per record. Frozen under the header; A3 landscape, one page wide, the header repeated on every
 * page, page numbers in the footer. Text cells are neutralised; numbers and dates are typed.
 */
import type { Readable } from 'node:stream';
import type { Style } from 'exceljs';
import type { Translate } from '@/lib/i18n/translate';
import { EXCEL_MONEY_FORMAT } from '@/lib/money';
import { appTimeZone } from '@/lib/time-zone';
import { neutraliseCell } from './neutralise';
import { pace, streamWorkbook, wrappedRowHeight } from './xlsx-stream';

export type ListColumnKind = 'text' | 'center' | 'int' | 'money' | 'date' | 'datetime';
export interface ListColumn {
  header: string;
  width: number;
  kind: ListColumnKind;
}
/** A date is 'YYYY-MM-DD'; a datetime a Date. */
export type ListCell = string | number | Date | null;

export const LIST_HEADER_ROW = 3;
/** Money cells in 万元 with the two decimals of every table (lib/money). */
const MONEY_FORMAT = EXCEL_MONEY_FORMAT;

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: 'SimSun', size: 10 };

const STYLES: Record<ListColumnKind | 'header', Partial<Style>> = {
  header: {
    font: { ...FONT, bold: true },
    border: BORDER,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' }, bgColor: { argb: 'FFD9D9D9' } },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  text: { font: FONT, border: BORDER, alignment: { vertical: 'middle', wrapText: true } },
  center: { font: FONT, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  int: { font: FONT, border: BORDER, numFmt: '0', alignment: { horizontal: 'right', vertical: 'middle' } },
  money: { font: FONT, border: BORDER, numFmt: MONEY_FORMAT, alignment: { horizontal: 'right', vertical: 'middle' } },
  date: { font: FONT, border: BORDER, numFmt: 'yyyy-mm-dd', alignment: { horizontal: 'center', vertical: 'middle' } },
  datetime: { font: FONT, border: BORDER, numFmt: 'yyyy-mm-dd hh:mm', alignment: { horizontal: 'center', vertical: 'middle' } },
};

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 'YYYY-MM-DD' as a date cell (midnight UTC: Excel dates have no zone). */
function dateCell(value: ListCell): Date | string | null {
  if (typeof value !== 'string') return value instanceof Date ? value : null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : neutraliseCell(value);
}

/**
 * Excel has no time zones: a moment is written as its wall-clock time in the app's zone
 * (lib/time-zone, as the pages show it), encoded as that time in UTC.
 */
let wallClockFormat: { tz: string; f: Intl.DateTimeFormat } | undefined;
function wallClockParts(d: Date): Intl.DateTimeFormatPart[] {
  const tz = appTimeZone();
  if (wallClockFormat?.tz !== tz) {
    wallClockFormat = {
      tz,
      f: new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    };
  }
  return wallClockFormat.f.formatToParts(d);
}
export function wallClock(d: Date): Date {
  const p = Object.fromEntries(wallClockParts(d).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
}

function cellValue(kind: ListColumnKind, value: ListCell): ExcelValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'int':
    case 'money':
      return typeof value === 'number' ? value : neutraliseCell(String(value));
    case 'date':
      return dateCell(value);
    case 'datetime':
      return value instanceof Date ? wallClock(value) : neutraliseCell(String(value));
    default:
      return neutraliseCell(typeof value === 'string' ? value : String(value));
  }
}
type ExcelValue = string | number | Date | null;

/** 'YYYY-MM-DD HH:mm' in the app's time zone (CSV). */
export function wallClockText(d: Date): string {
  return wallClock(d).toISOString().slice(0, 16).replace('T', ' ');
}

export interface ListWorkbook {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: ListColumn[];
  rows: AsyncIterable<ListCell[]>;
  t: Translate;
}

export function listXlsx(spec: ListWorkbook): Readable {
  const { columns, t } = spec;
  const last = columnLetter(columns.length);
  return streamWorkbook(async (workbook, output) => {
    workbook.creator = 'Key Project Dispatch';
    const footer = `&C${t('exports.statusTable.footer')}`;
    const sheet = workbook.addWorksheet(spec.sheetName, {
      views: [
        {
          state: 'frozen',
          xSplit: 0,
          ySplit: LIST_HEADER_ROW,
          topLeftCell: `A${LIST_HEADER_ROW + 1}`,
          activeCell: `A${LIST_HEADER_ROW + 1}`,
        },
      ],
      pageSetup: {
        paperSize: 8,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${LIST_HEADER_ROW}:${LIST_HEADER_ROW}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: footer, evenFooter: footer },
    } as unknown as Parameters<typeof workbook.addWorksheet>[1]);
    sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
    sheet.autoFilter = `A${LIST_HEADER_ROW}:${last}${LIST_HEADER_ROW}`;

    const title = sheet.addRow([neutraliseCell(spec.title)]);
    title.height = 28;
    sheet.mergeCells(`A1:${last}1`);
    title.getCell(1).style = { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
    title.commit();
    const subtitle = sheet.addRow([neutraliseCell(spec.subtitle)]);
    sheet.mergeCells(`A2:${last}2`);
    subtitle.getCell(1).style = { font: FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
    subtitle.commit();
    const header = sheet.addRow(columns.map((c) => c.header));
    header.height = wrappedRowHeight(columns.map((c) => [c.header, c.width] as const));
    columns.forEach((_, i) => (header.getCell(i + 1).style = STYLES.header));
    header.commit();

    let n = 0;
    for await (const values of spec.rows) {
      const row = sheet.addRow(columns.map((c, i) => cellValue(c.kind, values[i] ?? null)));
      columns.forEach((c, i) => (row.getCell(i + 1).style = STYLES[c.kind]));
      row.height = wrappedRowHeight(
        columns.map((c, i) => [c.kind === 'text' || c.kind === 'center' ? (values[i] as string | null) : null, c.width] as const),
      );
      row.commit();
      if (++n % 200 === 0) await pace(sheet, output);
    }
    sheet.commit();
  });
}
