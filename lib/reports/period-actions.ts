'use server';

/**
 * The server actions that correct or cancel a reporting period (lib/reports/correct-period.ts),
 * for the reports page. Opening one is lib/reports/actions.ts#openPeriod.
 */
import { getActor } from '@/lib/auth/session';
import { requestTranslator } from '@/lib/i18n/translate-server';
import { cancelPeriodAs, correctPeriod as correctDef } from './correct-period';

// The definition itself is the server action (createAction results are async functions).
export const correctPeriod = correctDef;

/** Not a createAction result: the cancelPeriod action, then the drafts' photo files once it committed. */
export async function cancelPeriod(input: unknown) {
  const [actor, t] = await Promise.all([getActor(), requestTranslator()]);
  return cancelPeriodAs(actor, input, t);
}
