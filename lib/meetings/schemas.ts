/**
 * zod schemas for the dispatch meetings, shared by the forms and the actions. Messages are
 * catalogue keys under "validation" (see lib/actions/translate-zod.ts).
 */
import { z } from 'zod';
import { createProblemSchema } from '@/lib/problems/schemas';
import { emptyToNull, idSchema, isoDate, optionalId } from '@/lib/projects/schemas';

import { DECISION_MAX, ITEM_TITLE_MAX, TITLE_MAX } from './limits';

export { DECISION_MAX, ITEM_TITLE_MAX, TITLE_MAX };
export const MAX_PARTICIPANTS = 200;
export const MAX_AGENDA_ITEMS = 500;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A list of ids from a form (repeated fields or an array); duplicates are dropped. */
const idList = (max: number) =>
  z
    .preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).max(max))
    .transform((ids) => [...new Set(ids)]);
const optionalCode = z.preprocess(emptyToNull, z.string().max(64).nullable()).optional();

const meetingFields = {
  title: text(TITLE_MAX),
  meetingDate: isoDate,
  /** 主持: a responsible leader. */
  chairId: optionalId,
  /** Scope: every project when all three are empty. */
  scopeCategoryCode: optionalCode,
  scopeCountyId: optionalId,
  scopeLeaderId: optionalId,
  participantIds: idList(MAX_PARTICIPANTS),
  unitIds: idList(MAX_PARTICIPANTS),
};

export const createMeetingSchema = z.object(meetingFields);

/** Title, date, chair and participants may change until the minutes are published; the scope only before freezing. */
export const updateMeetingSchema = z.object({ id: idSchema, version: idSchema, ...meetingFields });

/** A step that needs nothing but the version the user saw (propose, freeze, hold, publish). */
export const meetingStepSchema = z.object({ id: idSchema, version: idSchema });

/**
 * Marking the meeting held; before its date only with `confirmEarly: true` (the user confirmed
 * that it really took place early). A form may send the text 'true'.
 */
export const holdMeetingSchema = meetingStepSchema.extend({
  confirmEarly: z.preprocess((v) => (v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean()).optional(),
});

export const addAgendaItemSchema = z.object({
  meetingId: idSchema,
  version: idSchema,
  title: text(ITEM_TITLE_MAX),
  /** Optional: the project the item is about. */
  projectId: optionalId,
});

export const removeAgendaItemSchema = z.object({ id: idSchema, version: idSchema });

/** The whole agenda in its new order (every item of the meeting, each once). */
export const reorderAgendaSchema = z.object({
  meetingId: idSchema,
  version: idSchema,
  itemIds: z.array(idSchema).min(1).max(MAX_AGENDA_ITEMS),
});

/**
 * The decision on an agenda item (会议决定). With `problem`, the decision assigns a problem
 * (交办) through the problem list's own creation (unit, leader, deadline; the project defaults to the item's).
 */
export const recordDecisionSchema = z.object({
  id: idSchema,
  version: idSchema,
  decision: text(DECISION_MAX),
  problem: createProblemSchema.omit({ reportId: true, projectId: true }).extend({ projectId: optionalId }).optional(),
});

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;
