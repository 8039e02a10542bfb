/**
 * zod fields for money, used by every schema that takes an amount (projects, reports, plans):
 * parseMoneyInput (./index.ts) decides, so a form, an action and the API accept the same
 * amounts — a decimal string or a number in 万元, at most two decimals, not negative, below
 * 10^12 万元 — and store its canonical text ('12.5' → '12.50'). The message is a catalogue key
 * under "validation" (lib/actions/translate-zod.ts); 'invalidMoney' unless a schema says otherwise.
 */
import { z } from 'zod';
import { parseMoneyInput } from './index';

/** A number becomes its text ('350.5'); the parser then refuses what has more than two decimals. */
const numberToText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

/** '' and whitespace-only strings become null; other strings are trimmed. */
const emptyToNull = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s === '' ? null : s;
};

const amount = (message: string) =>
  z.preprocess(
    numberToText,
    z
      // A missing value keeps zod's own issue (shown as "required"); any other type is `message`.
      .string({ error: (issue) => (issue.input === undefined ? undefined : message) })
      .refine((s) => parseMoneyInput(s) !== null, message)
      .transform((s) => parseMoneyInput(s)!),
  );

/** A required amount in 万元. */
export const moneyField = (message = 'invalidMoney') => amount(message);

/** An optional amount in 万元: absent = undefined (unchanged), '' or null = null (cleared). */
export const optionalMoneyField = (message = 'invalidMoney') => z.preprocess(emptyToNull, amount(message).nullable()).optional();
