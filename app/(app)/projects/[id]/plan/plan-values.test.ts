import { describe, expect, it } from 'vitest';
import { MONTHS, planValues } from './plan-values';

describe('plan form values', () => {
  it('no saved plan: empty, not split by month', () => {
    expect(planValues(null)).toEqual({ plannedInvestment: '', split: false, months: MONTHS.map(() => ''), targets: '' });
  });

  it('a plan with twelve monthly targets is split, the targets as text', () => {
    const monthlyTargets = ['0.00', '0.00', '60.00', '100.00', '130.00', '140.00', '140.00', '140.00', '130.00', '100.00', '60.00', '0.00'];
    const v = planValues({ plannedInvestment: '1000.00', monthlyTargets, targets: '完成主体' });
    expect(v).toEqual({ plannedInvestment: '1000.00', split: true, months: monthlyTargets, targets: '完成主体' });
  });

  it('monthly targets that are not twelve, or values of the wrong type, are ignored', () => {
    expect(planValues({ plannedInvestment: 1000, monthlyTargets: ['1', '2'], targets: null })).toEqual({
      plannedInvestment: '',
      split: false,
      months: MONTHS.map(() => ''),
      targets: '',
    });
    expect(planValues({ monthlyTargets: Array.from({ length: 12 }, (_, i) => i) }).months).toEqual(MONTHS.map((m) => String(m - 1)));
  });
});
