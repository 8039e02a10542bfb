import { describe, expect, it } from 'vitest';
import { BOM, csvChunks, csvLine, decimalCell } from './csv';
import { HEADING, ROWS, rowsOf } from './fixtures';
import { neutralise } from './neutralise';
import { statusTableCsv } from './status-table-csv';
import { parseCsv, readAll } from './test-helpers';

describe('neutralise (CSV / formula injection)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+86 138', "'+86 138"],
    ['-15%', "'-15%"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
  ])('%j gets a leading apostrophe', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });
  it.each(['征地未完成', 'S317', ' =not first', '', "'already"])('%j is left alone', (input) => {
    expect(neutralise(input)).toBe(input);
  });
});

describe('csvLine (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks and doubles the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",plain\r\n');
  });
  it('writes numbers and decimals bare, empty for null', () => {
    expect(csvLine([1, 0.5, decimalCell('-100.50'), decimalCell(null), null, undefined, ''])).toBe('1,0.5,-100.50,,,,\r\n');
  });
  it('neutralises formula text and always quotes it', () => {
    expect(csvLine(['=HYPERLINK("x")', '-5', '@a', '\tb', '+c'])).toBe('"\'=HYPERLINK(""x"")","\'-5","\'@a","\'\tb","\'+c"\r\n');
  });
  it('a decimal cell only takes decimals (anything else is text, neutralised)', () => {
    expect(csvLine([decimalCell('=1+1')])).toBe('"\'=1+1"\r\n');
    expect(csvLine([decimalCell('1e3'), decimalCell('1.234')])).toBe('1e3,1.234\r\n');
  });
  it('writes an amount with the two decimals of every table', () => {
    expect(csvLine([decimalCell('12.5'), decimalCell('0'), decimalCell('-3')])).toBe('12.50,0.00,-3.00\r\n');
  });
  it('streams in chunks with the BOM first', async () => {
    async function* many() {
      for (let i = 0; i < 5000; i++) yield [i, `项目${i}`];
    }
    const chunks: Buffer[] = [];
    for await (const c of csvChunks([['序号', '名称']], many())) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith(`${BOM}序号,名称\r\n0,项目0\r\n`)).toBe(true);
    expect(text.endsWith('4999,项目4999\r\n')).toBe(true);
  });
});

describe('status table CSV', () => {
  it('is UTF-8 with a BOM, one header record with units, one record per project, formulas neutralised', async () => {
    const buf = await readAll(statusTableCsv(HEADING, rowsOf(ROWS), { locale: 'zh-CN' }));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const records = parseCsv(text);
    expect(records[0]).toEqual([
      '序号',
      '类别',
      '项目名称',
      '建设内容及规模',
      '总投资（万元）',
      '年度计划投资（万元）',
      '本年累计完成投资（万元）',
      '完成率（%）',
      '形象进度',
      '存在问题',
      '包抓领导',
      '责任单位',
      '状态',
      '推进阶段',
    ]);
    expect(records).toHaveLength(1 + ROWS.length);
    expect(records[1]).toEqual([
      '1',
      '交通',
      'S317裕民至托里公路',
      '新建二级公路96公里',
      '120000.00',
      '30000.00',
      '12000.10',
      '40',
      '路基完成80%',
      '',
      '李副专员',
      '交通运输局',
      '绿灯',
      '续建',
    ]);
    expect(records[2]).toEqual([
      '2',
      '交通',
      '\'=HYPERLINK("http://evil.example","点击")',
      '包含逗号, "引号" 和\n换行',
      '0.10',
      '0.20',
      '0.20',
      '100',
      "'-15% 落后序时进度",
      '1. 征地未完成\n2. +电力接入待协调',
      "'@张三",
      "'\t水利局",
      '红灯',
      '新开工',
    ]);
    expect(records[4]).toEqual(['4', '水利', '切格尔水库', '', '', '', '500.00', '', '', '', '', '', '未计算', '谋划储备']);
    expect(records[5]![2]).toBe("'\r回车开头的名称");
    // Numbers are bare (a spreadsheet reads them as numbers); a negative amount stays a number.
    const raw = text.split('\r\n');
    expect(raw[1]).toBe(
      '1,交通,S317裕民至托里公路,新建二级公路96公里,120000.00,30000.00,12000.10,40,路基完成80%,,李副专员,交通运输局,绿灯,续建',
    );
    expect(text).toContain(',-100.50,10000.00,2500.00,25,');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""点击"")"');
  });

  it('English headers and labels for an English user', async () => {
    const text = (await readAll(statusTableCsv(HEADING, rowsOf(ROWS.slice(0, 1)), { locale: 'en' }))).toString('utf8').slice(1);
    const [header, first] = parseCsv(text);
    expect(header).toEqual([
      'No.',
      'Category',
      'Project',
      'Construction content and scale',
      'Total investment (10k yuan)',
      'Annual planned investment (10k yuan)',
      'Completed this year (10k yuan)',
      'Completion rate (%)',
      'Physical progress',
      'Problems',
      'Responsible leader',
      'Responsible unit',
      'Status',
      'Pipeline stage',
    ]);
    expect(first).toEqual([
      '1',
      'Transport',
      'S317 Yumin–Toli highway',
      '新建二级公路96公里',
      '120000.00',
      '30000.00',
      '12000.10',
      '40',
      '路基完成80%',
      '',
      '李副专员',
      'Transport Bureau',
      'Green',
      'Continuing',
    ]);
  });
});

describe('wrappedRowHeight', () => {
  it('counts CJK as two widths, wraps at the column width and adds the paragraphs', async () => {
    const { wrappedRowHeight } = await import('./xlsx-stream');
    expect(wrappedRowHeight([['短', 10]])).toBe(18);
    // 20 CJK characters = 40 widths in a column of 21.5 usable → 2 lines
    const two = wrappedRowHeight([['一二三四五六七八九十一二三四五六七八九十', 23]]);
    expect(two).toBe(Math.ceil(2 * 13.5 + 4));
    // three paragraphs, the tallest cell wins
    expect(
      wrappedRowHeight([
        ['a\nb\nc', 30],
        ['x', 5],
      ]),
    ).toBe(Math.ceil(3 * 13.5 + 4));
  });
});
