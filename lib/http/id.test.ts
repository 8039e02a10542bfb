import { describe, expect, it } from 'vitest';
import { parseId, routeId } from './id';

describe('route id segments', () => {
  it('a positive whole number is an id', () => {
    expect(parseId('12')).toBe(12);
    expect(parseId('007')).toBe(7);
    expect(parseId('999999999')).toBe(999_999_999);
  });

  it('anything else is no id (a 404)', () => {
    for (const raw of [undefined, '', '0', '-1', '1.5', 'abc', '12a', ' 12', '1e3', '1234567890']) expect(parseId(raw)).toBeNull();
  });

  it('routes parse the same way (routeId in a params schema), typed as a number', () => {
    expect(routeId.parse('12')).toBe(12);
    for (const raw of ['0x10', '1e3', '', '../1']) expect(routeId.safeParse(raw).success).toBe(false);
  });
});
