import { describe, expect, it } from 'vitest';
import { proposeNextPeriod } from './open-period-proposal';

const month = (m: string, end: string) => ({ kind: 'monthly' as const, startDate: `2026-${m}-01`, endDate: `2026-${m}-${end}` });

describe('proposeNextPeriod', () => {
  it('proposes the month after the latest monthly period, not the current month', () => {
    // Today is in December; October was the last one opened: November comes first.
    expect(proposeNextPeriod('monthly', '2026-12-03', [month('09', '30'), month('10', '31')])).toEqual({
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      dueDate: expect.stringMatching(/^2026-12-/),
    });
    // The latest counts, not the order given.
    expect(proposeNextPeriod('monthly', '2026-12-03', [month('10', '31'), month('09', '30')]).startDate).toBe('2026-11-01');
  });

  it('with none of the kind yet, the period containing today', () => {
    expect(proposeNextPeriod('monthly', '2026-12-03', []).startDate).toBe('2026-12-01');
    expect(proposeNextPeriod('dekad', '2026-12-13', [month('11', '30')])).toMatchObject({ startDate: '2026-12-11', endDate: '2026-12-20' });
  });

  it('a period opened ahead moves the proposal after it; across the year end', () => {
    expect(proposeNextPeriod('monthly', '2026-12-03', [month('12', '31')])).toMatchObject({
      startDate: '2027-01-01',
      endDate: '2027-01-31',
    });
  });

  it('dekads follow the latest dekad, skipping what a monthly period covers', () => {
    const dekads = [{ kind: 'dekad' as const, startDate: '2026-10-21', endDate: '2026-10-31' }];
    expect(proposeNextPeriod('dekad', '2026-12-03', dekads)).toMatchObject({ startDate: '2026-11-01', endDate: '2026-11-10' });
    expect(proposeNextPeriod('dekad', '2026-12-03', [...dekads, month('11', '30')])).toMatchObject({
      startDate: '2026-12-01',
      endDate: '2026-12-10',
    });
  });
});
