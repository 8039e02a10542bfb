import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HEADING, ROWS, rowsOf } from './fixtures';
import { generatedRows } from './generated-rows';
import { LIGHT_FILLS, MONEY_FORMAT, RATE_FORMAT, statusTableXlsx } from './status-table-xlsx';
import { readAll, unzip } from './test-helpers';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  return { wb, ws };
}

const values = (ws: ExcelJS.Worksheet, r: number) => Array.from({ length: 13 }, (_, i) => ws.getRow(r).getCell(i + 1).value);

describe('status table workbook (调度表 .xlsx)', () => {
  it('has the title, the header and units rows, category headings, numbered rows, subtotals and the total', async () => {
    const buf = await readAll(statusTableXlsx(HEADING, rowsOf(ROWS), { locale: 'zh-CN' }));
    const { ws } = await load(buf);
    expect(ws.name).toBe('调度表');

    // Title merged across A:L; the subtitle with the date and the snapshot time, merged too.
    expect(ws.getCell('A1').value).toBe('2025年第6次重点项目调度会 · 调度表');
    expect(ws.getCell('L1').isMerged).toBe(true);
    expect(ws.getCell('L1').master.address).toBe('A1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('会议日期：2025年6月16日　　数据截至：2025年6月15日 18:30（调度表快照）');
    expect(ws.getCell('L2').master.address).toBe('A2');

    expect(values(ws, 3)).toEqual([
      '序号',
      '项目名称',
      '建设内容及规模',
      '总投资',
      '年度计划投资',
      '本年累计完成投资',
      '完成率',
      '形象进度',
      '存在问题',
      '包抓领导',
      '责任单位',
      '状态',
      '推进阶段',
    ]);
    expect(values(ws, 4).map((v) => v ?? '')).toEqual(['', '', '', '万元', '万元', '万元', '%', '', '', '', '', '', '']);

    // 一、交通 heading, merged across the row
    expect(ws.getCell('A5').value).toBe('一、交通');
    expect(ws.getCell('L5').master.address).toBe('A5');
    expect(values(ws, 6)).toEqual([
      1,
      'S317裕民至托里公路',
      '新建二级公路96公里',
      120000,
      30000,
      12000.1,
      0.40000333,
      '路基完成80%',
      null,
      '李副专员',
      '交通运输局',
      '绿灯',
      '续建',
    ]);
    // Formula-looking text is neutralised (a leading apostrophe), never a formula; numbers stay numbers.
    const r7 = ws.getRow(7);
    expect(r7.getCell(1).value).toBe(2);
    expect(r7.getCell(2).value).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(r7.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(r7.getCell(3).value).toBe('包含逗号, "引号" 和\n换行');
    expect(r7.getCell(4).value).toBe(0.1);
    expect(r7.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(r7.getCell(8).value).toBe("'-15% 落后序时进度");
    expect(r7.getCell(9).value).toBe('1. 征地未完成\n2. +电力接入待协调');
    expect(r7.getCell(10).value).toBe("'@张三");
    expect(r7.getCell(11).value).toBe("'\t水利局");
    // Subtotal of transport: exact decimal sums (0.10 + 120000.00), rate over planned rows.
    expect(ws.getCell('A8').value).toBe('交通 小计（2 个项目）');
    expect(ws.getCell('C8').master.address).toBe('A8');
    expect(ws.getCell('D8').value).toBe(120000.1);
    expect(ws.getCell('E8').value).toBe(30000.2);
    expect(ws.getCell('F8').value).toBe(12000.3);
    // The rate as the one-decimal percentage every view shows (lib/money): 12000.3 / 30000.2 = 39.9997% → 40.0%.
    expect(ws.getCell('G8').value).toBe(0.4);

    expect(ws.getCell('A9').value).toBe('二、水利');
    expect(values(ws, 10)[0]).toBe(3);
    // A project without plan, light or texts: empty cells, "未计算".
    expect(values(ws, 11)).toEqual([4, '切格尔水库', null, null, null, 500, null, null, null, null, null, '未计算', '谋划储备']);
    // (XML turns the carriage return into a line break; the apostrophe stays in front.)
    expect(ws.getCell('B12').value).toMatch(/^'\s回车开头的名称$/);
    expect(ws.getCell('D12').value).toBe(-100.5);
    expect(ws.getCell('A13').value).toBe('水利 小计（3 个项目）');
    expect(ws.getCell('D13').value).toBe(249899.5);
    expect(ws.getCell('E13').value).toBe(60000);
    expect(ws.getCell('F13').value).toBe(23000);
    // 切格尔 (no plan) is left out of the rate: (20000 + 2500) / 60000
    expect(ws.getCell('G13').value).toBe(0.375);
    expect(ws.getCell('A14').value).toBe('合计（5 个项目）');
    expect(ws.getCell('D14').value).toBe(369899.6);
    expect(ws.getCell('E14').value).toBe(90000.2);
    expect(ws.getCell('F14').value).toBe(35000.3);
    expect(ws.getCell('G14').value).toBe(0.383); // 34500.3 / 90000.2 = 38.333…%
    // Under the total, its split by pipeline stage (the rows' frozen stages), every group listed.
    // (A:C merged, so B and C read as A.) They add up to the total: 0.1 + 370000 + (−100.5) = 369899.6.
    expect([15, 16, 17, 18, 19].map((r) => [values(ws, r)[0], ...values(ws, r).slice(3, 7)])).toEqual([
      ['其中：新开工（1 个项目）', 0.1, 0.2, 0.2, 1],
      ['其中：续建（2 个项目）', 370000, 80000, 32000.1, 0.4],
      ['其中：前期（0 个项目）', null, null, null, null],
      ['其中：谋划储备（1 个项目）', null, null, 500, null],
      ['其中：建成投运（1 个项目）', -100.5, 10000, 2500, 0.25],
    ]);
    expect(ws.getCell('C15').master.address).toBe('A15');
    expect(ws.rowCount).toBe(19);
  });

  it('formats money and rates, colours the lights, wraps text, sets widths', async () => {
    const { ws } = await load(await readAll(statusTableXlsx(HEADING, rowsOf(ROWS), { locale: 'zh-CN' })));
    // Two decimals for money in 万元 and one for rates, as on every page (lib/money).
    expect(MONEY_FORMAT).toBe('#,##0.00');
    expect(RATE_FORMAT).toBe('0.0%');
    for (const col of ['D', 'E', 'F']) {
      expect(ws.getCell(`${col}6`).numFmt).toBe(MONEY_FORMAT);
      expect(ws.getCell(`${col}8`).numFmt).toBe(MONEY_FORMAT);
      expect(ws.getCell(`${col}14`).numFmt).toBe(MONEY_FORMAT);
    }
    expect(ws.getCell('G6').numFmt).toBe(RATE_FORMAT);
    expect(ws.getCell('G14').numFmt).toBe(RATE_FORMAT);
    const fill = (addr: string) => (ws.getCell(addr).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(ws.getCell('L6').value).toBe('绿灯');
    expect(fill('L6')).toBe(LIGHT_FILLS.green);
    expect(ws.getCell('L7').value).toBe('红灯');
    expect(fill('L7')).toBe(LIGHT_FILLS.red);
    expect(ws.getCell('L10').value).toBe('黄灯');
    expect(fill('L10')).toBe(LIGHT_FILLS.yellow);
    expect(fill('L11')).toBeUndefined();
    expect(fill('A3')).toBe('FFD9D9D9');
    expect(ws.getCell('B6').alignment?.wrapText).toBe(true);
    expect(ws.getCell('I7').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B6').border?.top?.style).toBe('thin');
    // Rows are tall enough for their wrapped text (apps do not all re-measure on opening).
    expect(ws.getRow(6).height).toBe(18);
    expect(ws.getRow(7).height).toBe(31); // two lines: the two problems, the name, the content
    expect(ws.getRow(3).height).toBeGreaterThan(18);
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(12);
  });

  it('freezes the panes under the header and prints A3 landscape, one page wide, header repeated, page numbers', async () => {
    const { ws } = await load(await readAll(statusTableXlsx(HEADING, rowsOf(ROWS), { locale: 'zh-CN' })));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 2 });
    expect(ws.pageSetup.paperSize).toBe(8); // A3
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('writes the parts Excel, WPS and LibreOffice need, with the text in the cells and no formulas', async () => {
    const files = unzip(await readAll(statusTableXlsx(HEADING, rowsOf(ROWS), { locale: 'zh-CN' })));
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect(files.has(part), part).toBe(true);
    }
    const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).not.toContain('<f>');
    // Text is written in the cell (no shared-strings table that would grow with the rows).
    expect(files.has('xl/sharedStrings.xml')).toBe(false);
    expect(sheet).toContain('<v>S317裕民至托里公路</v>');
    expect(sheet).toContain('<mergeCell ref="A1:M1"/>');
    expect(sheet).toContain('paperSize="8"');
    expect(sheet).toContain('orientation="landscape"');
    const workbook = files.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('_xlnm.Print_Titles');
    expect(workbook).toContain('&apos;调度表&apos;!$3:$4');
  });

  it('speaks English for an English user', async () => {
    const { ws } = await load(
      await readAll(statusTableXlsx({ ...HEADING, frozenAt: null }, rowsOf(ROWS), { locale: 'en', now: new Date('2025-06-16T01:00:00Z') })),
    );
    expect(ws.name).toBe('Status table');
    expect(ws.getCell('A1').value).toBe('2025年第6次重点项目调度会 · Status table');
    expect(ws.getCell('A2').value).toBe(
      'Meeting date: 16 Jun 2025    The status table is not frozen yet: live data as of the export (16 Jun 2025, 09:00)',
    );
    expect(ws.getCell('B3').value).toBe('Project');
    expect(ws.getCell('D4').value).toBe('10k yuan');
    expect(ws.getCell('A5').value).toBe('1. Transport');
    expect(ws.getCell('B6').value).toBe('S317 Yumin–Toli highway');
    // No English name: the Chinese one.
    expect(ws.getCell('B7').value).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(ws.getCell('K6').value).toBe('Transport Bureau');
    expect(ws.getCell('L6').value).toBe('Green');
    expect(ws.getCell('A8').value).toBe('Transport subtotal (2 projects)');
    expect(ws.getCell('A14').value).toBe('Total (5 projects)');
    expect(ws.getCell('M3').value).toBe('Pipeline stage');
    expect(ws.getCell('M6').value).toBe('Continuing');
    expect(ws.getCell('A15').value).toBe('of which new start (1 project)');
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  it('an empty table still has its header and a zero total', async () => {
    const { ws } = await load(await readAll(statusTableXlsx(HEADING, rowsOf([]), { locale: 'zh-CN' })));
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('A5').value).toBe('合计（0 个项目）');
    expect(ws.getCell('D5').value).toBeNull();
    expect(ws.getCell('A6').value).toBe('其中：新开工（0 个项目）');
    expect(ws.rowCount).toBe(10);
  });

  it('streams: a reader that does not read holds the writer back (rows are pulled only as bytes leave)', async () => {
    let pulled = 0;
    async function* counted() {
      for await (const r of generatedRows(20_000)) {
        pulled++;
        yield r;
      }
    }
    const out = statusTableXlsx(HEADING, counted(), { locale: 'zh-CN' });
    // Nobody reads: the writer fills the pipeline's buffers and then waits. Wait until the count
    // stops moving (three samples 200 ms apart), however busy the machine is.
    let stable = 0;
    for (let last = -1, waited = 0; stable < 3 && waited < 15_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      stable = pulled === last ? stable + 1 : 0;
      last = pulled;
    }
    expect(stable).toBe(3);
    // Without the backpressure every row would have been pulled into memory by now.
    expect(pulled).toBeLessThan(12_000);
    expect(out.readableLength).toBeLessThan(1024 * 1024);
    const buf = await readAll(out);
    expect(pulled).toBe(20_000);
    const { ws } = await load(buf);
    // 4 heading rows + 20,000 projects + 5 category headings + 5 subtotals + the total + 5 pipeline stages
    expect(ws.rowCount).toBe(4 + 20_000 + 11 + 5);
    expect(ws.getCell(`A${ws.rowCount - 5}`).value).toBe('合计（20000 个项目）');
  });

  it('a failing row source fails the stream (no truncated file that looks complete)', async () => {
    async function* failing() {
      yield ROWS[0]!;
      throw new Error('database went away');
    }
    await expect(readAll(statusTableXlsx(HEADING, failing(), { locale: 'zh-CN' }))).rejects.toThrow('database went away');
  });
});
