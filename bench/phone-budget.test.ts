import { describe, expect, it } from 'vitest';
import { budgetVerdict, median, PHONE } from './phone-budget';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('budgetVerdict', () => {
  it('passes a page within its budgets and names each one', () => {
    expect(budgetVerdict({ id: 'd', label: 'D', jsBudgetKb: 250, chartsBudgetS: 4, jsKb: 250, chartsS: 3.9 })).toBe(
      '✓ JS ≤ 250 KB, charts ≤ 4 s',
    );
  });

  it('names only the budgets missed', () => {
    expect(budgetVerdict({ id: 'd', label: 'D', jsBudgetKb: 250, chartsBudgetS: 4, jsKb: 251, chartsS: 3 })).toBe('✗ JS ≤ 250 KB');
    expect(budgetVerdict({ id: 'd', label: 'D', jsBudgetKb: 250, chartsBudgetS: 4, jsKb: 10, chartsS: 4.1 })).toBe('✗ charts ≤ 4 s');
  });

  it('counts charts that were never drawn as a miss', () => {
    expect(budgetVerdict({ id: 'd', label: 'D', chartsBudgetS: 4, jsKb: 10, chartsS: null })).toBe('✗ charts ≤ 4 s');
  });

  it('has no verdict for a page without a budget', () => {
    expect(budgetVerdict({ id: 'i', label: 'I', jsKb: 500, chartsS: null })).toBe('—');
  });
});

describe('the phone', () => {
  it('is the field reports’ phone: 150 ms, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU', () => {
    expect(PHONE).toEqual({ latencyMs: 150, downBytesPerS: 200_000, upBytesPerS: 93_750, cpuSlowdown: 4 });
  });
});
