import { describe, expect, it } from 'vitest';
import { targetProgress } from './progress';

describe('targetProgress', () => {
  it.each([
    [
      { target: '20.00', actual: null },
      { percent: null, met: null },
    ],
    [
      { target: '20.00', actual: '12.00' },
      { percent: 60, met: false },
    ],
    [
      { target: '20.00', actual: '20.00' },
      { percent: 100, met: true },
    ],
    [
      { target: '25.00', actual: '31.00' },
      { percent: 124, met: true },
    ],
    [
      { target: '3.00', actual: '1.00' },
      { percent: 33.3, met: false },
    ],
    [
      { target: '10.00', actual: '8.50' },
      { percent: 85, met: false },
    ],
    [
      { target: '10.00', actual: '-3.20' },
      { percent: null, met: false },
    ],
    [
      { target: '10.00', actual: '0.00' },
      { percent: 0, met: false },
    ],
  ])('%o → %o', (figures, expected) => {
    expect(targetProgress(figures)).toEqual(expected);
  });
});
