/**
 * zod schemas for the reporting cycle (调度填报), shared by the forms, the actions and the
 * photo route. Messages are catalogue keys under "validation" (see lib/actions/translate-zod.ts);
 * rules checked in the actions (required to submit, state) use keys under "reports".
 * Money is a decimal string in 万元 (two decimals), never floating point: lib/money parses it.
 */
import { PHOTO_CAPTION_MAX } from './photo-limits';
import { z } from 'zod';
import { PERIOD_KINDS } from '@/db/schema/enums';
import { optionalMoneyField } from '@/lib/money/schema';
import { emptyToNull, idSchema, isoDate, optionalText } from '@/lib/projects/schemas';

import { COMMENT_MAX, REQUIRED_TO_SUBMIT, TEXT_MAX } from './limits';

export { COMMENT_MAX, REQUIRED_TO_SUBMIT, TEXT_MAX };

/** An optional amount in 万元: absent = unchanged, '' or null = cleared. */
const optionalMoney = optionalMoneyField('invalidMoney');

/** 0..100, whole numbers; form values arrive as strings. */
const optionalPercent = z.preprocess(emptyToNull, z.coerce.number().int().min(0).max(100).nullable()).optional();

/** The fields a project lead fills. Absent = leave as it is; '' or null = clear. */
export const reportFieldsShape = {
  investmentThisPeriod: optionalMoney,
  physicalProgress: optionalText(TEXT_MAX),
  percentComplete: optionalPercent,
  nextSteps: optionalText(TEXT_MAX),
  coordinationNeeds: optionalText(TEXT_MAX),
};
export type ReportField = keyof typeof reportFieldsShape;
export const REPORT_FIELDS = Object.keys(reportFieldsShape) as ReportField[];

// Every field required to submit is a report field (lib/reports/limits.ts keeps them apart from zod).
REQUIRED_TO_SUBMIT satisfies readonly ReportField[];

const version = z.coerce.number().int().positive().max(2_147_483_647);

/** Saving a draft, and submitting (which saves the fields sent with it first: the form sends what is on screen). */
export const saveReportSchema = z.object({ id: idSchema, version, ...reportFieldsShape });

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const reviewReportSchema = z
  .object({
    id: idSchema,
    /** The version the reviewer saw: approving anything else is refused. */
    version,
    decision: z.enum(REVIEW_DECISIONS),
    comment: optionalText(COMMENT_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'required' });
  });

export const reopenReportSchema = z.object({
  id: idSchema,
  version,
  reason: z.string().trim().min(1).max(COMMENT_MAX),
});

export const deletePhotoSchema = z.object({ id: idSchema });
/** A photo's caption; empty clears it. */
export const captionPhotoSchema = z.object({ id: idSchema, caption: optionalText(PHOTO_CAPTION_MAX) });

export const openPeriodSchema = z.object({
  /** Absent or '': the cadence setting (report_cadence), monthly by default. */
  kind: z.preprocess(emptyToNull, z.enum(PERIOD_KINDS).nullable()).optional(),
  startDate: isoDate,
  endDate: isoDate,
  dueDate: isoDate,
});

export { periodDateErrors } from './period-date-errors';

export type OpenPeriodInput = z.input<typeof openPeriodSchema>;
export type SaveReportInput = z.input<typeof saveReportSchema>;
export type ReviewReportInput = z.input<typeof reviewReportSchema>;

// The period's dates (pure, and apart so the forms can use them without zod).
export { addDays, DUE_AFTER_END, periodShape, suggestNextPeriod, suggestPeriod } from './period-dates';
