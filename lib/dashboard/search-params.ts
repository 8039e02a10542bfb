/**
 * The dashboard's URL state: the milestone timeline's filters (category, county, responsible
 * leader), e.g. /dashboard?category=wind,solar&county=3&leader=7. Whitelist style like the
 * registry's parser: malformed values are dropped, not errors, so an old link still opens.
 */
import { paramIds, paramList, type RawParams } from '@/lib/url-params';
import type { TimelineFilters } from './types';

export const EMPTY_TIMELINE_FILTERS: TimelineFilters = { category: [], county: [], leader: [] };

export function parseTimelineFilters(raw: RawParams): TimelineFilters {
  return {
    category: paramList(raw, 'category').filter((c) => /^[a-z0-9_-]{1,40}$/.test(c)),
    county: paramIds(raw, 'county'),
    leader: paramIds(raw, 'leader'),
  };
}

/** The query string for the filters (empty ones left out), without the leading '?'. */
export function timelineQueryString(f: TimelineFilters): string {
  const out = new URLSearchParams();
  if (f.category.length) out.set('category', f.category.join(','));
  if (f.county.length) out.set('county', f.county.join(','));
  if (f.leader.length) out.set('leader', f.leader.join(','));
  return out.toString();
}
