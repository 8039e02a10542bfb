import { describe, expect, it } from 'vitest';
import { formatPercent, formatPercentNumber, formatWan, formatYi, MoneyError, PERCENT_DECIMALS, WAN_DECIMALS, YI_DECIMALS } from './index';

describe('formatWan: tables, forms and details in 万元, two decimals', () => {
  it('shows the stored precision in Chinese, never rounded: 350.50 stays 350.50', () => {
    expect(WAN_DECIMALS).toBe(2);
    expect(formatWan('350.50', 'zh-CN')).toBe('350.50 万元');
    expect(formatWan('350.5', 'zh-CN')).toBe('350.50 万元');
    expect(formatWan(350.5, 'zh-CN')).toBe('350.50 万元');
    expect(formatWan('0', 'zh-CN')).toBe('0.00 万元');
    expect(formatWan('0.01', 'zh-CN')).toBe('0.01 万元');
    expect(formatWan('-100.5', 'zh-CN')).toBe('-100.50 万元');
    expect(formatWan('-0.05', 'zh-CN')).toBe('-0.05 万元');
  });

  it('stays in 万元 on both sides of 1 亿 (no switch of unit inside a table)', () => {
    expect(formatWan('9999.99', 'zh-CN')).toBe('9,999.99 万元');
    expect(formatWan('10000', 'zh-CN')).toBe('10,000.00 万元');
    expect(formatWan('10000', 'en')).toBe('CNY 100,000,000');
  });

  it('gives English the same exact amount in yuan (0.01 万元 = CNY 100)', () => {
    expect(formatWan('350.50', 'en')).toBe('CNY 3,505,000');
    expect(formatWan('0', 'en')).toBe('CNY 0');
    expect(formatWan('0.01', 'en')).toBe('CNY 100');
    expect(formatWan('-100.5', 'en')).toBe('CNY -1,005,000');
    expect(formatWan('9999.99', 'en')).toBe('CNY 99,999,900');
  });

  it('without the unit, the same number in both languages (the header or the sentence says 万元)', () => {
    expect(formatWan('350.5', 'zh-CN', { unit: false })).toBe('350.50');
    expect(formatWan('350.5', 'en', { unit: false })).toBe('350.50');
    expect(formatWan('1234567.8', 'en', { unit: false })).toBe('1,234,567.80');
    expect(formatWan('-0.5', 'zh-CN', { unit: false })).toBe('-0.50');
  });

  it('shows amounts beyond Number precision digit for digit', () => {
    expect(formatWan('999999999999.99', 'zh-CN')).toBe('999,999,999,999.99 万元');
    expect(formatWan('123456789012345678.91', 'zh-CN', { unit: false })).toBe('123,456,789,012,345,678.91');
    expect(formatWan('999999999999.99', 'en')).toBe('CNY 9,999,999,999,999,900');
  });

  it('shows a dash for no value and refuses what is not an amount', () => {
    expect(formatWan(null, 'zh-CN')).toBe('—');
    expect(formatWan(undefined, 'en')).toBe('—');
    expect(formatWan('', 'zh-CN')).toBe('—');
    expect(() => formatWan('1.234', 'zh-CN')).toThrow(MoneyError);
    expect(() => formatWan('abc', 'en')).toThrow(MoneyError);
    expect(() => formatWan(0.1 + 0.2, 'zh-CN')).toThrow(MoneyError);
  });
});

describe('formatYi: summaries in 亿元, two decimals, half away from zero', () => {
  it('shows every summary in 亿元, small ones too', () => {
    expect(YI_DECIMALS).toBe(2);
    expect(formatYi('350.50', 'zh-CN')).toBe('0.04 亿元'); // 0.03505 亿
    expect(formatYi('0', 'zh-CN')).toBe('0.00 亿元');
    expect(formatYi('123456.78', 'zh-CN')).toBe('12.35 亿元');
    expect(formatYi('1234567890', 'zh-CN')).toBe('123,456.79 亿元');
  });

  it('rounds 9,999.99 万元 and 10,000 万元 alike to 1.00 亿元', () => {
    expect(formatYi('9999.99', 'zh-CN')).toBe('1.00 亿元');
    expect(formatYi('10000', 'zh-CN')).toBe('1.00 亿元');
    expect(formatYi('9949.99', 'zh-CN')).toBe('0.99 亿元');
  });

  it('rounds half away from zero', () => {
    expect(formatYi('50', 'zh-CN')).toBe('0.01 亿元'); // 0.005 亿
    expect(formatYi('49.99', 'zh-CN')).toBe('0.00 亿元');
    expect(formatYi('-50', 'zh-CN')).toBe('-0.01 亿元');
    expect(formatYi('-49.99', 'zh-CN')).toBe('0.00 亿元'); // no "-0.00"
    expect(formatYi('150', 'zh-CN')).toBe('0.02 亿元'); // 0.015 亿
  });

  it('gives English the same rounded amount in millions of yuan (0.01 亿元 = CNY 1 m)', () => {
    expect(formatYi('350.50', 'en')).toBe('CNY 4 m');
    expect(formatYi('123456.78', 'en')).toBe('CNY 1,235 m');
    expect(formatYi('9999.99', 'en')).toBe('CNY 100 m');
    expect(formatYi('-50', 'en')).toBe('CNY -1 m');
    expect(formatYi('0', 'en')).toBe('CNY 0 m');
  });

  it('sums beyond Number precision round exactly', () => {
    // 12,345,678,901,234,567.89 万元 = 1,234,567,890,123.456789 亿 → …123.46
    expect(formatYi('12345678901234567.89', 'zh-CN')).toBe('1,234,567,890,123.46 亿元');
  });

  it('shows a dash for no value and refuses what is not an amount', () => {
    expect(formatYi(null, 'zh-CN')).toBe('—');
    expect(formatYi('', 'en')).toBe('—');
    expect(() => formatYi('1e5', 'zh-CN')).toThrow(MoneyError);
  });
});

describe('formatPercent: one decimal, always', () => {
  it('shows a percentage with exactly one decimal in both languages', () => {
    expect(PERCENT_DECIMALS).toBe(1);
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(formatPercent(42, locale)).toBe('42.0%');
      expect(formatPercent(33.3, locale)).toBe('33.3%');
      expect(formatPercent(0, locale)).toBe('0.0%');
      expect(formatPercent(100, locale)).toBe('100.0%');
      expect(formatPercent(1234.5, locale)).toBe('1,234.5%');
    }
  });

  it('rounds what it is given by the one rule', () => {
    expect(formatPercent(33.35, 'zh-CN')).toBe('33.4%');
    expect(formatPercent(-12.25, 'zh-CN')).toBe('-12.3%');
    expect(formatPercent((0.1 + 0.2) * 100, 'en')).toBe('30.0%');
    expect(formatPercent(-0.04, 'en')).toBe('0.0%');
    expect(formatPercent(null, 'zh-CN')).toBe('—');
    expect(formatPercent(undefined, 'en')).toBe('—');
  });

  it('gives the bare number for a sentence that carries the % sign', () => {
    expect(formatPercentNumber(42, 'zh-CN')).toBe('42.0');
    expect(formatPercentNumber(8.25, 'en')).toBe('8.3');
    expect(formatPercentNumber(null, 'en')).toBe('—');
  });
});
