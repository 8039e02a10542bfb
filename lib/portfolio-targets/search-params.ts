/** The targets page's URL state (/dashboard/targets?year=): a year 2000–2100, null = the dashboard's year. */
import { defineUrlState, parseAsYear } from '@/lib/url-state';

export const targetsSearch = defineUrlState({ year: parseAsYear(2000, 2100) });

export const targetsHref = (year: number): string => targetsSearch.href('/dashboard/targets', { year });
