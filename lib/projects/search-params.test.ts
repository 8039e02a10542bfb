import { describe, expect, it } from 'vitest';
import { registryLanding, registrySearch } from './search-params';

describe('the registry’s 我负责的项目 filter (mine)', () => {
  it('round-trips on, off and absent', () => {
    for (const mine of [true, false, null]) {
      const state = { ...registrySearch.defaults, mine, stage: ['construction' as const], page: 2 };
      expect(registrySearch.parse(new URLSearchParams(registrySearch.query(state)))).toEqual(state);
    }
    expect(registrySearch.href('/projects', { mine: true })).toBe('/projects?mine=1');
    expect(registrySearch.href('/projects', { mine: false })).toBe('/projects?mine=0');
    expect(registrySearch.href('/projects', { mine: null })).toBe('/projects');
  });

  it('reads anything but 1 or 0 as absent', () => {
    expect(registrySearch.parse({ mine: 'yes' }).mine).toBeNull();
    expect(registrySearch.parse({ mine: '' }).mine).toBeNull();
    expect(registrySearch.parse({ mine: '1' }).mine).toBe(true);
    expect(registrySearch.parse({ mine: '0' }).mine).toBe(false);
  });

  it('is kept by sorting and paging, and switching it off writes mine=0', () => {
    const values = registrySearch.toUrl({ ...registrySearch.defaults, mine: true });
    expect(registrySearch.fromUrl(registrySearch.apply(values, { sort: 'name' })).mine).toBe(true);
    expect(registrySearch.fromUrl(registrySearch.apply(values, { page: 3 })).mine).toBe(true);
    const off = registrySearch.fromUrl(registrySearch.apply(values, { mine: false }));
    expect(registrySearch.query(off)).toBe('mine=0');
  });

  it('sends a project lead with no query at all to mine=1, and nobody else', () => {
    expect(registryLanding('lead', {})).toBe('/projects?mine=1');
    expect(registryLanding('lead', { mine: undefined })).toBe('/projects?mine=1');
    // Switched off, or any other query (a search, a dashboard drill-down): as asked.
    expect(registryLanding('lead', { mine: '0' })).toBeNull();
    expect(registryLanding('lead', { q: 'TC2025-001' })).toBeNull();
    expect(registryLanding('lead', { light: 'red' })).toBeNull();
    for (const role of ['admin', 'dispatch', 'leader', 'viewer'] as const) expect(registryLanding(role, {})).toBeNull();
  });
});
