import { describe, expect, it } from 'vitest';
import {
  addMoney,
  centsToNumber,
  compareMoney,
  divRound,
  isMoney,
  MONEY_LIMIT,
  MoneyError,
  MoneySum,
  moneyText,
  moneyToNumber,
  normalizeMoney,
  parseMoney,
  moneyInputProblem,
  parseMoneyInput,
  percentOf,
  ratePercent,
  rateOf,
  roundPercent,
  shareOf,
  subtractMoney,
  sumMoney,
  tryParseMoney,
} from './index';

describe('parseMoney (the one parser)', () => {
  it('reads decimal strings in 万元 with at most two decimals as cents', () => {
    expect(parseMoney('350.50')).toBe(35050n);
    expect(parseMoney('350.5')).toBe(35050n);
    expect(parseMoney('0')).toBe(0n);
    expect(parseMoney('0.01')).toBe(1n);
    expect(parseMoney('-3')).toBe(-300n);
    expect(parseMoney('-0.05')).toBe(-5n);
    expect(parseMoney(' 007 ')).toBe(700n);
    expect(parseMoney('9999.99')).toBe(999999n);
    expect(parseMoney('10000')).toBe(1000000n);
  });

  it('reads numbers whose text has at most two decimals', () => {
    expect(parseMoney(350.5)).toBe(35050n);
    expect(parseMoney(-12)).toBe(-1200n);
    expect(parseMoney(0)).toBe(0n);
    // 0.1 + 0.2 is 0.30000000000000004: not an amount with two decimals.
    expect(() => parseMoney(0.1 + 0.2)).toThrow(MoneyError);
  });

  it('keeps amounts beyond the precision of a Number exact', () => {
    expect(parseMoney('999999999999.99')).toBe(99999999999999n);
    expect(parseMoney('123456789012345678.91')).toBe(12345678901234567891n);
  });

  it('reads amounts as people type them: thousands separators, full-width forms, spaces', () => {
    expect(parseMoney('1,234.5')).toBe(123450n);
    expect(parseMoney('1,000')).toBe(100000n);
    expect(parseMoney('12,345,678.09')).toBe(1234567809n);
    // A Chinese IME: full-width digits, comma, point, minus and the ideographic space.
    expect(parseMoney('３５６０')).toBe(356000n);
    expect(parseMoney('１，２３４．５')).toBe(123450n);
    expect(parseMoney('１２．０５')).toBe(1205n);
    expect(parseMoney('－３')).toBe(-300n);
    expect(parseMoney('−3.5')).toBe(-350n);
    expect(parseMoney('\u3000３５６０\u3000')).toBe(356000n);
    expect(parseMoney(' \t1,234.50\n')).toBe(123450n);
  });

  it.each(
    [
      ['', ' ', '1.234', '1e3', '+1', '.5', '5.', '1.2.3', '--1', '¥5', '5万', 'NaN', '0x10', '١٢'],
      // Garbage around the separators: groups of three only, never a leading or trailing comma.
      ['1,00', '1,2345', ',100', '100,', '1,,000', '1.000,5', '1 000', '1,234.567', '３５６０元', '一千', 'abc', '１２．３４５'],
    ].flat(),
  )('refuses %j', (text) => {
    expect(() => parseMoney(text)).toThrow(MoneyError);
    expect(tryParseMoney(text)).toBeNull();
    expect(isMoney(text)).toBe(false);
  });

  it('refuses what is not a string or a finite number', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, 1e21, null, undefined, true, {}, 5n]) expect(tryParseMoney(v)).toBeNull();
    expect(() => parseMoney(Number.NaN)).toThrow(/not an amount in 万元/);
  });
});

describe('parseMoneyInput (what a form field accepts)', () => {
  it('gives the canonical text of an amount that is not negative and fits numeric(14,2)', () => {
    expect(parseMoneyInput('12.5')).toBe('12.50');
    expect(parseMoneyInput(' 007 ')).toBe('7.00');
    expect(parseMoneyInput('0')).toBe('0.00');
    expect(parseMoneyInput(350.5)).toBe('350.50');
    expect(parseMoneyInput('999999999999.99')).toBe('999999999999.99');
  });

  it('refuses negatives, more than 12 integer digits and anything the parser refuses', () => {
    expect(MONEY_LIMIT).toBe(10n ** 14n);
    for (const v of ['-5', '-0', '-0.00', -1, -0, '1000000000000', '1000000000000.00', '1.234', '', 'abc', null]) {
      expect(parseMoneyInput(v)).toBeNull();
    }
  });

  it('takes typed forms and gives their canonical text', () => {
    expect(parseMoneyInput('1,234.5')).toBe('1234.50');
    expect(parseMoneyInput('３５６０')).toBe('3560.00');
    expect(parseMoneyInput(' １，０００ ')).toBe('1000.00');
    expect(parseMoneyInput('999,999,999,999.99')).toBe('999999999999.99');
    expect(parseMoneyInput('1,000,000,000,000')).toBeNull();
  });
});

describe('moneyInputProblem (why a field refuses)', () => {
  it('names a negative amount apart from what is not an amount', () => {
    for (const v of ['-5', '－５', '−0.01', ' -1,234.5 ', '-0', -1]) expect(moneyInputProblem(v)).toBe('negativeMoney');
    for (const v of ['abc', '1.234', '1,00', '', '1000000000000', null, '-x']) expect(moneyInputProblem(v)).toBe('invalidMoney');
    for (const v of ['0', '1,234.5', '３５６０']) expect(moneyInputProblem(v)).toBeNull();
  });
});

