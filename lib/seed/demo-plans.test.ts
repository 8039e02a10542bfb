import { describe, expect, it } from 'vitest';
import { sumMoney } from '@/lib/money';
import { DEMO_PROJECTS } from './demo';
import { seasonalTargets } from './demo-plans';

describe('demo plans', () => {
  it('seasonal monthly targets add up exactly to each demo annual plan', () => {
    for (const d of DEMO_PROJECTS) {
      const t = seasonalTargets(d.annualPlannedInvestment);
      expect(t).toHaveLength(12);
      expect(sumMoney(t)).toBe(sumMoney([d.annualPlannedInvestment]));
      expect(t[0]).toBe('0.00');
    }
  });
});
