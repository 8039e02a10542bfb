import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format';
import { translator } from '@/lib/i18n/translate';
import { periodLabel } from './report-format';

const zh = translator('zh-CN');
const en = translator('en');

describe('reporting period labels', () => {
  it('a calendar month by its name', () => {
    const june = { kind: 'monthly' as const, startDate: '2025-06-01', endDate: '2025-06-30' };
    expect(periodLabel(zh, june, 'zh-CN')).toBe('2025年6月');
    expect(periodLabel(en, june, 'en')).toBe('June 2025');
  });

  it('a ten-day period (旬) by its part of the month, the last one to the month’s end', () => {
    expect(periodLabel(zh, { kind: 'dekad', startDate: '2025-06-01', endDate: '2025-06-10' }, 'zh-CN')).toBe('2025年6月上旬');
    expect(periodLabel(zh, { kind: 'dekad', startDate: '2025-06-11', endDate: '2025-06-20' }, 'zh-CN')).toBe('2025年6月中旬');
    expect(periodLabel(en, { kind: 'dekad', startDate: '2024-02-21', endDate: '2024-02-29' }, 'en')).toBe('February 2024, days 21–end');
  });

  it('anything else by its dates', () => {
    const odd = { kind: 'monthly' as const, startDate: '2025-06-05', endDate: '2025-07-04' };
    expect(periodLabel(zh, odd, 'zh-CN')).toBe(`${formatDate('2025-06-05', 'zh-CN')} 至 ${formatDate('2025-07-04', 'zh-CN')}`);
    const shortDekad = { kind: 'dekad' as const, startDate: '2025-06-21', endDate: '2025-06-29' };
    expect(periodLabel(en, shortDekad, 'en')).toBe(`${formatDate('2025-06-21', 'en')} to ${formatDate('2025-06-29', 'en')}`);
  });
});
