import { describe, expect, it } from 'vitest';
import type { Timeline, TimelineMilestone } from '@/lib/dashboard/types';
import { compactTimeline, monthTicks } from './timeline';
import { dayNumber } from './timeline-data';

describe('timeline month ticks', () => {
  it('a year: every month, the first and each January marked with the year', () => {
    const ticks = monthTicks('2026-01-01', '2026-12-31', 'zh-CN');
    expect(ticks).toHaveLength(12);
    expect(ticks[0]).toEqual({ date: '2026-01-01', label: '2026年1月', major: true });
    expect(ticks[1]).toEqual({ date: '2026-02-01', label: '2月', major: false });
    expect(ticks.at(-1)).toEqual({ date: '2026-12-01', label: '12月', major: false });
  });

  it('starts at the first whole month, and in English names the month', () => {
    const ticks = monthTicks('2025-11-15', '2026-02-10', 'en');
    expect(ticks.map((t) => [t.date, t.label, t.major])).toEqual([
      ['2025-12-01', 'Dec 2025', true],
      ['2026-01-01', 'Jan 2026', true],
      ['2026-02-01', 'Feb', false],
    ]);
  });

  it('longer windows step by 2, 3, 6 or 12 months so that about twelve are labelled', () => {
    const quarters = monthTicks('2026-01-01', '2028-12-31', 'zh-CN');
    expect(quarters.map((t) => t.date.slice(5, 7))).toEqual(Array.from({ length: 12 }, (_, i) => ['01', '04', '07', '10'][i % 4]));
    const years = monthTicks('2020-01-01', '2035-06-30', 'en');
    expect(years.map((t) => t.label)).toEqual(Array.from({ length: 16 }, (_, i) => String(2020 + i)));
    expect(monthTicks('2020-01-01', '2035-06-30', 'zh-CN')[0]!.label).toBe('2020年');
  });
});

describe('the compact timeline the browser draws', () => {
  const milestone = (m: Partial<TimelineMilestone>): TimelineMilestone => ({
    id: 1,
    kind: 'start',
    nameZh: '开工',
    nameEn: 'Start',
    planned: '2026-03-01',
    baseline: null,
    forecast: null,
    actual: null,
    status: 'not_started',
    overdue: false,
    ...m,
  });
  const timeline: Timeline = {
    filters: { category: [], county: [], leader: [] },
    from: '2026-01-01',
    to: '2026-12-31',
    today: '2026-06-15',
    total: 2,
    projects: [
      {
        projectId: 7,
        code: 'P7',
        nameZh: '乌额铁路',
        nameEn: 'Wu–E Railway',
        light: 'red',
        milestones: [
          milestone({ baseline: '2026-02-01', forecast: '2026-04-01', status: 'delayed', overdue: true }),
          milestone({ id: 2, kind: 'done', nameZh: '完工', nameEn: null, planned: '2026-11-30', actual: '2026-11-20', status: 'done' }),
        ],
      },
      { projectId: 8, code: 'P8', nameZh: '水库', nameEn: null, light: null, milestones: [milestone({ id: 3 })] },
    ],
  };

  it('sends each milestone name once, dates as day numbers, the baseline before the planned date', () => {
    const c = compactTimeline(timeline, 'zh-CN');
    expect(c.names).toEqual(['开工', '完工']);
    expect([c.from, c.to, c.today]).toEqual([dayNumber('2026-01-01'), dayNumber('2026-12-31'), dayNumber('2026-06-15')]);
    expect(c.ticks[0]).toEqual([dayNumber('2026-01-01'), '2026年1月', 1]);
    expect(c.rows).toEqual([
      [
        7,
        '乌额铁路',
        'r',
        [
          [0, dayNumber('2026-02-01'), dayNumber('2026-04-01'), null, 3, 1],
          [1, dayNumber('2026-11-30'), null, dayNumber('2026-11-20'), 2, 0],
        ],
      ],
      [8, '水库', '', [[0, dayNumber('2026-03-01'), null, null, 0, 0]]],
    ]);
  });

  it('in English: English names where they exist', () => {
    const c = compactTimeline(timeline, 'en');
    expect(c.names).toEqual(['Start', '完工']);
    expect(c.rows.map((r) => r[1])).toEqual(['Wu–E Railway', '水库']);
  });
});
