import { describe, expect, it } from 'vitest';
import { percentOf, sumMoney } from '@/lib/money';
import { cumulativeTargetAt, lightsPlan, monthlyTotals, splitEvenly, timeElapsedToDate } from './plan-figures';
import { planHref, plansHref, plansSearch, planSearch, yearOptions } from './plan-params';
import { timeElapsedAt } from '@/lib/lights/time-elapsed';

const SEASONAL = ['0.00', '0.00', '60.00', '100.00', '130.00', '140.00', '140.00', '140.00', '130.00', '100.00', '60.00', '0.00'];
const seasonal = { plannedInvestment: '1000.00', monthlyTargets: SEASONAL };
const flat = { plannedInvestment: '1200.00', monthlyTargets: null };

describe('splitEvenly', () => {
  it('gives twelve equal months when the amount divides', () => {
    expect(splitEvenly('1200')).toEqual(Array.from({ length: 12 }, () => '100.00'));
  });

  it('puts the leftover cents on the last months, one each, and always adds up to the amount', () => {
    const parts = splitEvenly('1000');
    expect(parts.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => '83.33'));
    expect(parts.slice(8)).toEqual(['83.34', '83.34', '83.34', '83.34']);
    for (const amount of ['0', '0.01', '0.11', '1', '999.99', '12345678.91', '99999999999.99']) {
      const split = splitEvenly(amount);
      expect(split).toHaveLength(12);
      expect(sumMoney(split)).toBe(sumMoney([amount]));
    }
  });

  it('refuses a negative amount', () => {
    expect(() => splitEvenly('-1')).toThrow();
  });
});

describe('monthlyTotals', () => {
  it('runs the total month by month and says what is left of the annual plan', () => {
    const t = monthlyTotals(['100', '', '50.5', ...Array.from({ length: 9 }, () => '0')], '200');
    expect(t.cumulative.slice(0, 4)).toEqual(['100.00', '100.00', '150.50', '150.50']);
    expect(t.sum).toBe('150.50');
    expect(t.remaining).toBe('49.50');
  });

  it('a negative remainder means the months exceed the plan', () => {
    expect(monthlyTotals(splitEvenly('1300'), '1200').remaining).toBe('-100.00');
  });

  it('an invalid month stops the running total from there on; an invalid annual figure gives no remainder', () => {
    const t = monthlyTotals(['10', 'abc', '10', ...Array.from({ length: 9 }, () => '')], '20');
    expect(t.cumulative.slice(0, 3)).toEqual(['10.00', null, null]);
    expect(t.sum).toBeNull();
    expect(t.remaining).toBeNull();
    expect(monthlyTotals(splitEvenly('12'), '-5').remaining).toBeNull();
    expect(monthlyTotals(['-1', ...Array.from({ length: 11 }, () => '')], '0').sum).toBeNull();
  });
});

describe('cumulativeTargetAt', () => {
  it('with monthly targets: the months so far, the current month pro rata', () => {
    expect(cumulativeTargetAt('2026-03-31', 2026, seasonal)).toBe('60.00');
    expect(cumulativeTargetAt('2026-10-31', 2026, seasonal)).toBe('940.00');
    expect(cumulativeTargetAt('2026-11-15', 2026, seasonal)).toBe('970.00');
    expect(cumulativeTargetAt('2026-12-31', 2026, seasonal)).toBe('1000.00');
  });

  it('without monthly targets: the elapsed share of the year (m/12 at month ends)', () => {
    expect(cumulativeTargetAt('2026-06-30', 2026, flat)).toBe('600.00');
    expect(cumulativeTargetAt('2026-07-16', 2026, flat)).toBe('651.61'); // 1200 × (6·31 + 16) / (12·31) = 651.6129…, to the cent by the one rule
    // 1000 × 1 / (12·31) = 2.688…: rounded half away from zero to 2.69 (not cut to 2.68).
    expect(cumulativeTargetAt('2026-01-01', 2026, { plannedInvestment: '1000.00', monthlyTargets: null })).toBe('2.69');
  });

  it('nothing before the year, everything after it', () => {
    expect(cumulativeTargetAt('2025-12-31', 2026, seasonal)).toBe('0.00');
    expect(cumulativeTargetAt('2027-01-01', 2026, seasonal)).toBe('1000.00');
  });

  it('matches 序时进度 (timeElapsedAt) on every day of the year', () => {
    const uneven = {
      plannedInvestment: '777.77',
      monthlyTargets: ['1.01', '0', '70', '80', '90', '100', '110', '120', '100', '80', '26.76', '0'],
    };
    expect(sumMoney(uneven.monthlyTargets)).toBe('777.77');
    for (const plan of [seasonal, flat, uneven]) {
      for (let day = new Date(Date.UTC(2026, 0, 1)); day.getUTCFullYear() === 2026; day.setUTCDate(day.getUTCDate() + 1)) {
        const iso = day.toISOString().slice(0, 10);
        const pct = percentOf(cumulativeTargetAt(iso, 2026, plan), plan.plannedInvestment)!;
        // Exact with monthly targets (same integer arithmetic); within the cent rounding without.
        expect(Math.abs(pct - timeElapsedAt(iso, plan))).toBeLessThanOrEqual(plan.monthlyTargets ? 0 : 0.1);
      }
    }
  });
});

