import { describe, expect, it } from 'vitest';
import { type ApprovedPeriod, asOfMonth, calendarMonth, isMonthKey, monthEnd, reportedMonths } from './as-of';

/** Today in these tests: December has begun, November has ended. */
const T = '2026-12-03';

const monthly = (m: number, year = 2026): ApprovedPeriod => {
  const key = `${year}-${String(m).padStart(2, '0')}`;
  return { startDate: `${key}-01`, endDate: monthEnd(key) };
};
/** The three 旬 of a month: 1–10, 11–20, 21–end. */
const dekads = (m: number, which: (1 | 2 | 3)[] = [1, 2, 3], year = 2026): ApprovedPeriod[] => {
  const key = `${year}-${String(m).padStart(2, '0')}`;
  const all: Record<1 | 2 | 3, ApprovedPeriod> = {
    1: { startDate: `${key}-01`, endDate: `${key}-10` },
    2: { startDate: `${key}-11`, endDate: `${key}-20` },
    3: { startDate: `${key}-21`, endDate: monthEnd(key) },
  };
  return which.map((w) => all[w]);
};

describe('the as-of month', () => {
  it('is the latest month whose monthly period has approved reports', () => {
    const periods = [1, 2, 3, 9, 10].map((m) => monthly(m));
    expect(reportedMonths(periods, 2026, T)).toEqual(['2026-01', '2026-02', '2026-03', '2026-09', '2026-10']);
    expect(asOfMonth(periods, 2026, T)).toEqual({
      month: '2026-10',
      source: 'reported',
      options: ['2026-01', '2026-02', '2026-03', '2026-09', '2026-10'],
    });
  });

  it('with 旬 periods, counts a month only when all three of its 旬 are approved', () => {
    const periods = [...dekads(9), ...dekads(10, [1, 2])];
    expect(asOfMonth(periods, 2026, T).month).toBe('2026-09');
    expect(asOfMonth([...periods, ...dekads(10, [3])], 2026, T).month).toBe('2026-10');
    // A missing middle 旬 leaves a gap: the month is not reported.
    expect(reportedMonths(dekads(11, [1, 3]), 2026, T)).toEqual([]);
  });

  it('accepts a mix of kinds, and February and 31-day months end on their last day', () => {
    const periods = [monthly(2), ...dekads(3), ...dekads(4, [1]), monthly(4)];
    expect(reportedMonths(periods, 2026, T)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    // A third 旬 ending on the 30th of a 31-day month does not cover the month.
    expect(reportedMonths([...dekads(1, [1, 2]), { startDate: '2026-01-21', endDate: '2026-01-30' }], 2026, T)).toEqual([]);
  });

  it('is none when nothing is approved yet, or only other years', () => {
    expect(asOfMonth([], 2026, T)).toEqual({ month: null, source: null, options: [] });
    expect(asOfMonth([monthly(12, 2025)], 2026, T).month).toBeNull();
  });

  it('leaves out a month that has not ended, whatever is approved in it so far', () => {
    const periods = [10, 11].map((m) => monthly(m));
    expect(asOfMonth(periods, 2026, '2026-11-20').month).toBe('2026-10');
    expect(asOfMonth(periods, 2026, '2026-11-30').month).toBe('2026-11');
    expect(asOfMonth(periods, 2026, '2026-11-20', '2026-11')).toMatchObject({ month: '2026-10', source: 'reported' });
  });

  it('takes a picked month only when it is reported', () => {
    const periods = [8, 9, 10].map((m) => monthly(m));
    expect(asOfMonth(periods, 2026, T, '2026-09')).toMatchObject({ month: '2026-09', source: 'picked' });
    expect(asOfMonth(periods, 2026, T, '2026-11')).toMatchObject({ month: '2026-10', source: 'reported' });
    expect(asOfMonth(periods, 2026, T, '2025-09')).toMatchObject({ month: '2026-10', source: 'reported' });
    expect(asOfMonth(periods, 2026, T, 'junk')).toMatchObject({ month: '2026-10', source: 'reported' });
  });

  it('checks month keys and gives the last month ended by a day', () => {
    expect(isMonthKey('2026-10')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-1')).toBe(false);
    expect(calendarMonth('2026-12-03', 2026)).toBe('2026-11');
    expect(calendarMonth('2026-11-30', 2026)).toBe('2026-11');
    expect(calendarMonth('2026-01-15', 2026)).toBeNull();
    expect(calendarMonth('2027-03-01', 2026)).toBe('2026-12');
    expect(calendarMonth('2025-06-01', 2026)).toBeNull();
  });
});
