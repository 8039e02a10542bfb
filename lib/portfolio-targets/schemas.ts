/**
 * zod schema of a portfolio target's progress (年度目标完成情况), entered by the dispatch office:
 * the figure (a count in the target's unit, or a growth in per cent that may be negative), the
 * date it stands at, and where it comes from. Clearing the figure clears its date.
 */
import { z } from 'zod';
import { emptyToNull, isoDate, optionalText } from '@/lib/projects/schemas';
import { PORTFOLIO_SOURCE_MAX } from './limits';

const id = z.coerce.number().int().min(1).max(2_147_483_647);

/** '１２．５' and ' 12.5 ' → '12.5'; the full-width minus too. */
function decimalInput(v: unknown): unknown {
  const s = emptyToNull(v);
  return typeof s === 'string'
    ? s
        .normalize('NFKC')
        .replace(/[\u2212\uFF0D]/g, '-')
        .replace(/,/g, '')
    : s;
}

/** A signed decimal with at most two places, as numeric(14,2) holds it. */
const SIGNED_DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

export const recordTargetSchema = z
  .object({
    id,
    version: id,
    actual: z.preprocess(decimalInput, z.string().regex(SIGNED_DECIMAL, 'invalidNumber').nullable()),
    actualAsOf: z.preprocess(emptyToNull, isoDate.nullable()),
    actualSource: optionalText(PORTFOLIO_SOURCE_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.actual !== null && v.actualAsOf === null) ctx.addIssue({ code: 'custom', path: ['actualAsOf'], message: 'required' });
  })
  .transform((v) => ({ ...v, actualAsOf: v.actual === null ? null : v.actualAsOf, actualSource: v.actualSource ?? null }));

export type RecordTargetInput = z.output<typeof recordTargetSchema>;