describe('timeElapsedToDate', () => {
  it('is 0 before the year, 100 after it, and 序时进度 within it', () => {
    expect(timeElapsedToDate('2025-11-25', 2026, seasonal)).toBe(0);
    expect(timeElapsedToDate('2027-02-01', 2026, seasonal)).toBe(100);
    expect(timeElapsedToDate('2026-10-31', 2026, seasonal)).toBe(94);
    expect(timeElapsedToDate('2026-06-30', 2026, flat)).toBe(50);
  });
});

describe('lightsPlan', () => {
  const plan = { plannedInvestment: '1300.00', monthlyTargets: null, frozenInvestment: '1000.00', frozenMonthlyTargets: SEASONAL };
  it('the frozen baseline once frozen, else the current plan, else the registry figure', () => {
    expect(lightsPlan(plan, '900.00')).toEqual({ basis: 'baseline', figures: { plannedInvestment: '1000.00', monthlyTargets: SEASONAL } });
    expect(lightsPlan({ ...plan, frozenInvestment: null, frozenMonthlyTargets: null }, '900.00')).toEqual({
      basis: 'plan',
      figures: { plannedInvestment: '1300.00', monthlyTargets: null },
    });
    expect(lightsPlan(null, '900.00')).toEqual({ basis: 'registry', figures: { plannedInvestment: '900.00', monthlyTargets: null } });
    expect(lightsPlan(null, null)).toBeNull();
  });
});

describe('plan search params', () => {
  it('a year 2000–2100, else none (the page takes the current year)', () => {
    expect(plansSearch.parse({ year: '2027' }).year).toBe(2027);
    expect(plansSearch.parse({ year: ['2025', '2030'] }).year).toBe(2025);
    expect(planSearch.parse(new URLSearchParams('year=2031')).year).toBe(2031);
    for (const bad of [undefined, '', '1999', '2101', '20x6', '2026.5', ' 2026', '+2026']) {
      expect(plansSearch.parse({ year: bad }).year).toBeNull();
      expect(planSearch.parse({ year: bad }).year).toBeNull();
    }
  });

  it('a known filter and a sane page, else the defaults', () => {
    expect(plansSearch.parse({ filter: 'missing' }).filter).toBe('missing');
    expect(plansSearch.parse({ filter: 'drop table' }).filter).toBe('all');
    expect(plansSearch.parse({ page: '3' }).page).toBe(3);
    for (const bad of [undefined, '0', '-2', '1e3', 'abc', '9999999']) expect(plansSearch.parse({ page: bad }).page).toBe(1);
  });

  it('offers the years around the current one and keeps the chosen one', () => {
    expect(yearOptions(2026, 2026)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(yearOptions(2026, 2020)).toEqual([2020, 2024, 2025, 2026, 2027, 2028]);
  });

  it('builds the overview link with only what differs from the defaults', () => {
    expect(plansHref({ year: 2026 })).toBe('/lights/plans?year=2026');
    expect(plansHref({ year: 2026, filter: 'missing', page: 2 })).toBe('/lights/plans?year=2026&filter=missing&page=2');
    expect(plansHref({ year: 2026, filter: 'all', page: 1 })).toBe('/lights/plans?year=2026');
    expect(planHref(12, 2027)).toBe('/projects/12/plan?year=2027');
  });
});
