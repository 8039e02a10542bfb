/**
 * The streaming workbook writer shared by the Excel exports (exceljs WorkbookWriter, inline
 * strings, styles on), with the one piece exceljs leaves out: backpressure. exceljs pushes each
 * committed row into the zip stream without waiting, so a fast row source and a slow reader (or
 * just the deflate thread) would pile the whole sheet up in memory. `pace()` waits while the
 * sheet's zip input is above its high-water mark; as that input only drains when the deflater
 * and the reader of the output take data, memory stays bounded by a few buffers whatever the
 * row count.
 */
import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type WorkbookWriter = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
export type WorksheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;

/** The output stream buffers this much before the writer waits for the reader. */
const OUTPUT_HIGH_WATER = 256 * 1024;

export function newWorkbookWriter(): { workbook: WorkbookWriter; output: PassThrough } {
  const output = new PassThrough({ highWaterMark: OUTPUT_HIGH_WATER });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
    // Level 6 costs ~2× the time of level 1 for ~20 % smaller files; exports favour speed.
    zip: { zlib: { level: 1 } },
  } as unknown as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  return { workbook, output };
}

/** The stream that receives the sheet's XML (a PassThrough that archiver pipes into its deflater). */
function sheetSink(sheet: WorksheetWriter): Writable | null {
  const buf = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream;
  const sink = buf?.pipes?.[0];
  return sink && typeof (sink as Writable).once === 'function' ? sink : null;
}

/**
 * Whether a writable is over its high-water mark and will emit 'drain'. archiver's streams come
 * from readable-stream 2, which has no `writableNeedDrain` getter: read the state it keeps.
 */
function needsDrain(stream: Writable): boolean {
  const state = (stream as unknown as { _writableState?: { needDrain?: boolean; length?: number; highWaterMark?: number } })._writableState;
  if (!state) return false;
  return Boolean(state.needDrain) && (state.length ?? 0) > 0;
}

/**
 * Waits while the pipeline is full: the sheet's zip input (fills when deflating or the reader
 * lags) or the output (fills when the reader lags). Call after committing a few rows.
 */
export async function pace(sheet: WorksheetWriter, output: PassThrough): Promise<void> {
  const sink = sheetSink(sheet);
  for (;;) {
    if (output.destroyed) throw new Error('export stream closed');
    if (sink && needsDrain(sink)) await drainOrClose(sink, output);
    else if (needsDrain(output)) await drainOrClose(output, output);
    else return;
  }
}

/** Resolves on `stream`'s 'drain' or when the output closes (the reader went away); no listener is left behind. */
async function drainOrClose(stream: Writable, output: PassThrough): Promise<void> {
  const ac = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: ac.signal }), once(output, 'close', { signal: ac.signal })]);
  } finally {
    ac.abort();
  }
}

/**
 * Runs `write` (which fills and commits the workbook) and returns the output at once: the reader
 * receives bytes while rows are still being written. An error (the row source failed, the
 * reader went away) destroys the output, so the reader sees a failed download, never a
 * truncated file that looks complete.
 */
export function streamWorkbook(write: (workbook: WorkbookWriter, output: PassThrough) => Promise<void>): Readable {
  const { workbook, output } = newWorkbookWriter();
  write(workbook, output)
    .then(() => workbook.commit())
    .catch((err: unknown) => {
      if (!output.destroyed) output.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  return output;
}

/**
 * A row height (points) that shows every line of wrapped text. Excel, WPS and LibreOffice do
 * not all re-measure rows when they open a file, so the height is written: each cell's text is
 * measured in character widths (CJK and full-width forms count two, others one), wrapped at
 * the column width, and the tallest cell sets the row.
 */
export function wrappedRowHeight(cells: readonly (readonly [text: string | null | undefined, columnWidth: number])[], fontPt = 10): number {
  let lines = 1;
  for (const [text, width] of cells) {
    if (!text) continue;
    const usable = Math.max(1, width - 1.5);
    let n = 0;
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      let w = 0;
      for (const ch of paragraph)
        w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
      n += Math.max(1, Math.ceil(w / usable));
    }
    lines = Math.max(lines, n);
  }
  const lineHeight = fontPt * 1.35;
  return Math.max(18, Math.ceil(lines * lineHeight + 4));
}
