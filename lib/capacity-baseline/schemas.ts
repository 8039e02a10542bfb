/**
 * zod schema of the new-energy capacity baseline (年初前已并网装机), entered by the dispatch
 * office: the year it stands before, the capacity in 万千瓦 (read by lib/money's one decimal
 * parser: not negative, at most two decimals) and its source, which is required. No version is
 * a first entry for the year.
 */
import { z } from 'zod';
import { moneyField } from '@/lib/money/schema';
import { emptyToNull, idSchema } from '@/lib/projects/schemas';
import { BASELINE_SOURCE_MAX } from './limits';

export const recordBaselineSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.preprocess(emptyToNull, idSchema.optional().nullable()).transform((v) => v ?? undefined),
  // Blank is missing ("必填"), not a malformed number.
  amount: z.preprocess((v) => emptyToNull(v) ?? undefined, moneyField('invalidNumber')),
  source: z.preprocess(emptyToNull, z.string().max(BASELINE_SOURCE_MAX)),
});

export type RecordBaselineInput = z.output<typeof recordBaselineSchema>;
