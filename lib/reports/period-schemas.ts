/** zod schemas of the period corrections (the open form's is openPeriodSchema in schemas.ts). */
import { z } from 'zod';
import { idSchema, isoDate } from '@/lib/projects/schemas';

const version = z.coerce.number().int().positive().max(2_147_483_647);

/** New dates of a period: the due date always; start and end only while nothing in it was submitted. */
export const correctPeriodSchema = z.object({
  id: idSchema,
  /** The version the office saw: a correction of anything else is refused. */
  version,
  startDate: isoDate,
  endDate: isoDate,
  dueDate: isoDate,
});

export const cancelPeriodSchema = z.object({ id: idSchema, version });

export type CorrectPeriodInput = z.input<typeof correctPeriodSchema>;
export type CancelPeriodInput = z.input<typeof cancelPeriodSchema>;
