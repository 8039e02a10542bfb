/**
 * zod schemas for the problem list (问题清单), shared by the forms and the actions.
 * Messages are catalogue keys under "validation" (see lib/actions/translate-zod.ts).
 */
import { z } from 'zod';
import { PROBLEM_TYPES } from '@/db/schema/enums';
import { today } from '@/lib/clock';
import { idSchema, isoDate, isRealDate, optionalId } from '@/lib/projects/schemas';

import { COMMENT_MAX, DESCRIPTION_MAX, REASON_MAX, RESOLUTION_MAX } from './limits';

export { COMMENT_MAX, DESCRIPTION_MAX, REASON_MAX, RESOLUTION_MAX };

const text = (max: number) => z.string().trim().min(1).max(max);

/** A deadline may not lie in the past (compared with today in the deployment's time zone). */
// (Checked only on a real date, so a malformed one gets one message, not two.)
export const futureDeadline = isoDate.refine((v) => !isRealDate(v) || v >= today(), 'deadlineInPast');

export const createProblemSchema = z.object({
  projectId: idSchema,
  /** The report it was raised in (optional: a problem may also be raised directly). */
  reportId: optionalId,
  description: text(DESCRIPTION_MAX),
  type: z.enum(PROBLEM_TYPES),
  /** Defaults to the project's responsible unit. */
  responsibleUnitId: optionalId,
  /** Defaults to the project's responsible leader (包抓领导). */
  responsibleLeaderId: optionalId,
  deadline: futureDeadline,
});

/**
 * The dispatch office's edit. An absent field is left as it is. A deadline that is sent
 * unchanged may lie in the past (the problem is overdue); a new one may not (checked in the action).
 */
export const updateProblemSchema = z.object({
  id: idSchema,
  version: idSchema,
  description: text(DESCRIPTION_MAX).optional(),
  type: z.enum(PROBLEM_TYPES).optional(),
  responsibleUnitId: idSchema.optional(),
  responsibleLeaderId: idSchema.optional(),
  deadline: isoDate.optional(),
});

/** A status change that needs nothing but the version the user saw. */
export const transitionSchema = z.object({ id: idSchema, version: idSchema });

export const resolveProblemSchema = transitionSchema.extend({ resolution: text(RESOLUTION_MAX) });

export const reopenProblemSchema = transitionSchema.extend({ reason: text(REASON_MAX) });

export const commentSchema = z.object({ problemId: idSchema, body: text(COMMENT_MAX) });

export type CreateProblemInput = z.input<typeof createProblemSchema>;
export type UpdateProblemInput = z.input<typeof updateProblemSchema>;
