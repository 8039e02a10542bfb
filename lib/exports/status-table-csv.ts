/**
 * The status table as CSV: one header record (units in the header: 总投资（万元）), then one
 * record per project with its category, in the snapshot's order. No title, category or
 * subtotal records: a CSV is for re-use, and sums inside the data would be counted twice by
 * anyone who adds up a column. Money as exact decimals, the completion rate in per cent
 * (one decimal), the light and the frozen pipeline stage as their names.
 */
import type { Readable } from 'node:stream';
import type { Locale } from '@/lib/i18n/config';
import { translator, type Translate } from '@/lib/i18n/translate';
import type { MeetingHeading, StatusRow } from '@/lib/meetings/types';
import { ratePercent } from '@/lib/money';
import { type CsvCell, csvStream, decimalCell } from './csv';
import { categoryLabel, columnUnit, projectTexts, STATUS_COLUMNS } from './status-table';

export function statusCsvHeader(t: Translate): string[] {
  const cols = STATUS_COLUMNS.map((c) => {
    const unit = columnUnit(c, t);
    const label = t(`exports.statusTable.col.${c}`);
    return unit ? t('exports.statusTable.withUnit', { label, unit }) : label;
  });
  // 序号 first, then the category (what the Excel table shows as its heading rows).
  return [cols[0]!, t('exports.statusTable.col.category'), ...cols.slice(1)];
}

/** The completion rate in per cent with one decimal (0.4237 → 42.4), by lib/money's one rule. */
export function percent(rate: number | null): number | null {
  return rate === null || !Number.isFinite(rate) ? null : ratePercent(rate);
}

export function statusCsvRecord(seq: number, row: StatusRow, locale: Locale, t: Translate): CsvCell[] {
  const tx = projectTexts(row, locale, t);
  return [
    seq,
    categoryLabel(row, locale),
    tx.name,
    tx.content,
    decimalCell(row.totalInvestment),
    decimalCell(row.annualPlanned),
    decimalCell(row.completedThisYear),
    percent(row.completionRate),
    tx.progress,
    tx.problems,
    tx.leader,
    tx.unit,
    tx.light,
    tx.pipeline,
  ];
}

export function statusTableCsv(_heading: MeetingHeading, rows: AsyncIterable<StatusRow>, options: { locale: Locale }): Readable {
  const t = translator(options.locale);
  async function* records() {
    let seq = 0;
    for await (const row of rows) yield statusCsvRecord(++seq, row, options.locale, t);
  }
  return csvStream([statusCsvHeader(t)], records());
}
