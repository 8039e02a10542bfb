import { describe, expect, it } from 'vitest';
import { lightsMonth } from './lights-month';

describe('the month of the lights page', () => {
  it('is the latest period end, as a month when the period ends on the last day of it', () => {
    expect(lightsMonth(['2026-10-31', '2026-10-31'])).toEqual({ month: '2026-10', date: '2026-10-31', mixed: false });
    expect(lightsMonth(['2026-08-31', null, '2026-10-31'])).toEqual({ month: '2026-10', date: '2026-10-31', mixed: true });
  });

  it('is a date for a 旬 that ends within the month, and nothing without a computed light', () => {
    expect(lightsMonth(['2026-10-20'])).toEqual({ month: null, date: '2026-10-20', mixed: false });
    expect(lightsMonth(['2026-02-28'])).toEqual({ month: '2026-02', date: '2026-02-28', mixed: false });
    expect(lightsMonth([null, undefined])).toBeNull();
  });
});
