import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from './timeline-data';

describe('timeline day numbers', () => {
  it('count days since 1970-01-01 (UTC), whatever the time zone', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2026-06-30T23:59:59+08:00')).toBe(dayNumber('2026-06-30'));
  });

  it('turn back into the same date', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2026-12-31', '2031-07-15']) expect(isoDay(dayNumber(iso))).toBe(iso);
  });
});