describe('exact arithmetic', () => {
  it('writes cents as the text of a numeric(…,2)', () => {
    expect(moneyText(35050n)).toBe('350.50');
    expect(moneyText(0n)).toBe('0.00');
    expect(moneyText(-5n)).toBe('-0.05');
    expect(moneyText(-100050n)).toBe('-1000.50');
    expect(moneyText(12345678901234567891n)).toBe('123456789012345678.91');
    expect(normalizeMoney('12.5')).toBe('12.50');
    expect(normalizeMoney('007')).toBe('7.00');
  });

  it('adds without floating point: 0.1 + 0.2 = 0.30', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
    expect(sumMoney(['12345678901.99', '0.01'])).toBe('12345678902.00');
    expect(sumMoney([])).toBe('0.00');
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('999999999999.99', '0.01')).toBe('1000000000000.00');
    expect(addMoney('12', '0.5')).toBe('12.50');
    expect(addMoney('-1.5', '1')).toBe('-0.50');
    expect(() => addMoney('1e3', '1')).toThrow(MoneyError);
  });

  it('subtracts and compares exactly', () => {
    expect(subtractMoney('0.3', '0.1')).toBe('0.20');
    expect(subtractMoney('100', '350.50')).toBe('-250.50');
    expect(subtractMoney('99999999999999999.99', '99999999999999999.98')).toBe('0.01');
    expect(compareMoney('10000', '9999.99')).toBe(1);
    expect(compareMoney('12.5', '12.50')).toBe(0);
    expect(compareMoney('-1', '0')).toBe(-1);
  });

  it('turns a finished amount into a Number only at the end (a cell, a chart point)', () => {
    expect(moneyToNumber('350.50')).toBe(350.5);
    expect(moneyToNumber('-100.50')).toBe(-100.5);
    expect(moneyToNumber(null)).toBeNull();
    expect(moneyToNumber('')).toBeNull();
    expect(centsToNumber(1200010n)).toBe(12000.1);
    expect(moneyToNumber('12,000')).toBe(12000);
    expect(() => moneyToNumber('12,00')).toThrow(MoneyError);
  });

  it('keeps a running sum with a count, exact where floats are not', () => {
    const s = new MoneySum();
    expect(s.text).toBeNull();
    expect(s.number).toBeNull();
    for (const v of ['0.10', null, '0.20', '', undefined]) s.add(v);
    expect(s.counted).toBe(2);
    expect(s.text).toBe('0.30');
    expect(s.number).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
    s.add('-0.30');
    expect(s.text).toBe('0.00');
    expect(() => s.add('abc')).toThrow(MoneyError);
  });
});

describe('the one rounding rule: half away from zero', () => {
  it('rounds integer quotients', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(divRound(0n, 7n)).toBe(0n);
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  it('rounds shares of an amount the same way', () => {
    // 100.00 × 1/12 = 8.333… → 8.33; × 6/12 = 50.00; 0.06 × 1/12 = 0.005 → 0.01.
    expect(shareOf(10000n, 1, 12)).toBe(833n);
    expect(shareOf(10000n, 6, 12)).toBe(5000n);
    expect(shareOf(6n, 1, 12)).toBe(1n);
    expect(shareOf(-6n, 1, 12)).toBe(-1n);
  });
});

describe('percentages: one decimal, the same rule', () => {
  it('computes part ÷ whole exactly in integers', () => {
    expect(percentOf('42', '100')).toBe(42);
    expect(percentOf('1', '3')).toBe(33.3);
    expect(percentOf('2', '3')).toBe(66.7);
    expect(percentOf(parseMoney('350.50'), parseMoney('1000'))).toBe(35.1); // 35.05 → 35.1
    expect(percentOf('-350.50', '1000')).toBe(-35.1);
    expect(percentOf(1n, 8n)).toBe(12.5);
    expect(percentOf(BigInt(7), 12n)).toBe(58.3);
    expect(percentOf('1', '0')).toBeNull();
    expect(percentOf('1', '-5')).toBeNull();
    // Beyond Number precision the quotient is still exact.
    expect(percentOf('99999999999999999.99', '199999999999999999.98')).toBe(50);
  });

  it('gives the same rounded figure as a fraction for a 0.0% cell', () => {
    expect(rateOf('1', '3')).toBe(0.333);
    expect(rateOf('300', '1000')).toBe(0.3);
    expect(rateOf('2', '3')).toBe(0.667);
    expect(rateOf('5', '0')).toBeNull();
  });

  it('rounds a float percentage by its decimal text', () => {
    expect(roundPercent(33.35)).toBe(33.4);
    expect(roundPercent(-12.25)).toBe(-12.3);
    expect(roundPercent(12.24999)).toBe(12.2);
    expect(roundPercent((0.1 + 0.2) * 100)).toBe(30);
    expect(roundPercent(75 - 41.7)).toBe(33.3);
    expect(roundPercent(-0.04)).toBe(0);
    expect(Object.is(roundPercent(-0.04), 0)).toBe(true);
    expect(roundPercent(1e16)).toBe(1e16);
    expect(() => roundPercent(Number.NaN)).toThrow(RangeError);
    expect(ratePercent(0.42375)).toBe(42.4);
    expect(ratePercent(0.40000333)).toBe(40);
    expect(ratePercent(null)).toBeNull();
  });
});
