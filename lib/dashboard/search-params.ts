/**
 * The dashboard's URL state: the milestone timeline's filters (category, county, responsible
 * leader), e.g. /dashboard?category=wind,solar&county=3&leader=7. Whitelist style like the
 * registry's parser: malformed values are dropped, not errors, so an old link still opens.
 */
import type { TimelineFilters } from './types';

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function get(raw: Raw, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

function list(raw: Raw, key: string): string[] {
  const v = get(raw, key);
  if (!v) return [];
  return [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 50);
}

function ids(raw: Raw, key: string): number[] {
  return list(raw, key)
    .filter((s) => /^\d{1,9}$/.test(s) && Number(s) >= 1)
    .map(Number);
}

export const EMPTY_TIMELINE_FILTERS: TimelineFilters = { category: [], county: [], leader: [] };

export function parseTimelineFilters(raw: Raw): TimelineFilters {
  return {
    category: list(raw, 'category').filter((c) => /^[a-z0-9_-]{1,40}$/.test(c)),
    county: ids(raw, 'county'),
    leader: ids(raw, 'leader'),
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
