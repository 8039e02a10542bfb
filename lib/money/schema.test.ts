import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { moneyField, optionalMoneyField } from './schema';

const messages = (r: { success: boolean; error?: z.ZodError }) => (r.error?.issues ?? []).map((i) => i.message);

describe('moneyField (required amount)', () => {
  const schema = z.object({ amount: moneyField() });

  it('stores the canonical text of the amount', () => {
    expect(schema.parse({ amount: '12.5' })).toEqual({ amount: '12.50' });
    expect(schema.parse({ amount: ' 350.50 ' })).toEqual({ amount: '350.50' });
    expect(schema.parse({ amount: '0' })).toEqual({ amount: '0.00' });
    expect(schema.parse({ amount: '999999999999.99' })).toEqual({ amount: '999999999999.99' });
  });

  // A number is refused like any other non-string: a float is not an exact amount.
  it('takes amounts as people type them', () => {
    expect(schema.parse({ amount: '1,234.5' })).toEqual({ amount: '1234.50' });
    expect(schema.parse({ amount: '３５６０' })).toEqual({ amount: '3560.00' });
    expect(schema.parse({ amount: '\u3000１，２３４．５ ' })).toEqual({ amount: '1234.50' });
  });

  it.each([['-5'], ['－３５６０'], ['-1,234.5']])('refuses the negative %j with negativeMoney', (amount) => {
    const r = schema.safeParse({ amount });
    expect(messages(r)).toEqual(['negativeMoney']);
  });

  it.each([['1.234'], [''], ['1e3'], ['1,00'], ['12万'], ['1000000000000'], [350.5], [-1], [0.1 + 0.2], [true]])(
    'refuses %j with invalidMoney',
    (amount) => {
      const r = schema.safeParse({ amount });
      expect(r.success).toBe(false);
      expect(messages(r)).toEqual(['invalidMoney']);
    },
  );

  it('leaves a missing amount to zod (shown as "required")', () => {
    const r = schema.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.code).toBe('invalid_type');
    expect(messages(r)).not.toContain('invalidMoney');
  });

  it('takes another catalogue key when a schema gives one', () => {
    expect(messages(z.object({ a: moneyField('invalidNumber') }).safeParse({ a: 'x' }))).toEqual(['invalidNumber']);
  });
});

describe('optionalMoneyField', () => {
  const schema = z.object({ amount: optionalMoneyField() });

  it('absent = unchanged, empty or null = cleared, otherwise the canonical text', () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ amount: '' })).toEqual({ amount: null });
    expect(schema.parse({ amount: '   ' })).toEqual({ amount: null });
    expect(schema.parse({ amount: null })).toEqual({ amount: null });
    expect(schema.parse({ amount: '007' })).toEqual({ amount: '7.00' });
  });

  it('says a negative amount cannot be negative, also with another key for the rest', () => {
    expect(messages(schema.safeParse({ amount: '-0.01' }))).toEqual(['negativeMoney']);
    const other = z.object({ a: optionalMoneyField('invalidNumber') });
    expect(messages(other.safeParse({ a: '－1' }))).toEqual(['negativeMoney']);
    expect(messages(other.safeParse({ a: 'x' }))).toEqual(['invalidNumber']);
  });

  it.each([['12.345'], ['abc'], [12], [{}]])('refuses %j with invalidMoney', (amount) => {
    const r = schema.safeParse({ amount });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['invalidMoney']);
  });
});
