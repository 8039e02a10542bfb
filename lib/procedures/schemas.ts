/**
 * zod schemas of the approval procedures (手续联办), shared by the forms and the actions. Messages
 * are catalogue keys under "validation" (lib/actions/translate-zod.ts).
 */
import { z } from 'zod';
import { AGENCY_KINDS } from '@/db/schema/enums';
import { today } from '@/lib/clock';
import { emptyToNull, idSchema, isoDate, isRealDate, optionalId } from '@/lib/projects/schemas';
import { DOCUMENT_NUMBER_MAX, DOCUMENTS_MAX, LIMIT_DAYS_MAX, PROCEDURE_NAME_MAX, PROCEDURE_NOTE_MAX, PROCEDURE_REASON_MAX } from './limits';

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.preprocess(emptyToNull, z.string().max(PROCEDURE_NOTE_MAX).nullable()).optional();
/** A date that has happened (an acceptance or an approval is recorded, not planned). */
const pastDate = isoDate.refine((v) => !isRealDate(v) || v <= today(), 'dateInFuture');

const step = { id: idSchema, version: idSchema, note };

export const startProcedureSchema = z.object(step);
export const processProcedureSchema = z.object(step);
export const reinstateProcedureSchema = z.object(step);

export const acceptProcedureSchema = z
  .object({
    ...step,
    /** 受理日期: the clock starts here. */
    acceptedOn: pastDate,
    /** 申报日期 (defaults to the acceptance). */
    submittedOn: z.preprocess(emptyToNull, pastDate.nullable()).optional(),
  })
  .refine((v) => !v.submittedOn || v.submittedOn <= v.acceptedOn, { path: ['submittedOn'], message: 'submittedAfterAccepted' });

/** 退回补正: what the applicant has to correct is required. */
export const returnProcedureSchema = z.object({ ...step, note: text(PROCEDURE_NOTE_MAX) });

export const approveProcedureSchema = z.object({
  ...step,
  approvedOn: pastDate,
  /** 批复文号. */
  documentNumber: text(DOCUMENT_NUMBER_MAX),
});

export const notApplicableSchema = z.object({ ...step, reason: text(PROCEDURE_REASON_MAX) });

export const applyTemplateSchema = z.object({ projectId: idSchema, templateId: idSchema });

const days = z.coerce.number('enterNumber').int('enterWholeNumber').min(1).max(LIMIT_DAYS_MAX);

/** A procedure the office adds to a plan by hand. */
export const addProcedureSchema = z
  .object({
    projectId: idSchema,
    nameZh: text(PROCEDURE_NAME_MAX),
    nameEn: z.preprocess(emptyToNull, z.string().max(PROCEDURE_NAME_MAX).nullable()).optional(),
    agencyKind: z.enum(AGENCY_KINDS),
    agencyUnitId: optionalId,
    statutoryDays: days,
    committedDays: days,
    documents: z.preprocess((v) => emptyToNull(v) ?? '', z.string().max(DOCUMENTS_MAX)),
    beforeStart: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    /** The procedures of the plan it must wait for. */
    dependsOn: z.array(idSchema).max(50).default([]),
  })
  .refine((v) => v.committedDays <= v.statutoryDays, { path: ['committedDays'], message: 'committedOverStatutory' });

/** The office names the approving unit of a procedure (its agency kind's unit, or another). */
export const setAgencySchema = z.object({ id: idSchema, version: idSchema, agencyUnitId: idSchema });

export type AddProcedureInput = z.output<typeof addProcedureSchema>;
