/**
 * Deterministic status-table rows for tests and the bench: `count` projects over a few
 * categories (ordered by category, as a snapshot yields them), with every kind of value a real
 * table has — missing plans, several problems, all lights and none, long texts. Not used by
 * the application.
 */
import { type Light, PIPELINE_STAGES } from '@/db/schema/enums';
import type { StatusRow } from '@/lib/meetings/types';
import { divRound, moneyText, rateOf, shareOf } from '@/lib/money';

const CATEGORIES = [
  { code: 'transport', zh: '交通', en: 'Transport' },
  { code: 'water', zh: '水利', en: 'Water' },
  { code: 'energy', zh: '能源', en: 'Energy' },
  { code: 'industry', zh: '工业', en: 'Industry' },
  { code: 'social', zh: '社会民生', en: 'Social' },
];
const LIGHTS: (Light | null)[] = ['green', 'green', 'yellow', 'red', null];

export function generatedRow(i: number, categoryIndex: number): StatusRow {
  const c = CATEGORIES[categoryIndex % CATEGORIES.length]!;
  // Exact cents (lib/money): the total and the plan (30 %) in whole 万元, the completed share to the cent.
  const total = BigInt(5000 + ((i * 7919) % 900000)) * 100n;
  const planned = i % 11 === 0 ? null : divRound(total * 3n, 1000n) * 100n;
  const completed = planned === null ? BigInt(i % 500) * 125n : shareOf(planned, (i * 37) % 100, 100);
  return {
    projectId: i,
    code: `KP-${String(i).padStart(6, '0')}`,
    name: `${c.zh}重点项目${i}号（示例）`,
    nameEn: `${c.en} key project ${i} (sample)`,
    categoryCode: c.code,
    categoryZh: c.zh,
    categoryEn: c.en,
    categorySort: categoryIndex,
    countyZh: '额敏县',
    countyEn: 'Emin County',
    constructionContent: `新建二级公路${(i % 90) + 10}公里，桥梁${i % 7}座，配套服务区及附属设施，总装机容量${i % 100}万千瓦。`,
    totalInvestment: moneyText(total),
    annualPlanned: planned === null ? null : moneyText(planned),
    completedThisYear: moneyText(completed),
    completionRate: planned === null ? null : rateOf(completed, planned),
    physicalProgress: `路基完成${i % 100}%，路面完成${(i * 3) % 100}%，桥梁下部结构施工中。`,
    problems: i % 3 === 0 ? [`征地拆迁${i}号地块未完成`, '用电接入待协调'] : i % 3 === 1 ? [] : ['资金到位滞后'],
    leaderName: `领导${i % 40}`,
    unitName: `交通运输局${i % 12}`,
    unitNameEn: `Transport Bureau ${i % 12}`,
    stage: 'construction',
    pipelineStage: PIPELINE_STAGES[i % PIPELINE_STAGES.length]!,
    status: 'on_track',
    light: LIGHTS[i % LIGHTS.length]!,
  };
}

/** `count` rows, ordered by category, yielded in batches like the snapshot reader does. */
export async function* generatedRows(count: number): AsyncGenerator<StatusRow> {
  const per = Math.ceil(count / CATEGORIES.length);
  for (let i = 1; i <= count; i++) {
    if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    yield generatedRow(i, Math.floor((i - 1) / per));
  }
}
