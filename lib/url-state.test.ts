import { describe, expect, it } from 'vitest';
import { timelineSearch } from '@/lib/dashboard/search-params';
import { inboxSearch } from '@/lib/inbox/search-params';
import { lightsSearch } from '@/lib/lights/search-params';
import { meetingsSearch } from '@/lib/meetings/search-params';
import { PROBLEM_SORTABLE, problemsSearch } from '@/lib/problems/search-params';
import { type RegistryParams, registrySearch, SORTABLE } from '@/lib/projects/search-params';
import { reportsHref, reportsSearch } from '@/lib/reports/search-params';
import { usersSearch } from '@/lib/users/search-params';
import {
  defineUrlState,
  parseAsFlag,
  parseAsIdList,
  parseAsOneOfList,
  parseAsPage,
  parseAsPageSize,
  parseAsSearch,
  parseAsSort,
  parseAsYesNo,
} from './url-state';

describe('the shared parsers', () => {
  const s = defineUrlState({
    q: parseAsSearch(5),
    ids: parseAsIdList(),
    kinds: parseAsOneOfList(['a', 'b'] as const),
    page: parseAsPage(100),
    size: parseAsPageSize([10, 20], 20),
    sort: parseAsSort(['name', 'date'] as const, { key: 'name', dir: 'asc' }),
    flag: parseAsFlag(),
    yes: parseAsYesNo(),
  });

  it('read what is on the whitelist, trimmed and de-duplicated, and drop the rest', () => {
    const p = s.parse({ q: '  abcdefgh ', ids: '3, 3,x,0,-1,1234567890,7', kinds: 'b,c, a,b', flag: '1', yes: '0' });
    expect(p.q).toBe('abcde');
    expect(p.ids).toEqual([3, 7]);
    expect(p.kinds).toEqual(['b', 'a']);
    expect(p.flag).toBe(true);
    expect(p.yes).toBe(false);
  });

  it('keep at most 50 values of a list', () => {
    const ids = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(s.parse({ ids: ids.join(',') }).ids).toEqual(ids.slice(0, 50));
  });

  it('fall back to the defaults on bad values', () => {
    for (const page of ['0', '-2', '1e3', 'abc', '101', '12345678', '']) expect(s.parse({ page }).page).toBe(1);
    for (const size of ['7', '9999', '', '20abc']) expect(s.parse({ size }).size).toBe(20);
    expect(s.parse({ size: '10' }).size).toBe(10);
    for (const flag of ['0', 'true', 'yes', '']) expect(s.parse({ flag }).flag).toBe(false);
    for (const yes of ['', 'maybe', '2']) expect(s.parse({ yes }).yes).toBeNull();
    expect(s.parse({ yes: '1' }).yes).toBe(true);
  });

  it('sort by a whitelisted column only, ascending unless .desc', () => {
    expect(s.parse({ sort: 'date.desc' }).sort).toEqual({ key: 'date', dir: 'desc' });
    expect(s.parse({ sort: 'date' }).sort).toEqual({ key: 'date', dir: 'asc' });
    expect(s.parse({ sort: 'date.sideways' }).sort).toEqual({ key: 'date', dir: 'asc' });
    for (const sort of ['password.desc', 'name;drop table.desc', '.desc', ''])
      expect(s.parse({ sort }).sort).toEqual({ key: 'name', dir: 'asc' });
  });

  it('take the first of repeated keys, from a page’s searchParams, a URLSearchParams or a string alike', () => {
    const fromRecord = s.parse({ ids: ['4,5', '6'], page: ['3', '9'] });
    expect(fromRecord).toEqual(s.parse(new URLSearchParams('ids=4,5&ids=6&page=3&page=9')));
    expect(fromRecord).toEqual(s.parse('?ids=4%2C5&ids=6&page=3&page=9'));
    expect([fromRecord.ids, fromRecord.page]).toEqual([[4, 5], 3]);
  });

  it('leave the defaults out of a URL, and round-trip a state', () => {
    expect(s.query(s.defaults)).toBe('');
    expect(s.href('/x')).toBe('/x');
    const p = {
      ...s.defaults,
      q: 'a b',
      ids: [2, 1],
      kinds: ['a' as const],
      page: 4,
      size: 10,
      sort: { key: 'date' as const, dir: 'desc' as const },
      flag: true,
      yes: false,
    };
    expect(s.query(p)).toBe('q=a+b&ids=2,1&kinds=a&page=4&size=10&sort=date.desc&flag=1&yes=0');
    expect(s.parse(new URLSearchParams(s.query(p)))).toEqual(p);
  });
});

