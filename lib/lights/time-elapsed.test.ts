import { describe, expect, it } from 'vitest';
import { timeElapsedAt, timeElapsedForMonth } from './time-elapsed';

describe('序时进度 without monthly targets: m/12', () => {
  it.each([
    [1, 8.3],
    [3, 25],
    [6, 50],
    [9, 75],
    [12, 100],
  ])('month %i → %s%%', (m, pct) => {
    expect(timeElapsedForMonth(m)).toBe(pct);
    expect(timeElapsedForMonth(m, { plannedInvestment: '1000', monthlyTargets: null })).toBe(pct);
  });

  it('at the end of a month equals m/12; within a month it is pro rata by day', () => {
    expect(timeElapsedAt('2026-09-30')).toBe(75);
    expect(timeElapsedAt('2026-02-28')).toBe(16.7);
    // 10 June: 5 months + 10/30 of June = 5.333/12 = 44.4%
    expect(timeElapsedAt('2026-06-10')).toBe(44.4);
  });

  it('rejects a month outside 1..12', () => {
    expect(() => timeElapsedForMonth(0)).toThrow();
    expect(() => timeElapsedForMonth(13)).toThrow();
  });
});

describe('序时进度 with monthly targets: cumulative targets ÷ annual plan', () => {
  // A plan that is back-loaded: little in winter, most in summer. Sum = 1200.
  const plan = {
    plannedInvestment: '1200.00',
    monthlyTargets: ['0', '0', '60', '90', '150', '150', '150', '150', '150', '150', '100', '50'],
  };

  it('uses the cumulative per-month targets', () => {
    expect(timeElapsedForMonth(1, plan)).toBe(0);
    expect(timeElapsedForMonth(3, plan)).toBe(5); // 60 / 1200
    expect(timeElapsedForMonth(6, plan)).toBe(37.5); // 450 / 1200
    expect(timeElapsedForMonth(9, plan)).toBe(75); // 900 / 1200
    expect(timeElapsedForMonth(12, plan)).toBe(100);
    expect(timeElapsedAt('2026-06-30', plan)).toBe(37.5);
  });

  it('differs from m/12 where the targets are uneven', () => {
    expect(timeElapsedForMonth(6, plan)).not.toBe(timeElapsedForMonth(6));
  });

  it('pro rata within a month: 15 June = 300 + 150 × 15/30 = 375 of 1200', () => {
    expect(timeElapsedAt('2026-06-15', plan)).toBe(31.3);
  });

  it('falls back to m/12 when the plan is zero or the targets are not twelve', () => {
    expect(timeElapsedForMonth(6, { plannedInvestment: '0', monthlyTargets: plan.monthlyTargets })).toBe(50);
    expect(timeElapsedForMonth(6, { plannedInvestment: '1200', monthlyTargets: ['100'] })).toBe(50);
  });
});
