/** zod schemas shared by the lights' forms and actions. */
import { z } from 'zod';
import { LIGHTS, RULE_COMPARISONS, RULE_MEASURES } from '@/db/schema/enums';
import { moneyField } from '@/lib/money/schema';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'invalidDate');
const year = z.coerce.number().int().min(2000).max(2100);
/** An amount in 万元 (lib/money): its canonical text ('12.5' → '12.50'), else invalidMoney. */
const amount = moneyField('invalidMoney');

export const ruleInputSchema = z.object({
  measure: z.enum(RULE_MEASURES),
  comparison: z.enum(RULE_COMPARISONS),
  threshold: z.coerce.number().min(0).max(99_999_999),
  light: z.enum(['yellow', 'red']),
});

export const editRuleSetSchema = z.object({
  /** The active version being edited: if another version became active meanwhile → CONFLICT. */
  ruleSetId: id,
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(500).optional(),
  rules: z.array(ruleInputSchema).max(50),
});

export const overrideLightSchema = z.object({
  projectId: id,
  light: z.enum(LIGHTS),
  reason: z.string().trim().min(1, 'required').max(2000),
  endsOn: isoDate,
});

export const clearOverrideSchema = z.object({ overrideId: id, version: z.coerce.number().int().min(1) });

export const computeLightsSchema = z.object({
  periodId: id,
  /** Also rewrite a period that is not the latest with stored lights (its history). */
  recompute: z.boolean().optional(),
});

export const freezeBaselineSchema = z.object({ year });

/** Cross-field rule (monthly targets add up to the plan) is checked in savePlan, with a lights.* message. */
export const savePlanSchema = z.object({
  projectId: id,
  year,
  plannedInvestment: amount,
  /** Twelve per-month targets (万元), or omitted/null for m/12. */
  monthlyTargets: z.array(amount).length(12).nullish(),
  targets: z.string().trim().max(2000).nullish(),
  /** The version last seen; omit when creating the plan. */
  version: z.coerce.number().int().min(1).optional(),
});
