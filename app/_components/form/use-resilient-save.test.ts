import { describe, expect, it } from 'vitest';
import { pendingKeyFor } from './use-resilient-save';

describe('pendingKeyFor: which unanswered save a new attempt repeats', () => {
  const sent = JSON.stringify({ note: '已完成桩基 12 根' });
  const earlier = { kind: 'save', idempotencyKey: 'k-1', sent };

  it('a retry of the same values keeps the key (a save that did arrive is not applied twice)', () => {
    expect(pendingKeyFor(earlier, 'save', sent)).toBe('k-1');
  });

  it('values edited since the failed attempt get a new key (the server would refuse a reused key with other input)', () => {
    expect(pendingKeyFor(earlier, 'save', JSON.stringify({ note: '已完成桩基 14 根' }))).toBeNull();
  });

  it('another kind of save, or none pending, gets a new key', () => {
    expect(pendingKeyFor(earlier, 'submit', sent)).toBeNull();
    expect(pendingKeyFor(null, 'save', sent)).toBeNull();
  });

  it('a save kept before the values were recorded with it is repeated as it was', () => {
    expect(pendingKeyFor({ kind: 'save', idempotencyKey: 'k-0' }, 'save', sent)).toBe('k-0');
  });
});
