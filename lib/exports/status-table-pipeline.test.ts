/**
 * The status table's split by pipeline stage (其中：新开工 / 续建 / 前期 / 谋划储备 / 建成投运): each
 * group's count and sums are exactly those of its rows (lib/money, no floating point), the groups
 * add up to the total, every row shows the stage it was frozen with, and rows frozen before the
 * stage was recorded get a group of their own rather than vanishing. Read back from the .xlsx.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/translate';
import type { StatusRow } from '@/lib/meetings/types';
import { MoneySum, moneyToNumber } from '@/lib/money';
import { HEADING, ROWS, rowsOf } from './fixtures';
import { generatedRow } from './generated-rows';
import { PIPELINE_GROUPS, pipelineGroup, type PipelineGroup, statusTableLines, type TableLine } from './status-table';
import { statusTableXlsx } from './status-table-xlsx';
import { readAll } from './test-helpers';

const t = translator('zh-CN');
const LABEL: Record<PipelineGroup, string> = {
  new_start: '新开工',
  continuing: '续建',
  preliminary: '前期',
  reserve: '谋划储备',
  done: '建成投运',
  unrecorded: '未记录阶段',
};

/** 1,200 generated rows over five categories and all six stages, and two rows frozen without a stage. */
function rows(): StatusRow[] {
  const out = Array.from({ length: 1200 }, (_, i) => generatedRow(i + 1, Math.floor(i / 240)));
  const { pipelineStage: _drop, ...old } = ROWS[0]!;
  out.push({ ...old, projectId: 9001, code: 'KP-OLD1', categorySort: 9, categoryCode: 'old' });
  out.push({ ...old, projectId: 9002, code: 'KP-OLD2', categorySort: 9, categoryCode: 'old', totalInvestment: '0.01' });
  return out;
}

function expectedByGroup(source: StatusRow[]) {
  const acc = new Map<PipelineGroup, { count: number; total: MoneySum; planned: MoneySum; completed: MoneySum }>();
  for (const r of source) {
    const g = pipelineGroup(r.pipelineStage);
    const a = acc.get(g) ?? { count: 0, total: new MoneySum(), planned: new MoneySum(), completed: new MoneySum() };
    a.count += 1;
    a.total.add(r.totalInvestment);
    a.planned.add(r.annualPlanned);
    a.completed.add(r.completedThisYear);
    acc.set(g, a);
  }
  return acc;
}

describe('the status table by pipeline stage', () => {
  it('gives each group exactly its rows’ count and sums, and the groups add up to the total (exact decimals)', async () => {
    const source = rows();
    const lines: TableLine[] = [];
    for await (const l of statusTableLines(rowsOf(source), t, 'zh-CN')) lines.push(l);
    const groups = lines.filter((l): l is Extract<TableLine, { kind: 'pipeline' }> => l.kind === 'pipeline');
    expect(groups.map((g) => g.group)).toEqual([...PIPELINE_GROUPS, 'unrecorded']);
    const want = expectedByGroup(source);
    for (const g of groups) {
      const w = want.get(g.group)!;
      expect(g.label).toBe(`其中：${LABEL[g.group]}（${w.count} 个项目）`);
      expect([g.totals.count, g.totals.totalInvestment, g.totals.annualPlanned, g.totals.completed], g.group).toEqual([
        w.count,
        w.total.text,
        w.planned.text,
        w.completed.text,
      ]);
    }
    const total = lines.find((l) => l.kind === 'total')!;
    const sumOf = (pick: (x: (typeof groups)[number]) => string | null) => {
      const s = new MoneySum();
      for (const g of groups) s.add(pick(g));
      return s.text;
    };
    expect(groups.reduce((a, g) => a + g.totals.count, 0)).toBe(total.totals.count);
    expect(sumOf((g) => g.totals.totalInvestment)).toBe(total.totals.totalInvestment);
    expect(sumOf((g) => g.totals.annualPlanned)).toBe(total.totals.annualPlanned);
    expect(sumOf((g) => g.totals.completed)).toBe(total.totals.completed);
    // The table's total is not one group's: the split is a real split.
    expect(groups.filter((g) => g.totals.count > 0).length).toBe(6);
  });

  it('the workbook shows each row’s stage and the subtotals under the total, equal to the sum of their rows', async () => {
    const source = rows();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readAll(statusTableXlsx(HEADING, rowsOf(source), { locale: 'zh-CN' }))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('M3').value).toBe('推进阶段');
    // Project rows: a number in A. Each shows its stage; grouped here by that label, as a reader would.
    const bySeq = new Map<number, string>();
    const stageLabel = (r: StatusRow) => (r.pipelineStage ? t(`enums.pipelineStage.${r.pipelineStage}`) : '');
    for (let r = 5; r <= ws.rowCount; r++) {
      const seq = ws.getCell(`A${r}`).value;
      if (typeof seq === 'number') bySeq.set(seq, String(ws.getCell(`M${r}`).value ?? ''));
    }
    expect(bySeq.size).toBe(source.length);
    source.forEach((row, i) => expect(bySeq.get(i + 1), row.code).toBe(stageLabel(row)));

    const want = expectedByGroup(source);
    const first = ws.rowCount - 5; // five stage groups and the unrecorded one, after the total
    expect(String(ws.getCell(`A${first - 1}`).value)).toBe(`合计（${source.length} 个项目）`);
    [...PIPELINE_GROUPS, 'unrecorded' as const].forEach((g, k) => {
      const r = first + k;
      const w = want.get(g)!;
      expect(ws.getCell(`A${r}`).value).toBe(`其中：${LABEL[g]}（${w.count} 个项目）`);
      expect([ws.getCell(`D${r}`).value, ws.getCell(`E${r}`).value, ws.getCell(`F${r}`).value], g).toEqual([
        moneyToNumber(w.total.text),
        moneyToNumber(w.planned.text),
        moneyToNumber(w.completed.text),
      ]);
    });
  });
});
