/**
 * The dashboard's URL state: the milestone timeline's filters (category, county, responsible
 * leader), e.g. /dashboard?category=wind,solar&county=3&leader=7, defined once (lib/url-state.ts)
 * for the page and the filters; malformed values are dropped, so an old link still opens.
 */
import { defineUrlState, parseAsCodeList, parseAsIdList } from '@/lib/url-state';

export const timelineSearch = defineUrlState({
  category: parseAsCodeList(),
  county: parseAsIdList(),
  leader: parseAsIdList(),
});
