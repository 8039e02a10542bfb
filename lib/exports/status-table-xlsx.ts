/**
 * The status table (调度表) as an Excel workbook, in the form offices use:
 *
 *   row 1   the title (meeting name), merged across the table
 *   row 2   meeting date and snapshot time, merged
 *   row 3   column headers (序号, 项目名称, … 状态, 推进阶段)
 *   row 4   units (万元, %)
 *   then    per category: a heading row (一、交通), its numbered projects, a subtotal row;
 *           then the total row, and under it the total by pipeline stage (其中：新开工 …).
 *
 * Money cells are numbers in 万元 (#,##0.00), the completion rate a fraction (0.0%); the light
 * is the 状态 cell's fill (red / yellow / green) and its text. Panes are frozen under the
 * header; printing is A3 landscape, one page wide, rows 3–4 repeated on every page, page
 * numbers in the footer. Rows are committed as they are written (streaming), so memory does
 * not grow with the row count.
 */
import type { Readable } from 'node:stream';
import type { Fill, Style } from 'exceljs';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { MeetingHeading, StatusRow } from '@/lib/meetings/types';
import { EXCEL_MONEY_FORMAT, EXCEL_RATE_FORMAT, moneyToNumber } from '@/lib/money';
import { neutraliseCell } from './neutralise';
import {
  columnUnit,
  projectTexts,
  STATUS_COLUMNS,
  statusTableLines,
  statusTableSubtitle,
  statusTableTitle,
  type StatusColumn,
  type Totals,
} from './status-table';
import { pace, streamWorkbook, wrappedRowHeight } from './xlsx-stream';

export const STATUS_HEADER_ROW = 3;
export const STATUS_UNITS_ROW = 4;
export const STATUS_FIRST_DATA_ROW = 5;

const WIDTHS: Record<StatusColumn, number> = {
  seq: 6,
  name: 26,
  content: 36,
  totalInvestment: 13,
  annualPlanned: 13,
  completed: 13,
  rate: 10,
  progress: 34,
  problems: 32,
  leader: 11,
  unit: 16,
  light: 10,
  pipeline: 10,
};

/** The decimals of lib/money's display policy: money in 万元 with two, rates with one (0.0%). */
export const MONEY_FORMAT = EXCEL_MONEY_FORMAT;
export const RATE_FORMAT = EXCEL_RATE_FORMAT;

/** ARGB fills of the lights: Excel's standard red, yellow and green. */
export const LIGHT_FILLS = { red: 'FFFF0000', yellow: 'FFFFFF00', green: 'FF00B050' } as const;

const FONT = 'SimSun';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

// One style object per kind of cell: exceljs caches the style id by object identity, so sharing
// them keeps the per-cell cost low (and the styles part small).
type CellStyle = Partial<Style>;
const font = (extra: Partial<Style['font']> = {}) => ({ name: FONT, size: 10, ...extra });
const base = (extra: CellStyle = {}): CellStyle => ({
  font: font(),
  border: BORDER,
  alignment: { vertical: 'middle', wrapText: true },
  ...extra,
});

