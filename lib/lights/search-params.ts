/**
 * The light list's URL state (/lights?light=red&year=2025: one light, else all; the plan year's
 * projects, absent: the current year), defined once (lib/url-state.ts).
 */
import { LIGHTS } from '@/db/schema/enums';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '@/lib/plans/plan-params';
import { defineUrlState, parseAsOneOf, parseAsYear } from '@/lib/url-state';

export const lightsSearch = defineUrlState({ light: parseAsOneOf(LIGHTS), year: parseAsYear(MIN_PLAN_YEAR, MAX_PLAN_YEAR) });
