/**
 * The dashboard's URL state: the milestone timeline's filters (category, county, responsible
 * leader), e.g. /dashboard?category=wind,solar&county=3&leader=7, and the as-of month of the
 * investment figures (?asOf=2026-09, lib/plans/as-of.ts), each defined once (lib/url-state.ts)
 * for the page and its controls; malformed values are dropped, so an old link still opens. A
 * month that is well formed but not reported is ignored by asOfMonth (the latest is shown).
 */
import { defineUrlState, parseAsCodeList, parseAsIdList, parseAsMonth } from '@/lib/url-state';

export const timelineSearch = defineUrlState({
  category: parseAsCodeList(),
  county: parseAsIdList(),
  leader: parseAsIdList(),
});

export const asOfSearch = defineUrlState({ asOf: parseAsMonth() });
