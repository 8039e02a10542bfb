import { describe, expect, it } from 'vitest';
import { sumDecimals } from '@/lib/lights/decimal';
import { DEMO_PROJECTS } from './demo';
import { seasonalTargets } from './demo-plans';

describe('demo plans', () => {
  it('seasonal monthly targets add up exactly to each demo annual plan', () => {
    for (const d of DEMO_PROJECTS) {
      const t = seasonalTargets(d.annualPlannedInvestment);
      expect(t).toHaveLength(12);
      expect(sumDecimals(t)).toBe(sumDecimals([d.annualPlannedInvestment]));
      expect(t[0]).toBe('0.00');
    }
  });
});
