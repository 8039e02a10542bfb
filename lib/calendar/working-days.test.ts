import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

// The State Council's 2026 notice: 劳动节 5月1日(周五)至5日(周二) off, 5月9日(周六) worked;
// 中秋节 9月25日(周五)至27日 off; 国庆节 10月1日至7日 off, 9月20日(周日) and 10月10日(周六) worked.
const CAL = new Map<string, boolean>([
  ['2026-05-01', false],
  ['2026-05-04', false],
  ['2026-05-05', false],
  ['2026-05-09', true],
  ['2026-09-20', true],
  ['2026-09-25', false],
  ...['01', '02', '05', '06', '07'].map((d) => [`2026-10-${d}`, false] as [string, boolean]),
  ['2026-10-10', true],
]);

describe('working days', () => {
  it('follows the week where the office kept no exception', () => {
    expect(isWorkingDay('2026-04-27', CAL)).toBe(true); // Monday
    expect(isWorkingDay('2026-04-25', CAL)).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-26', CAL)).toBe(false); // Sunday
  });

  it('skips a holiday on a weekday and counts a worked Saturday (调休上班)', () => {
    expect(isWorkingDay('2026-05-04', CAL)).toBe(false);
    expect(isWorkingDay('2026-05-09', CAL)).toBe(true);
    // Accepted Thursday 30 April: Friday 1 May … Tuesday 5 May are off; 6, 7, 8 and Saturday 9 are worked.
    expect(workingDaysBetween('2026-04-30', '2026-05-09', CAL)).toBe(4);
    expect(workingDaysBetween('2026-04-30', '2026-05-10', CAL)).toBe(4);
    expect(workingDaysBetween('2026-04-30', '2026-05-11', CAL)).toBe(5);
  });

  it('counts nothing on the day itself or before it', () => {
    expect(workingDaysBetween('2026-05-06', '2026-05-06', CAL)).toBe(0);
    expect(workingDaysBetween('2026-05-06', '2026-05-01', CAL)).toBe(0);
  });

  it('finds the last day of a limit across the National Day holiday', () => {
    // Accepted Thursday 24 September; 10 working days: 28, 29, 30 Sep, 8, 9, Sat 10 Oct, 12, 13, 14, 15.
    expect(addWorkingDays('2026-09-24', 10, CAL)).toBe('2026-10-15');
    expect(workingDaysBetween('2026-09-24', '2026-10-15', CAL)).toBe(10);
    // Without the calendar the same limit ends in the holiday.
    expect(addWorkingDays('2026-09-24', 10, new Map())).toBe('2026-10-08');
  });

  it('steps over month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(
      addWorkingDays(
        '2025-12-31',
        1,
        new Map([
          ['2026-01-01', false],
          ['2026-01-02', false],
        ]),
      ),
    ).toBe('2026-01-05');
  });
});