describe('the registry’s URL state', () => {
  const full: RegistryParams = {
    ...registrySearch.defaults,
    q: '水库 二期',
    category: ['wind', 'solar'],
    county: [3, 5],
    countyNone: true,
    stage: ['construction'],
    leader: [7],
    unit: [2, 9],
    status: ['at_risk', 'delayed'],
    light: ['red', 'none'],
    milestone: 'overdue',
    report: 'missing',
    period: 12,
    energy: 'pending',
    sort: 'totalInvestment',
    dir: 'desc',
    pageSize: 50,
    page: 3,
  };

  it('round-trips every field, with the URL names and formats of before', () => {
    const qs = registrySearch.query(full);
    expect(registrySearch.parse(new URLSearchParams(qs))).toEqual(full);
    const url = new URLSearchParams(qs);
    expect(url.get('county')).toBe('3,5,none');
    expect(url.get('sort')).toBe('totalInvestment.desc');
    expect(url.get('size')).toBe('50');
    expect(url.has('pageSize')).toBe(false);
  });

  it('opens links written by the former parser (commas encoded as %2C)', () => {
    const old = 'q=%E6%B0%B4%E5%BA%93&category=wind%2Csolar&county=3%2Cnone&sort=name.desc&size=10&page=2';
    expect(registrySearch.parse(old)).toMatchObject({
      q: '水库',
      category: ['wind', 'solar'],
      county: [3],
      countyNone: true,
      sort: 'name',
      dir: 'desc',
      pageSize: 10,
      page: 2,
    });
  });

  it('ignores what is not on the whitelists', () => {
    const p = registrySearch.parse({
      page: '-4',
      size: '9999',
      sort: 'drop_table.x',
      stage: 'nonsense',
      status: 'on_track,bogus',
      category: 'Wind!,wind',
      light: 'blue',
    });
    expect(p).toEqual({ ...registrySearch.defaults, status: ['on_track'], category: ['wind'] });
    expect(registrySearch.parse({ sort: 'password.desc' })).toMatchObject({ sort: 'code', dir: 'asc' });
    // Only whitelisted columns can come out of the parser, so only they reach ORDER BY.
    for (const sort of ['name.desc', 'leader.asc', 'id.desc', 'updatedAt.desc']) {
      expect(SORTABLE as readonly string[]).toContain(registrySearch.parse({ sort }).sort);
    }
  });

  it('leaves the period out without report=missing', () => {
    expect(registrySearch.query({ ...full, report: null })).not.toContain('period');
    expect(registrySearch.query(registrySearch.defaults)).toBe('');
  });

  it('starts again from page 1 on any change but paging, and keeps what the change does not touch', () => {
    const values = registrySearch.toUrl(full);
    expect(registrySearch.fromUrl(registrySearch.apply(values, { category: ['hydro'] }))).toEqual({
      ...full,
      category: ['hydro'],
      page: 1,
    });
    expect(registrySearch.fromUrl(registrySearch.apply(values, { page: 4 }))).toEqual({ ...full, page: 4 });
    // The county filter keeps the `none` entry; removing the report chip drops its period.
    const afterCounty = registrySearch.fromUrl(registrySearch.apply(values, { county: [8] }));
    expect([afterCounty.county, afterCounty.countyNone]).toEqual([[8], true]);
    expect(registrySearch.apply(values, { report: null, period: null })).toMatchObject({ report: null, period: null, page: 1 });
  });
});

