'use server';

/**
 * The lights' server actions (红黄绿灯). Each is a createAction defined in the module named
 * after its subject; tests and scripts call `.execute(actor, input)` on those definitions.
 *
 * - editRuleSet     lib/lights/rule-sets.ts  (admin; inserts the next version)
 * - previewRuleSet  lib/lights/rule-sets.ts  (admin; what the proposed rules would change, no write)
 * - restoreRuleSet  lib/lights/rule-sets.ts  (admin; an earlier version as the next version)
 * - overrideLight   lib/lights/overrides.ts  (project's responsible leader, or dispatch)
 * - clearOverride   lib/lights/overrides.ts  (same)
 * - computeLights   lib/lights/compute.ts    (dispatch)
 * - freezeBaseline  lib/plans/plans.ts       (prefecture dispatch)
 * - savePlan        lib/plans/plans.ts       (dispatch)
 * - rollOverYear    lib/plan-years/rollover.ts (prefecture dispatch; the year's list into the next year)
 */
import { computeLights as computeDef } from './compute';
import { clearOverride as clearDef, overrideLight as overrideDef } from './overrides';
import { freezeBaseline as freezeDef, savePlan as savePlanDef } from '@/lib/plans/plans';
import { rollOverYear as rollOverDef } from '@/lib/plan-years/rollover';
import { editRuleSet as editDef, previewRuleSet as previewDef, restoreRuleSet as restoreDef } from './rule-sets';

// The definitions themselves are the server actions (createAction results are async functions).
export const editRuleSet = editDef;
export const previewRuleSet = previewDef;
export const restoreRuleSet = restoreDef;
export const overrideLight = overrideDef;
export const clearOverride = clearDef;
export const computeLights = computeDef;
export const freezeBaseline = freezeDef;
export const savePlan = savePlanDef;
export const rollOverYear = rollOverDef;
