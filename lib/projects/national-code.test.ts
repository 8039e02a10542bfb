import { describe, expect, it } from 'vitest';
import { parseNationalCode } from './national-code';

describe('parseNationalCode', () => {
  it('takes the canonical form as it is', () => {
    expect(parseNationalCode('2025-654200-44-01-012345')).toBe('2025-654200-44-01-012345');
  });

  it('takes full-width digits and dashes from an IME or a Word document, and spaces around the parts', () => {
    expect(parseNationalCode('２０２５－６５４２００－４４－０１－０１２３４５')).toBe('2025-654200-44-01-012345');
    expect(parseNationalCode(' 2025 — 654200 – 44 - 01 ‐ 012345 ')).toBe('2025-654200-44-01-012345');
  });

  it.each([
    ['2025654200440101234', 'no dashes'],
    ['2025-654200-44-01-01234', 'a short serial'],
    ['2025-65420-44-01-012345', 'a five-digit division'],
    ['2025-654200-4A-01-012345', 'a letter'],
    ['1999-654200-44-01-012345', 'a year before the platform'],
    ['2025-994200-44-01-012345', 'no such province'],
    ['2025-054200-44-01-012345', 'no such province'],
    ['', 'empty'],
  ])('refuses %s (%s)', (raw) => {
    expect(parseNationalCode(raw)).toBeNull();
  });
});
