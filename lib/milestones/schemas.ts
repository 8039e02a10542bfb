/**
 * zod schemas for milestones (节点), shared by the edit form and the actions. An absent field
 * means "leave as it is"; '' or null clears it.
 */
import { z } from 'zod';
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '@/db/schema/enums';
import { today } from '@/lib/clock';
import { optionalMoneyField } from '@/lib/money/schema';
import { idSchema, isoDate, optionalDate, optionalText } from '@/lib/projects/schemas';

import { NOTE_MAX } from './limits';

export { NOTE_MAX };

/** An actual date may not lie in the future (compared with today in the deployment's time zone). */
const actualDate = optionalDate.refine((v) => v == null || v <= today(), 'actualInFuture');

function doneNeedsActual(v: { status?: string; actualDate?: string | null }, ctx: z.RefinementCtx) {
  // undefined = not sent: the action checks the stored value instead.
  if (v.status === 'done' && v.actualDate === null) {
    ctx.addIssue({ code: 'custom', path: ['actualDate'], message: 'actualRequiredWhenDone' });
  }
}

export const updateMilestoneSchema = z
  .object({
    id: idSchema,
    version: idSchema,
    forecastDate: optionalDate,
    actualDate,
    status: z.enum(MILESTONE_STATUSES),
    note: optionalText(NOTE_MAX),
    /**
     * A grid connection's batch (分批并网), in the project's capacity unit: read by lib/money's
     * decimal parser (not negative, two decimals); '' clears it. Only a grid_connection takes one.
     */
    capacity: optionalMoneyField('invalidNumber'),
  })
  .superRefine(doneNeedsActual);

export const createMilestoneSchema = z
  .object({
    projectId: idSchema,
    kind: z.enum(MILESTONE_KINDS),
    name: z.string().trim().min(1).max(200),
    nameEn: optionalText(300),
    plannedDate: isoDate,
    baselineDate: optionalDate,
    forecastDate: optionalDate,
    actualDate,
    status: z.enum(MILESTONE_STATUSES).default('not_started'),
    note: optionalText(NOTE_MAX),
    sort: z.coerce.number().int().min(0).max(10_000).optional(),
  })
  .superRefine((v, ctx) => doneNeedsActual({ status: v.status, actualDate: v.actualDate ?? null }, ctx));

export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;
