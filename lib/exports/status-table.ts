/**
 * The status table (调度表) as a sequence of lines, shared by the Excel and CSV renderers and the
 * print view: a heading per category, the numbered project rows, a subtotal after each category,
 * the total, and under it the total split by pipeline stage (其中：新开工 / 续建 / 前期 / 谋划储备 /
 * 建成投运, from each row's frozen stage). The rows arrive ordered by category (the snapshot's
 * order), so the subtotals are computed while streaming: nothing is held but the running sums.
 */
import type { Light, PipelineStage } from '@/db/schema/enums';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import type { MeetingHeading, StatusRow } from '@/lib/meetings/types';
import { formatDate, formatDateTime } from '@/lib/format';
import { MoneySum, parseMoney, rateOf } from '@/lib/money';

export interface Totals {
  count: number;
  /** Exact sums in 万元 as text (lib/money); null when no row had a value. */
  totalInvestment: string | null;
  annualPlanned: string | null;
  completed: string | null;
  /**
   * Completed ÷ planned over the rows that have an annual plan (a row without a plan has no
   * rate and does not skew the group's), as the fraction of the one-decimal percentage
   * (lib/money's rateOf: 0.375 = 37.5%); null when no row has a plan.
   */
  rate: number | null;
}

export type TableLine =
  | { kind: 'category'; ordinal: number; label: string; categoryCode: string }
  | { kind: 'project'; seq: number; row: StatusRow }
  | { kind: 'subtotal'; label: string; categoryCode: string; totals: Totals }
  | { kind: 'total'; label: string; totals: Totals }
  | { kind: 'pipeline'; label: string; group: PipelineGroup; totals: Totals };

/**
 * The stage groups a status table counts under its total, in the order tables list them; 建成 and
 * 投运 count together. `unrecorded`: rows frozen before the stage was recorded (shown only if any).
 */
export const PIPELINE_GROUPS = ['new_start', 'continuing', 'preliminary', 'reserve', 'done'] as const;
export type PipelineGroup = (typeof PIPELINE_GROUPS)[number] | 'unrecorded';

export function pipelineGroup(stage: PipelineStage | undefined): PipelineGroup {
  if (stage === undefined) return 'unrecorded';
  return stage === 'completed' || stage === 'operating' ? 'done' : stage;
}

class Accumulator {
  count = 0;
  total = new MoneySum();
  planned = new MoneySum();
  completed = new MoneySum();
  completedWithPlan = new MoneySum();

  add(row: StatusRow): void {
    this.count += 1;
    this.total.add(row.totalInvestment);
    this.planned.add(row.annualPlanned);
    this.completed.add(row.completedThisYear);
    if (row.annualPlanned !== null && parseMoney(row.annualPlanned) > 0n) this.completedWithPlan.add(row.completedThisYear);
  }

  totals(): Totals {
    return {
      count: this.count,
      totalInvestment: this.total.text,
      annualPlanned: this.planned.text,
      completed: this.completed.text,
      rate: this.planned.counted ? rateOf(this.completedWithPlan.cents, this.planned.cents) : null,
    };
  }
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; from 100 on, digits. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

export function categoryLabel(row: Pick<StatusRow, 'categoryZh' | 'categoryEn'>, locale: Locale): string {
  return locale === 'en' ? row.categoryEn || row.categoryZh : row.categoryZh;
}

export async function* statusTableLines(rows: AsyncIterable<StatusRow>, t: Translate, locale: Locale): AsyncGenerator<TableLine> {
  const all = new Accumulator();
  const byStage = new Map<PipelineGroup, Accumulator>([...PIPELINE_GROUPS, 'unrecorded' as const].map((g) => [g, new Accumulator()]));
  let group: Accumulator | null = null;
  let current: { code: string; label: string } | null = null;
  let ordinal = 0;
  let seq = 0;
  const subtotal = (): TableLine => ({
    kind: 'subtotal',
    categoryCode: current!.code,
    label: t('exports.statusTable.subtotal', { category: current!.label, count: group!.count }),
    totals: group!.totals(),
  });
  for await (const row of rows) {
    if (!current || current.code !== row.categoryCode) {
      if (group) yield subtotal();
      ordinal += 1;
      current = { code: row.categoryCode, label: categoryLabel(row, locale) };
      group = new Accumulator();
      yield {
        kind: 'category',
        ordinal,
        categoryCode: row.categoryCode,
        label: t('exports.statusTable.categoryHeading', {
          ordinal: locale === 'en' ? String(ordinal) : chineseOrdinal(ordinal),
          category: current.label,
        }),
      };
    }
    seq += 1;
    group!.add(row);
    all.add(row);
    byStage.get(pipelineGroup(row.pipelineStage))!.add(row);
    yield { kind: 'project', seq, row };
  }
  if (group) yield subtotal();
  yield { kind: 'total', label: t('exports.statusTable.total', { count: all.count }), totals: all.totals() };
  for (const [g, acc] of byStage) {
    if (g === 'unrecorded' && acc.count === 0) continue;
    yield {
      kind: 'pipeline',
      group: g,
      label: t('exports.statusTable.pipelineSubtotal', { stage: t(`exports.statusTable.pipelineGroup.${g}`), count: acc.count }),
      totals: acc.totals(),
    };
  }
}

/** The text columns of a project row in the user's language. */
export function projectTexts(row: StatusRow, locale: Locale, t: Translate) {
  const en = locale === 'en';
  return {
    name: en ? row.nameEn || row.name : row.name,
    content: row.constructionContent ?? '',
    progress: row.physicalProgress ?? '',
    problems: row.problems.length === 1 ? row.problems[0]! : row.problems.map((p, i) => `${i + 1}. ${p}`).join('\n'),
    leader: row.leaderName ?? '',
    unit: (en ? row.unitNameEn || row.unitName : row.unitName) ?? '',
    light: lightLabel(row.light, t),
    pipeline: row.pipelineStage ? t(`enums.pipelineStage.${row.pipelineStage}`) : '',
  };
}

export function lightLabel(light: Light | null, t: Translate): string {
  return light ? t(`exports.statusTable.light.${light}`) : t('exports.statusTable.lightNone');
}

/** The columns of the status table, in order (keys of exports.statusTable.col). */
export const STATUS_COLUMNS = [
  'seq',
  'name',
  'content',
  'totalInvestment',
  'annualPlanned',
  'completed',
  'rate',
  'progress',
  'problems',
  'leader',
  'unit',
  'light',
  'pipeline',
] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

export const MONEY_COLUMNS: readonly StatusColumn[] = ['totalInvestment', 'annualPlanned', 'completed'];

/** The unit shown under a column's header (万元, %), or ''. */
export function columnUnit(col: StatusColumn, t: Translate): string {
  if ((MONEY_COLUMNS as readonly string[]).includes(col)) return t('exports.statusTable.unit.money');
  if (col === 'rate') return t('exports.statusTable.unit.rate');
  return '';
}

export function statusTableTitle(heading: MeetingHeading, t: Translate): string {
  return t('exports.statusTable.title', { title: heading.title });
}

export function statusTableSubtitle(heading: MeetingHeading, t: Translate, locale: Locale, now: Date): string {
  const date = formatDate(heading.date, locale);
  return heading.frozenAt
    ? t('exports.statusTable.subtitle', { date, frozenAt: formatDateTime(heading.frozenAt, locale) })
    : t('exports.statusTable.subtitleNotFrozen', { date, now: formatDateTime(now, locale) });
}
