import { describe, expect, it } from 'vitest';
import { errorReference } from './error-reference';

describe('errorReference', () => {
  it('is the server digest when there is one', () => {
    expect(errorReference('3521890571')).toBe('3521890571');
  });

  it('a failure in the browser (no digest, or a blank one) gets a reference of its own, never empty', () => {
    for (const digest of [undefined, '', '   ']) {
      const ref = errorReference(digest, () => 0.123456789);
      expect(ref).toMatch(/^C-[0-9A-Z]{8}$/);
    }
    // Even a random number with few digits gives eight characters.
    expect(errorReference(undefined, () => 0.5)).toMatch(/^C-[0-9A-Z]{8}$/);
    expect(errorReference(undefined, () => 0)).toMatch(/^C-[0-9A-Z]{8}$/);
  });
});