const S = {
  title: { font: font({ size: 16, bold: true }), alignment: { horizontal: 'center', vertical: 'middle' } } as CellStyle,
  subtitle: { font: font({ size: 10 }), alignment: { horizontal: 'center', vertical: 'middle' } } as CellStyle,
  header: base({
    font: font({ bold: true }),
    fill: solid('FFD9D9D9'),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }),
  text: base({ alignment: { vertical: 'middle', wrapText: true } }),
  center: base({ alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }),
  money: base({ numFmt: MONEY_FORMAT, alignment: { horizontal: 'right', vertical: 'middle' } }),
  rate: base({ numFmt: RATE_FORMAT, alignment: { horizontal: 'right', vertical: 'middle' } }),
  category: base({ font: font({ bold: true }), fill: solid('FFF2F2F2'), alignment: { vertical: 'middle' } }),
  subText: base({
    font: font({ bold: true }),
    fill: solid('FFF2F2F2'),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }),
  subMoney: base({
    font: font({ bold: true }),
    fill: solid('FFF2F2F2'),
    numFmt: MONEY_FORMAT,
    alignment: { horizontal: 'right', vertical: 'middle' },
  }),
  subRate: base({
    font: font({ bold: true }),
    fill: solid('FFF2F2F2'),
    numFmt: RATE_FORMAT,
    alignment: { horizontal: 'right', vertical: 'middle' },
  }),
  totalText: base({
    font: font({ bold: true }),
    fill: solid('FFDDEBF7'),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }),
  totalMoney: base({
    font: font({ bold: true }),
    fill: solid('FFDDEBF7'),
    numFmt: MONEY_FORMAT,
    alignment: { horizontal: 'right', vertical: 'middle' },
  }),
  totalRate: base({
    font: font({ bold: true }),
    fill: solid('FFDDEBF7'),
    numFmt: RATE_FORMAT,
    alignment: { horizontal: 'right', vertical: 'middle' },
  }),
  light: {
    red: base({
      font: font({ bold: true, color: { argb: 'FFFFFFFF' } }),
      fill: solid(LIGHT_FILLS.red),
      alignment: { horizontal: 'center', vertical: 'middle' },
    }),
    yellow: base({
      font: font({ bold: true, color: { argb: 'FF000000' } }),
      fill: solid(LIGHT_FILLS.yellow),
      alignment: { horizontal: 'center', vertical: 'middle' },
    }),
    green: base({
      font: font({ bold: true, color: { argb: 'FFFFFFFF' } }),
      fill: solid(LIGHT_FILLS.green),
      alignment: { horizontal: 'center', vertical: 'middle' },
    }),
    none: base({ font: font({ color: { argb: 'FF808080' } }), alignment: { horizontal: 'center', vertical: 'middle' } }),
  },
};

const COLS = STATUS_COLUMNS.length;
const LAST_COL = String.fromCharCode(64 + COLS); // 'M'

/** Rows are committed, and the pipeline checked for backpressure, in groups of this size. */
const PACE_EVERY = 200;

export interface StatusTableOptions {
  locale: Locale;
  /** "Now" for an unfrozen table's subtitle (tests pin it). */
  now?: Date;
}

function totalsCells(totals: Totals): (number | null)[] {
  return [moneyToNumber(totals.totalInvestment), moneyToNumber(totals.annualPlanned), moneyToNumber(totals.completed), totals.rate];
}

