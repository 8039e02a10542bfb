/**
 * zod schemas for the project registry, shared by the forms, the actions and the API.
 * Messages are catalogue keys under "validation" (see lib/actions/translate-zod.ts).
 * Money and capacity are decimal strings (万元, two decimals), never floating point; money goes
 * through lib/money (its parser, its zod field, its comparison).
 */
import { z } from 'zod';
import { PROJECT_FIELDS, type ProjectField } from './fields';
import { DUPLICATE_DECISIONS, PROJECT_STATUSES, STAGES } from '@/db/schema/enums';
import { compareMoney, parseMoneyInput } from '@/lib/money';
import { optionalMoneyField } from '@/lib/money/schema';
import { parseNationalCode } from './national-code';

const MAX_INT = 2_147_483_647;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Capacity: numeric(14,2), not negative (money has its own field, lib/money/schema.ts). */
const DECIMAL_RE = /^\d{1,12}(\.\d{1,2})?$/;

/** '' and whitespace-only strings become null; other strings are trimmed. */
export function emptyToNull(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s === '' ? null : s;
}

export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date as YYYY-MM-DD that exists (no 2025-02-30). */
export const isoDate = z.string().refine(isRealDate, 'invalidDate');

/** An optional date: absent = undefined, '' or null = null (cleared). */
export const optionalDate = z.preprocess(emptyToNull, isoDate.nullable()).optional();

/** Optional free text up to max characters: '' = null. */
export const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().max(max).nullable()).optional();

/** A database id; form values arrive as strings. */
export const idSchema = z.coerce.number().int().positive().max(MAX_INT);
export const optionalId = z.preprocess(emptyToNull, idSchema.nullable()).optional();

/** "12.5" → "12.50", "007" → "7.00": the canonical text of a numeric(14,2). */
function normalizeDecimal(s: string): string {
  const [int = '0', frac = ''] = s.split('.');
  return `${int.replace(/^0+(?=\d)/, '')}.${frac.padEnd(2, '0')}`;
}

const decimal = (message: string) =>
  z.preprocess(emptyToNull, z.string(message).regex(DECIMAL_RE, message).transform(normalizeDecimal).nullable()).optional();

/** Every registry field a user may set. Only code, name, category and stage are required. */
export const projectFieldsShape = {
  code: z.string().trim().min(1).max(64).regex(/^\S+$/, 'invalidFormat'),
  /** YYYY-XXXXXX-XX-XX-XXXXXX (lib/projects/national-code.ts); stored in its canonical form. */
  nationalCode: z
    .preprocess(
      emptyToNull,
      z
        .string()
        .max(64)
        .transform((s, ctx) => {
          const code = parseNationalCode(s);
          if (code !== null) return code;
          ctx.addIssue({ code: 'custom', message: 'invalidNationalCode' });
          return z.NEVER;
        })
        .nullable(),
    )
    .optional(),
  name: z.string().trim().min(1).max(200),
  nameEn: optionalText(300),
  categoryCode: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'invalidChoice'),
  countyId: optionalId,
  location: optionalText(500),
  constructionContent: optionalText(4000),
  capacity: decimal('invalidNumber'),
  capacityUnit: optionalText(20),
  totalInvestment: optionalMoneyField('invalidMoney'),
  annualPlannedInvestment: optionalMoneyField('invalidMoney'),
  startDate: optionalDate,
  plannedCompletionDate: optionalDate,
  stage: z.enum(STAGES),
  status: z.enum(PROJECT_STATUSES),
  responsibleLeaderId: optionalId,
  responsibleUnitId: optionalId,
  ownerUnitId: optionalId,
  projectLeadId: optionalId,
  targetYear: z.preprocess(emptyToNull, z.coerce.number().int().min(2000).max(2100).nullable()).optional(),
  annualTarget: optionalText(500),
} satisfies Record<ProjectField, z.ZodType>;

export { PROJECT_FIELDS, type ProjectField };

/**
 * The counties the project touches (ids, as the form's checkboxes send them); at most every
 * county there is. Absent = unchanged (an update) or just the responsible county (a create).
 */
const countyIdsField = z
  .array(z.union([z.string(), z.number()]), 'invalidChoice')
  .max(50, 'invalidChoice')
  .transform((values, ctx) => {
    const ids = values.map((v) => (typeof v === 'string' && v.trim() === '' ? NaN : Number(v)));
    if (ids.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_INT)) {
      ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
      return z.NEVER;
    }
    return [...new Set(ids)].sort((a, b) => a - b);
  })
  .optional();

/** Fields whose value is a reference (checked to exist, and backed by foreign keys). */
export const REFERENCE_FIELDS = [
  'categoryCode',
  'countyId',
  'responsibleLeaderId',
  'responsibleUnitId',
  'ownerUnitId',
  'projectLeadId',
] as const satisfies readonly ProjectField[];

type CrossFields = {
  capacity?: string | null;
  capacityUnit?: string | null;
  totalInvestment?: string | null;
  annualPlannedInvestment?: string | null;
  startDate?: string | null;
  plannedCompletionDate?: string | null;
};

/**
 * Rules across fields, as field → message key. Used by the schemas on the input and by the
 * update action on the merged row (an update may send only some fields).
 */
export function crossFieldErrors(v: CrossFields): Partial<Record<ProjectField, string>> {
  // zod runs object refinements even when a field failed: compare only well-formed values.
  const date = (d: string | null | undefined): d is string => typeof d === 'string' && isRealDate(d);
  const money = (m: string | null | undefined): m is string => parseMoneyInput(m) !== null;
  const out: Partial<Record<ProjectField, string>> = {};
  if (date(v.startDate) && date(v.plannedCompletionDate) && v.startDate > v.plannedCompletionDate) {
    out.plannedCompletionDate = 'dateOrder';
  }
  if (money(v.totalInvestment) && money(v.annualPlannedInvestment) && compareMoney(v.annualPlannedInvestment, v.totalInvestment) > 0) {
    out.annualPlannedInvestment = 'annualOverTotal';
  }
  if (typeof v.capacity === 'string' && v.capacity && !v.capacityUnit) out.capacityUnit = 'required';
  return out;
}

function refineCross(v: CrossFields, ctx: z.RefinementCtx) {
  for (const [field, message] of Object.entries(crossFieldErrors(v))) {
    ctx.addIssue({ code: 'custom', path: [field], message });
  }
}

export const createProjectSchema = z
  .object({ ...projectFieldsShape, status: projectFieldsShape.status.default('on_track'), countyIds: countyIdsField })
  .superRefine(refineCross);

export const updateProjectSchema = z
  .object({ id: idSchema, version: z.coerce.number().int().positive().max(MAX_INT) })
  .extend(z.object(projectFieldsShape).partial().shape)
  .extend({ countyIds: countyIdsField })
  .superRefine(refineCross);

export type CreateProjectInput = z.input<typeof createProjectSchema>;
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

/** The office's decision on a possible duplicate (db/schema/enums.ts DUPLICATE_DECISIONS). */
export const decideDuplicateSchema = z.object({
  id: idSchema,
  version: z.coerce.number().int().positive().max(MAX_INT),
  decision: z.enum(DUPLICATE_DECISIONS, 'invalidChoice'),
});
