import { describe, expect, it } from 'vitest';
import type { InvestmentHeadline } from '@/lib/dashboard/types';
import {
  barsHeight,
  colon,
  investmentTrendOption,
  monthLabel,
  moneyScale,
  moneyUnit,
  percent,
  projectName,
  rowLabel,
} from './chart-options';

const zhCtx = { locale: 'zh-CN' as const, theme: 'light' as const };
const enCtx = { locale: 'en' as const, theme: 'light' as const };
const units = { wan: '万元', yi: '亿元', cnyM: 'CNY m', cnyBn: 'CNY bn' };
const labels = { planned: 'planned', completed: 'completed', timeElapsed: 'time elapsed', unit: units };

describe('dashboard charts: units and labels', () => {
  it('a money axis is in 万元 below 1 亿, else in 亿元; in English CNY m below CNY 1 bn', () => {
    expect(moneyScale(9_999, 'zh-CN')).toEqual({ div: 1, unit: 'wan' });
    expect(moneyScale(10_000, 'zh-CN')).toEqual({ div: 10_000, unit: 'yi' });
    expect(moneyScale(99_999, 'en')).toEqual({ div: 100, unit: 'cnyM' });
    expect(moneyScale(100_000, 'en')).toEqual({ div: 100_000, unit: 'cnyBn' });
    expect(moneyUnit(['500.00', null, '12000.00'], 'zh-CN')).toBe('yi');
    expect(moneyUnit([null], 'zh-CN')).toBe('wan');
  });

  it('months, colons and names in the reader’s language', () => {
    expect(monthLabel(3, 'zh-CN')).toBe('3月');
    expect(monthLabel(3, 'en')).toBe('Mar');
    expect(colon('zh-CN')).toBe('：');
    expect(colon('en')).toBe(': ');
    expect(rowLabel({ labelZh: '风电', labelEn: 'Wind' }, 'en')).toBe('Wind');
    expect(projectName({ nameZh: '乌额铁路', nameEn: null }, 'en')).toBe('乌额铁路');
    expect(projectName({ nameZh: '乌额铁路', nameEn: 'Wu–E Railway' }, 'zh-CN')).toBe('乌额铁路');
  });

  it('a missing or infinite fraction is a dash', () => {
    expect(percent(null, 'zh-CN')).toBe('—');
    expect(percent(undefined, 'en')).toBe('—');
    expect(percent(Number.POSITIVE_INFINITY, 'en')).toBe('—');
    expect(percent(0.5, 'en')).not.toBe('—');
  });

  it('a horizontal bar chart grows with its rows, the screen’s rows are taller', () => {
    expect(barsHeight(1, zhCtx)).toBe(160);
    expect(barsHeight(10, zhCtx)).toBe(48 + 10 * 28);
    expect(barsHeight(10, { ...zhCtx, theme: 'dark' })).toBe(48 + 10 * 34);
  });
});

describe('dashboard charts: the cumulative investment trend', () => {
  const headline = { asOfMonth: 2, timeElapsedPct: 16.7, href: '/projects?year=2026' } as unknown as InvestmentHeadline;
  const months = [
    { month: 1, plannedCumulative: '15000.00', completedCumulative: '12345.67' },
    { month: 2, plannedCumulative: '30000.00', completedCumulative: null },
  ];

  it('plots 亿元 when the amounts reach 1 亿, and leaves future months empty', () => {
    const option = investmentTrendOption(months, headline, zhCtx, labels) as {
      yAxis: { name: string };
      xAxis: { data: string[] };
      series: { data: { value: number | string; href: string }[]; markLine?: { data: { xAxis: string }[] } }[];
    };
    expect(option.yAxis.name).toBe('亿元');
    expect(option.xAxis.data).toEqual(['1月', '2月']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([1.5, 3]);
    expect(option.series[1]!.data[0]).toMatchObject({ value: 1.23, href: '/projects?year=2026' });
    expect(option.series[1]!.data[1]).toMatchObject({ value: '-' });
    expect(option.series[0]!.markLine?.data).toEqual([{ xAxis: '2月' }]);
  });

  it('in English the axis is in CNY m, and there is no time-elapsed line without a plan', () => {
    const small = [{ month: 1, plannedCumulative: '500.00', completedCumulative: '250.00' }];
    const option = investmentTrendOption(small, { ...headline, timeElapsedPct: null }, enCtx, labels) as {
      yAxis: { name: string };
      series: { data: { value: number }[]; markLine?: unknown }[];
    };
    expect(option.yAxis.name).toBe('CNY m');
    expect(option.series[0]!.data[0]!.value).toBe(5);
    expect(option.series[0]!.markLine).toBeUndefined();
  });
});