describe('the problem list’s URL state', () => {
  it('round-trips, with the plus of 180+ encoded', () => {
    const p = {
      ...problemsSearch.defaults,
      q: '征地',
      status: ['open' as const],
      age: ['180+' as const, '0-30' as const],
      overdue: true,
      project: [4],
      sort: 'deadline' as const,
      dir: 'desc' as const,
      page: 2,
    };
    const qs = problemsSearch.query(p);
    expect(qs).toContain('age=180%2B,0-30');
    expect(qs).toContain('overdue=1');
    expect(problemsSearch.parse(new URLSearchParams(qs))).toEqual(p);
  });

  it('reads 180+ typed into a URL (the plus arrives as a space)', () => {
    expect(problemsSearch.parse(new URLSearchParams('age=180+')).age).toEqual(['180+']);
  });

  it('falls back to the default sort, column and direction, for a column not on the whitelist', () => {
    expect(problemsSearch.parse({ sort: 'password.desc' })).toMatchObject({ sort: 'urgency', dir: 'asc' });
    expect(problemsSearch.parse({ sort: 'escalation.desc' })).toMatchObject({ sort: 'escalation', dir: 'desc' });
    expect(PROBLEM_SORTABLE as readonly string[]).toContain(problemsSearch.parse({ sort: 'deadline; delete' }).sort);
  });

  it('links the quick filters with the current sort and size, from page 1', () => {
    expect(problemsSearch.href('/problems', { status: ['open'], sort: 'deadline', dir: 'desc', pageSize: 50 })).toBe(
      '/problems?status=open&sort=deadline.desc&size=50',
    );
  });
});

describe('the other lists’ URL state', () => {
  it('dashboard timeline: category codes, county and leader ids', () => {
    expect(timelineSearch.parse({ category: 'wind,Solar!,hydro', county: '2,x', leader: '0,9' })).toEqual({
      category: ['wind', 'hydro'],
      county: [2],
      leader: [9],
    });
    expect(timelineSearch.query(timelineSearch.defaults)).toBe('');
  });

  it('reports: a period id, known statuses once, late, and mine as yes, no or the default', () => {
    const p = reportsSearch.parse({ period: '12', status: 'submitted,bogus,submitted,approved', late: '1', mine: '0' });
    expect(p).toEqual({ period: 12, status: ['submitted', 'approved'], late: true, mine: false });
    expect(reportsSearch.parse({ period: '0', mine: 'x' })).toEqual({ period: null, status: [], late: false, mine: null });
    expect(reportsHref({ ...p, status: [] })).toBe('/reports?period=12&late=1&mine=0');
    expect(reportsHref({})).toBe('/reports');
  });

  it('users: a search of at most 64 characters, a known role, a page', () => {
    expect(usersSearch.parse({ q: ` ${'x'.repeat(80)} `, role: 'dispatch', page: '3' })).toEqual({
      q: 'x'.repeat(64),
      role: 'dispatch',
      page: 3,
    });
    expect(usersSearch.parse({ role: 'admin; drop', page: '0' })).toEqual({ q: '', role: null, page: 1 });
    expect(usersSearch.href('/admin/users', { q: 'wang' })).toBe('/admin/users?q=wang');
  });

  it('meetings, inbox and lights: a known status or light, a page', () => {
    expect(meetingsSearch.parse({ status: 'held', page: '2' })).toEqual({ status: 'held', page: 2 });
    expect(meetingsSearch.parse({ status: 'gone', page: '0' })).toEqual({ status: null, page: 1 });
    expect(meetingsSearch.href('/meetings', { status: null, page: 1 })).toBe('/meetings');
    expect(inboxSearch.parse({ page: '-1' }).page).toBe(1);
    expect(inboxSearch.href('/inbox', { page: 2 })).toBe('/inbox?page=2');
    expect(lightsSearch.parse({ light: 'red' }).light).toBe('red');
    expect(lightsSearch.parse({ light: 'purple' }).light).toBeNull();
    expect(lightsSearch.href('/lights', { light: null })).toBe('/lights');
  });
});
