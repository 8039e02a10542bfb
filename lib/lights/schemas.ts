/** zod schemas shared by the lights' forms and actions. */
import { z } from 'zod';
import { LIGHTS, RULE_COMPARISONS, RULE_MEASURES, type RuleMeasure } from '@/db/schema/enums';
import { moneyField } from '@/lib/money/schema';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'invalidDate');
const year = z.coerce.number().int().min(2000).max(2100);
/** An amount in 万元 (lib/money): its canonical text ('12.5' → '12.50'), else invalidMoney. */
const amount = moneyField('invalidMoney');

/**
 * The range of a threshold per measure, and whether it is a whole number (counts, days, months).
 * The points behind time-elapsed progress lie in 0–100 (progress is a percentage); the database
 * keeps two decimals (rules.threshold numeric(10,2)).
 */
export const THRESHOLD_RANGES: Record<RuleMeasure, { min: number; max: number; integer: boolean }> = {
  investment_behind_time_elapsed_pp: { min: 0, max: 100, integer: false },
  start_overdue_months: { min: 0, max: 120, integer: true },
  milestone_forecast_beyond_baseline_days: { min: 0, max: 3650, integer: true },
  overdue_problems: { min: 0, max: 1000, integer: true },
  missing_report: { min: 0, max: 120, integer: true },
};

/** How many rules a rule set may hold: one yellow and one red per measure. */
export const MAX_RULES = RULE_MEASURES.length * 2;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A threshold as typed: a number, or its text (full-width digits accepted). Empty → required
 * (never 0), anything else that is not a number → enterNumber.
 */
const threshold = z.unknown().transform((v, ctx): number => {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    ctx.addIssue({ code: 'custom', message: 'enterNumber', input: v });
    return z.NEVER;
  }
  const text = typeof v === 'string' ? v.normalize('NFKC').trim() : v;
  if (text === '' || text === undefined || text === null) {
    ctx.addIssue({ code: 'custom', message: 'required', input: v });
    return z.NEVER;
  }
  if (typeof text !== 'string' || !NUMBER_TEXT.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'enterNumber', input: v });
    return z.NEVER;
  }
  return Number(text);
});

export const ruleInputSchema = z
  .object({
    measure: z.enum(RULE_MEASURES),
    comparison: z.enum(RULE_COMPARISONS),
    threshold,
    light: z.enum(['yellow', 'red']),
  })
  .superRefine((r, ctx) => {
    const range = THRESHOLD_RANGES[r.measure];
    const issue = (message: string, params: Record<string, string | number>) =>
      ctx.addIssue({ code: 'custom', path: ['threshold'], message, params, input: r.threshold });
    const inRange = r.threshold >= range.min && r.threshold <= range.max;
    const exact = range.integer ? Number.isInteger(r.threshold) : Math.abs(Math.round(r.threshold * 100) - r.threshold * 100) < 1e-6;
    if (!inRange || !exact) issue(range.integer ? 'thresholdRangeWhole' : 'thresholdRange', { min: range.min, max: range.max });
    // "≥ 0" holds for every project whose measure is known (counts are never negative; 0 points
    // behind is on time): a rule that would light every project.
    else if (r.comparison === 'gte' && r.threshold <= range.min) issue('thresholdAlwaysFires', { min: range.min });
  });

export type RuleInput = z.output<typeof ruleInputSchema>;

/**
 * The rules of a set together: at most one rule per measure and light (a second one overlaps
 * the first: the engine only ever reports the most severe), and a yellow rule below its
 * measure's red one. Errors name both rules (1-based, as the editor numbers them).
 */
export const ruleListSchema = z
  .array(ruleInputSchema)
  .min(1, 'noRules')
  .max(MAX_RULES)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((r, i) => {
      const key = `${r.measure}|${r.light}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'light'],
          message: 'ruleOverlaps',
          params: { rule: first + 1, light: r.light },
          input: r,
        });
    });
    for (const measure of RULE_MEASURES) {
      const yellow = seen.get(`${measure}|yellow`);
      const red = seen.get(`${measure}|red`);
      if (yellow === undefined || red === undefined) continue;
      const y = list[yellow]!;
      const r = list[red]!;
      if (y.threshold < r.threshold) continue;
      const sign = (c: string) => (c === 'gt' ? '>' : '≥');
      ctx.addIssue({
        code: 'custom',
        path: [yellow, 'threshold'],
        message: 'yellowNotBelowRed',
        params: { rule: red + 1, red: `${sign(r.comparison)} ${r.threshold}` },
        input: y.threshold,
      });
      ctx.addIssue({
        code: 'custom',
        path: [red, 'threshold'],
        message: 'redNotAboveYellow',
        params: { rule: yellow + 1, yellow: `${sign(y.comparison)} ${y.threshold}` },
        input: r.threshold,
      });
    }
  });

export const editRuleSetSchema = z.object({
  /** The active version being edited: if another version became active meanwhile → CONFLICT. */
  ruleSetId: id,
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(500).optional(),
  rules: ruleListSchema,
});

/** The proposed rules, against the active version the editor shows (no write). */
export const previewRuleSetSchema = z.object({ ruleSetId: id, rules: ruleListSchema });

/** Restores an earlier version (`fromId`) as the next version; `ruleSetId` is the active version the user saw. */
export const restoreRuleSetSchema = z.object({ ruleSetId: id, fromId: id });

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