/** Renders the status table; returns the .xlsx bytes as a stream (rows are pulled as it is read). */
export function statusTableXlsx(heading: MeetingHeading, rows: AsyncIterable<StatusRow>, options: StatusTableOptions): Readable {
  const { locale } = options;
  const t = translator(locale);
  return streamWorkbook(async (workbook, output) => {
    workbook.creator = 'Key Project Dispatch';
    const sheet = workbook.addWorksheet(t('exports.statusTable.sheetName'), {
      views: [
        {
          state: 'frozen',
          xSplit: 2,
          ySplit: STATUS_UNITS_ROW,
          topLeftCell: `C${STATUS_FIRST_DATA_ROW}`,
          activeCell: `C${STATUS_FIRST_DATA_ROW}`,
        },
      ],
      pageSetup: {
        paperSize: 8, // A3
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: `${STATUS_HEADER_ROW}:${STATUS_UNITS_ROW}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&C${t('exports.statusTable.footer')}`, evenFooter: `&C${t('exports.statusTable.footer')}` },
    } as unknown as Parameters<typeof workbook.addWorksheet>[1]);
    sheet.columns = STATUS_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));

    const title = sheet.addRow([neutraliseCell(statusTableTitle(heading, t))]);
    title.height = 30;
    sheet.mergeCells(`A1:${LAST_COL}1`);
    title.getCell(1).style = S.title;
    title.commit();

    const subtitle = sheet.addRow([neutraliseCell(statusTableSubtitle(heading, t, locale, options.now ?? new Date()))]);
    subtitle.height = 20;
    sheet.mergeCells(`A2:${LAST_COL}2`);
    subtitle.getCell(1).style = S.subtitle;
    subtitle.commit();

    const header = sheet.addRow(STATUS_COLUMNS.map((c) => t(`exports.statusTable.col.${c}`)));
    for (let c = 1; c <= COLS; c++) header.getCell(c).style = S.header;
    header.height = wrappedRowHeight(STATUS_COLUMNS.map((c) => [t(`exports.statusTable.col.${c}`), WIDTHS[c]] as const));
    header.commit();
    const units = sheet.addRow(STATUS_COLUMNS.map((c) => columnUnit(c, t)));
    units.height = 18;
    for (let c = 1; c <= COLS; c++) units.getCell(c).style = S.header;
    units.commit();

    let n = 0;
    for await (const line of statusTableLines(rows, t, locale)) {
      if (line.kind === 'project') {
        const r = line.row;
        const tx = projectTexts(r, locale, t);
        const row = sheet.addRow([
          line.seq,
          neutraliseCell(tx.name),
          neutraliseCell(tx.content),
          moneyToNumber(r.totalInvestment),
          moneyToNumber(r.annualPlanned),
          moneyToNumber(r.completedThisYear),
          r.completionRate,
          neutraliseCell(tx.progress),
          neutraliseCell(tx.problems),
          neutraliseCell(tx.leader),
          neutraliseCell(tx.unit),
          tx.light,
          neutraliseCell(tx.pipeline),
        ]);
        row.getCell(1).style = S.center;
        row.getCell(2).style = S.text;
        row.getCell(3).style = S.text;
        row.getCell(4).style = S.money;
        row.getCell(5).style = S.money;
        row.getCell(6).style = S.money;
        row.getCell(7).style = S.rate;
        row.getCell(8).style = S.text;
        row.getCell(9).style = S.text;
        row.getCell(10).style = S.center;
        row.getCell(11).style = S.center;
        row.getCell(12).style = S.light[r.light ?? 'none'];
        row.getCell(13).style = S.center;
        row.height = wrappedRowHeight([
          [tx.name, WIDTHS.name],
          [tx.content, WIDTHS.content],
          [tx.progress, WIDTHS.progress],
          [tx.problems, WIDTHS.problems],
          [tx.leader, WIDTHS.leader],
          [tx.unit, WIDTHS.unit],
        ]);
        row.commit();
      } else if (line.kind === 'category') {
        const row = sheet.addRow([neutraliseCell(line.label)]);
        const at = row.number;
        sheet.mergeCells(`A${at}:${LAST_COL}${at}`);
        row.getCell(1).style = S.category;
        row.height = 18;
        row.commit();
      } else {
        // A category's subtotal, the total, or one pipeline stage's share of the total (as a subtotal).
        const total = line.kind === 'total';
        const row = sheet.addRow([neutraliseCell(line.label), null, null, ...totalsCells(line.totals)]);
        const at = row.number;
        sheet.mergeCells(`A${at}:C${at}`);
        row.getCell(1).style = total ? S.totalText : S.subText;
        for (let c = 4; c <= 6; c++) row.getCell(c).style = total ? S.totalMoney : S.subMoney;
        row.getCell(7).style = total ? S.totalRate : S.subRate;
        for (let c = 8; c <= COLS; c++) row.getCell(c).style = total ? S.totalText : S.subText;
        row.height = wrappedRowHeight([[line.label, WIDTHS.seq + WIDTHS.name + WIDTHS.content]]);
        row.commit();
      }
      if (++n % PACE_EVERY === 0) await pace(sheet, output);
    }
    sheet.commit();
  });
}
