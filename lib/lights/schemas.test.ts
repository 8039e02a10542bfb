import { describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/actions/parse-input';
import { translator } from '@/lib/i18n/translate';
import { DEFAULT_RULES } from './rules';
import { editRuleSetSchema, previewRuleSetSchema } from './schemas';

const zh = translator('zh-CN');
const en = translator('en');

type Rule = { measure: string; comparison: string; threshold: unknown; light: string };
const pp = (threshold: unknown, light = 'yellow', comparison = 'gte'): Rule => ({
  measure: 'investment_behind_time_elapsed_pp',
  comparison,
  threshold,
  light,
});
const defaults = (): Rule[] =>
  DEFAULT_RULES.map((r) => ({ measure: r.measure, comparison: r.comparison, threshold: r.threshold, light: r.light }));

function edit(rules: Rule[], t = zh) {
  return parseInput(editRuleSetSchema, { ruleSetId: 1, name: '默认规则', rules }, t);
}
function errorsOf(rules: Rule[], t = zh) {
  const res = edit(rules, t);
  if (res.ok) throw new Error('expected a refusal');
  return res.fieldErrors;
}

describe('a threshold as typed', () => {
  it('empty is required, never 0 (both languages); so are blanks and a missing value', () => {
    expect(errorsOf([pp('')])).toEqual({ 'rules.0.threshold': ['必填'] });
    expect(errorsOf([pp('')], en)).toEqual({ 'rules.0.threshold': ['Required'] });
    expect(errorsOf([pp('   ')])).toEqual({ 'rules.0.threshold': ['必填'] });
    expect(errorsOf([pp(undefined)])).toEqual({ 'rules.0.threshold': ['必填'] });
    expect(errorsOf([pp(null)])).toEqual({ 'rules.0.threshold': ['必填'] });
  });

  it("'abc' and other non-numbers say 请输入数字 / Enter a number (not 必填)", () => {
    for (const bad of ['abc', '1,5', '12abc', '1e3', 'NaN', '--1', Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      expect(errorsOf([pp(bad)]), String(bad)).toEqual({ 'rules.0.threshold': ['请输入数字'] });
    }
    expect(errorsOf([pp('abc')], en)).toEqual({ 'rules.0.threshold': ['Enter a number'] });
  });

  it('accepts a number, its text, and full-width digits', () => {
    for (const ok of [12.5, '12.5', ' 12.5 ', '１２．５']) {
      const res = edit([pp(ok)]);
      expect(res.ok, String(ok)).toBe(true);
      if (res.ok) expect(res.data.rules[0]!.threshold).toBe(12.5);
    }
  });

  it('out of range says the range of the measure', () => {
    expect(errorsOf([pp('101')])).toEqual({ 'rules.0.threshold': ['请输入 0 到 100 之间的数字，最多两位小数'] });
    expect(errorsOf([pp(-1)], en)).toEqual({ 'rules.0.threshold': ['Enter a number from 0 to 100, at most two decimals'] });
    expect(errorsOf([pp('12.345')], en)).toEqual({ 'rules.0.threshold': ['Enter a number from 0 to 100, at most two decimals'] });
    const months = { measure: 'start_overdue_months', comparison: 'gte', light: 'red' };
    expect(errorsOf([{ ...months, threshold: '1.5' }])).toEqual({ 'rules.0.threshold': ['请输入 0 到 120 之间的整数'] });
    expect(errorsOf([{ ...months, threshold: 121 }], en)).toEqual({ 'rules.0.threshold': ['Enter a whole number from 0 to 120'] });
    expect(edit([{ ...months, threshold: 120 }]).ok).toBe(true);
  });

  it('"≥ 0" would light every project: refused; "> 0" is allowed', () => {
    expect(errorsOf([pp('0')], en)).toEqual({
      'rules.0.threshold': ['“≥ 0” holds for every project and would change every light; use “> 0” or a larger threshold'],
    });
    expect(errorsOf([{ measure: 'overdue_problems', comparison: 'gte', threshold: 0, light: 'yellow' }])['rules.0.threshold']).toHaveLength(
      1,
    );
    expect(edit([pp('0', 'yellow', 'gt')]).ok).toBe(true);
  });
});

describe('the rules together', () => {
  it('the default rules pass', () => {
    expect(edit(defaults()).ok).toBe(true);
  });

  it('a yellow threshold not below its red one is refused, naming both rules', () => {
    const rules = [pp(30, 'yellow'), pp(30, 'red', 'gt')];
    expect(errorsOf(rules)).toEqual({
      'rules.0.threshold': ['黄灯阈值须低于第 2 条规则的红灯阈值（> 30）'],
      'rules.1.threshold': ['红灯阈值须高于第 1 条规则的黄灯阈值（≥ 30）'],
    });
    expect(errorsOf([pp(40, 'red', 'gt'), pp(50, 'yellow')], en)).toEqual({
      'rules.1.threshold': ['The yellow threshold must be below the red threshold of rule 1 (> 40)'],
      'rules.0.threshold': ['The red threshold must be above the yellow threshold of rule 2 (≥ 50)'],
    });
    expect(edit([pp(29.99, 'yellow'), pp(30, 'red', 'gt')]).ok).toBe(true);
  });

  it('a second rule for the same measure and light (overlapping or a duplicate) is refused', () => {
    expect(errorsOf([pp(10), pp(20)])).toEqual({ 'rules.1.light': ['与第 1 条规则重叠：同一指标只能有一条黄灯规则'] });
    expect(errorsOf([pp(40, 'red'), pp(10), pp(40, 'red')], en)).toEqual({
      'rules.2.light': ['Overlaps rule 1: a measure can have only one red rule'],
    });
    // The same light for another measure is no overlap.
    expect(edit([pp(10), { measure: 'overdue_problems', comparison: 'gte', threshold: 1, light: 'yellow' }]).ok).toBe(true);
  });

  it('at least one rule (no rules would make every light green)', () => {
    expect(errorsOf([])).toEqual({ rules: ['至少需要一条规则'] });
    expect(errorsOf([], en)).toEqual({ rules: ['At least one rule'] });
  });

  it('the preview takes the same checks', () => {
    const res = parseInput(previewRuleSetSchema, { ruleSetId: 1, rules: [pp('')] }, en);
    expect(res).toEqual({ ok: false, fieldErrors: { 'rules.0.threshold': ['Required'] } });
  });
});
