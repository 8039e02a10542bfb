/** zod schemas of the year's key-project list (年度重点项目计划): the rollover of year N into N+1. */
import { z } from 'zod';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const year = z.coerce.number().int().min(2000).max(2099);

export const ROLLOVER_DECISIONS = ['continue', 'drop'] as const;

/**
 * Roll `fromYear` into the next year: one decision per project of `fromYear`'s list (every one
 * must be decided), and the projects added new. `version` is the list's version the office saw.
 */
export const rolloverSchema = z.object({
  fromYear: year,
  version: id,
  decisions: z.array(z.object({ projectId: id, decision: z.enum(ROLLOVER_DECISIONS) })).max(5000),
  added: z.array(id).max(5000).default([]),
});

export type RolloverInput = z.output<typeof rolloverSchema>;
