/**
 * zod fields for money, used by every schema that takes an amount (projects, reports, plans):
 * parseMoneyInput (./index.ts) decides, so a form, an action and the API accept the same
 * amounts — a decimal string in 万元, at most two decimals, not negative, below 10^12 万元 — and
 * store its canonical text ('12.5' → '12.50'). A JSON number is refused: a float is not an exact
 * amount (12.5 may have been 12.499999…), so the API takes amounts as strings, like the forms.
 * The message is a catalogue key under "validation" (lib/actions/translate-zod.ts):
 * 'negativeMoney' for an amount below zero, otherwise 'invalidMoney' unless a schema says
 * otherwise. Typed forms are accepted as parseMoney reads them ('1,234.5', '３５６０').
 */
import { z } from 'zod';
import { moneyInputProblem, parseMoneyInput } from './index';

/** '' and whitespace-only strings become null; other strings are trimmed. */
const emptyToNull = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s === '' ? null : s;
};

const amount = (message: string) =>
  z
    // A missing value keeps zod's own issue (shown as "required"); any other type is `message`.
    .string({ error: (issue) => (issue.input === undefined ? undefined : message) })
    .superRefine((s, ctx) => {
      const problem = moneyInputProblem(s);
      // A negative amount says so ("不能为负"); anything else refused is `message`.
      if (problem) ctx.addIssue({ code: 'custom', message: problem === 'negativeMoney' ? problem : message });
    })
    .transform((s) => parseMoneyInput(s)!);

/** A required amount in 万元. */
export const moneyField = (message = 'invalidMoney') => amount(message);

/** An optional amount in 万元: absent = undefined (unchanged), '' or null = null (cleared). */
export const optionalMoneyField = (message = 'invalidMoney') => z.preprocess(emptyToNull, amount(message).nullable()).optional();
