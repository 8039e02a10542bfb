import { describe, expect, it } from 'vitest';
import { RULE_MEASURES, type RuleMeasure } from '@/db/schema/enums';
import { translator } from '@/lib/i18n/translate';
import { renderReason } from './reasons';
import { DEFAULT_RULES, evaluate, type RuleDef } from './rules';

const defaults: RuleDef[] = DEFAULT_RULES.map((r, i) => ({ ...r, id: i + 1 }));
const only = (measure: RuleMeasure, value: number | null) => evaluate({ [measure]: value }, defaults);

/**
 * Each measure of the default rule set at, just below and just above each threshold.
 * [value, expected light]
 */
const CASES: Record<RuleMeasure, [number, 'green' | 'yellow' | 'red'][]> = {
  // ≥ 10 → yellow, > 30 → red ("10–30 points behind → yellow, more than 30 → red")
  investment_behind_time_elapsed_pp: [
    [-5, 'green'],
    [9.9, 'green'],
    [10, 'yellow'],
    [10.1, 'yellow'],
    [29.9, 'yellow'],
    [30, 'yellow'],
    [30.1, 'red'],
    [33, 'red'],
  ],
  // ≥ 1 → yellow, ≥ 3 → red
  start_overdue_months: [
    [0, 'green'],
    [1, 'yellow'],
    [2, 'yellow'],
    [3, 'red'],
    [4, 'red'],
  ],
  // > 30 → yellow, > 90 → red
  milestone_forecast_beyond_baseline_days: [
    [29, 'green'],
    [30, 'green'],
    [31, 'yellow'],
    [89, 'yellow'],
    [90, 'yellow'],
    [91, 'red'],
  ],
  // ≥ 1 → yellow, ≥ 3 → red
  overdue_problems: [
    [0, 'green'],
    [1, 'yellow'],
    [2, 'yellow'],
    [3, 'red'],
    [4, 'red'],
  ],
  // ≥ 1 → yellow, ≥ 2 → red
  missing_report: [
    [0, 'green'],
    [1, 'yellow'],
    [2, 'red'],
    [3, 'red'],
  ],
};

describe('the default rule set, each measure around its thresholds', () => {
  for (const measure of RULE_MEASURES) {
    it.each(CASES[measure])(`${measure} = %s → %s`, (value, light) => {
      const res = only(measure, value);
      expect(res.light).toBe(light);
      if (light === 'green') expect(res.reasons).toEqual([]);
      else {
        // One reason per measure: the most severe rule that fired, with its numbers.
        expect(res.reasons).toHaveLength(1);
        expect(res.reasons[0]).toMatchObject({ measure, value, light });
      }
    });
  }

  it('a measure that does not apply (null) fires nothing', () => {
    for (const m of RULE_MEASURES) expect(only(m, null)).toEqual({ light: 'green', reasons: [] });
  });

  it('every measure has a default yellow and red rule', () => {
    for (const m of RULE_MEASURES) {
      expect(
        DEFAULT_RULES.filter((r) => r.measure === m)
          .map((r) => r.light)
          .sort(),
      ).toEqual(['red', 'yellow']);
    }
  });
});

describe('evaluate', () => {
  it('takes the worst light over several measures and lists red reasons first', () => {
    const res = evaluate({ overdue_problems: 1, investment_behind_time_elapsed_pp: 33, missing_report: 0 }, defaults);
    expect(res.light).toBe('red');
    expect(res.reasons.map((r) => [r.measure, r.light])).toEqual([
      ['investment_behind_time_elapsed_pp', 'red'],
      ['overdue_problems', 'yellow'],
    ]);
    expect(res.reasons[0]).toMatchObject({ threshold: 30, comparison: 'gt', ruleId: 2 });
  });

  it('gt and gte differ exactly at the threshold', () => {
    const gt: RuleDef = { id: 1, measure: 'overdue_problems', comparison: 'gt', threshold: 2, light: 'red', sort: 1 };
    const gte: RuleDef = { ...gt, comparison: 'gte' };
    expect(evaluate({ overdue_problems: 2 }, [gt]).light).toBe('green');
    expect(evaluate({ overdue_problems: 2 }, [gte]).light).toBe('red');
  });

  it('an empty rule set makes everything green', () => {
    expect(evaluate({ overdue_problems: 99, investment_behind_time_elapsed_pp: 99 }, [])).toEqual({ light: 'green', reasons: [] });
  });

  it('carries the context the sentence needs', () => {
    const res = evaluate({ investment_behind_time_elapsed_pp: 33 }, defaults, {
      investment_behind_time_elapsed_pp: { completionPct: 42, timeElapsedPct: 75 },
    });
    expect(res.reasons[0]!.context).toEqual({ completionPct: 42, timeElapsedPct: 75 });
  });
});

describe('renderReason', () => {
  const reason = evaluate({ investment_behind_time_elapsed_pp: 33 }, defaults, {
    investment_behind_time_elapsed_pp: { completionPct: 42, timeElapsedPct: 75 },
  }).reasons[0]!;

  it('renders the sentence in Chinese and English from the stored data', () => {
    expect(renderReason(translator('zh-CN'), reason, 'zh-CN')).toBe('完成率 42.0%，序时进度 75.0%，落后 33.0 个百分点 (>30) → 红灯');
    expect(renderReason(translator('en'), reason, 'en')).toBe('Completion 42.0%, time-elapsed 75.0%, 33.0 points behind (>30) → red');
  });

  it('renders every measure in both languages without missing placeholders', () => {
    for (const m of RULE_MEASURES) {
      const r = evaluate({ [m]: 5 }, [{ id: 1, measure: m, comparison: 'gte', threshold: 1, light: 'yellow', sort: 1 }], {
        [m]: { completionPct: 1, timeElapsedPct: 2, milestone: '下闸蓄水', milestoneEn: 'Impoundment', plannedMonth: '2026-03' },
      }).reasons[0]!;
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = renderReason(translator(locale), r, locale);
        expect(text).toContain('5');
        expect(text).toContain('≥1');
        expect(text).not.toMatch(/[{}]|lights\./);
      }
    }
  });
});
