import { describe, expect, it } from 'vitest';
import { completedThrough, investmentMonths } from './investment';

const plan = { flat: '1200.00', targeted: Array.from({ length: 12 }, () => '0.00') };
const completed = new Map([
  [8, '100.00'],
  [9, '50.00'],
  [10, '25.50'],
  [11, '40.00'], // approved so far in a month that is not reported (not ended)
]);

describe('the investment chart series', () => {
  it('has completed figures for the reported months up to the as-of month only; the rest are null (gaps)', () => {
    const months = investmentMonths(plan, completed, [8, 9, 10], 10);
    expect(months.map((m) => m.completedCumulative)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '100.00',
      '150.00',
      '175.50',
      null,
      null,
    ]);
    // The plan line goes on to December (m/12 of the flat plans).
    expect(months.map((m) => m.plannedCumulative)).toEqual(Array.from({ length: 12 }, (_, i) => `${(i + 1) * 100}.00`));
  });

  it('leaves a month without approved periods in between as a gap, and the cumulative line goes on after it', () => {
    const months = investmentMonths(plan, completed, [8, 10], 10);
    expect(months.slice(7, 10).map((m) => m.completedCumulative)).toEqual(['100.00', null, '175.50']);
  });

  it('stops at a picked earlier month, and has no completed line when nothing is reported', () => {
    expect(
      investmentMonths(plan, completed, [8, 9, 10], 9)
        .map((m) => m.completedCumulative)
        .slice(7),
    ).toEqual(['100.00', '150.00', null, null, null]);
    expect(investmentMonths(plan, completed, [], 0).every((m) => m.completedCumulative === null)).toBe(true);
  });

  it('adds up the approved investment through a month', () => {
    expect(completedThrough(completed, 10)).toBe('175.50');
    expect(completedThrough(completed, 7)).toBe('0.00');
    expect(completedThrough(completed, 12)).toBe('215.50');
  });
});
