/** The light list's URL state (/lights?light=red: one light, else all), defined once (lib/url-state.ts). */
import { LIGHTS } from '@/db/schema/enums';
import { defineUrlState, parseAsOneOf } from '@/lib/url-state';

export const lightsSearch = defineUrlState({ light: parseAsOneOf(LIGHTS) });
