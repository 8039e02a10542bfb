'use server';

/**
 * The lights' server actions (红黄绿灯). Each is a createAction defined in the module named
 * after its subject; tests and scripts call `.execute(actor, input)` on those definitions.
 *
 * - editRuleSet     lib/lights/rule-sets.ts  (admin; inserts the next version)
 * - overrideLight   lib/lights/overrides.ts  (project's responsible leader, or dispatch)
 * - clearOverride   lib/lights/overrides.ts  (same)
 * - computeLights   lib/lights/compute.ts    (dispatch)
 * - freezeBaseline  lib/lights/plans.ts      (prefecture dispatch)
 * - savePlan        lib/lights/plans.ts      (dispatch)
 */
import { computeLights as computeDef } from './compute';
import { clearOverride as clearDef, overrideLight as overrideDef } from './overrides';
import { freezeBaseline as freezeDef, savePlan as savePlanDef } from '@/lib/plans/plans';
import { editRuleSet as editDef } from './rule-sets';

export async function editRuleSet(input: unknown) {
  return editDef(input);
}

export async function overrideLight(input: unknown) {
  return overrideDef(input);
}

export async function clearOverride(input: unknown) {
  return clearDef(input);
}

export async function computeLights(input: unknown) {
  return computeDef(input);
}

export async function freezeBaseline(input: unknown) {
  return freezeDef(input);
}

export async function savePlan(input: unknown) {
  return savePlanDef(input);
}
