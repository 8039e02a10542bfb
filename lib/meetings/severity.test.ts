import { describe, expect, it } from 'vitest';
import type { AgendaReason } from '@/db/schema/meetings';
import { compareReasons, reasonKey, sortReasons } from './severity';

const light = (l: 'red' | 'yellow'): AgendaReason => ({
  kind: 'light',
  light: l,
  reasons: [],
  ruleSetName: null,
  ruleSetVersion: null,
  override: null,
});
const overdue = (problemId: number, daysOverdue: number): AgendaReason => ({
  kind: 'overdue_problem',
  problemId,
  deadline: '2026-05-01',
  daysOverdue,
  escalationLevel: 0,
});
const slip = (milestoneId: number, daysLate: number): AgendaReason => ({
  kind: 'milestone_slip',
  milestoneId,
  baselineDate: '2026-05-01',
  expectedDate: '2026-08-01',
  daysLate,
  overdue: false,
});
const carried = (problemId: number, daysOverdue?: number): AgendaReason => ({
  kind: 'carried_over',
  problemId,
  fromMeetingId: 1,
  fromMeetingTitle: '六月',
  fromMeetingDate: '2026-06-01',
  assigned: true,
  status: 'open',
  deadline: '2026-07-31',
  ...(daysOverdue ? { daysOverdue } : {}),
});

describe('agenda reason severity', () => {
  it('red > overdue (longest first) > slip (longest first) > yellow > carried over', () => {
    const sorted = sortReasons([carried(9), light('yellow'), slip(1, 5), overdue(2, 3), slip(3, 50), overdue(4, 30), light('red')]);
    expect(sorted.map(reasonKey)).toEqual(['light', 'problem:4', 'problem:2', 'milestone:3', 'milestone:1', 'light', 'problem:9']);
    expect(sorted[0]).toMatchObject({ light: 'red' });
    expect(sorted[5]).toMatchObject({ light: 'yellow' });
  });

  it('a carried-over problem past its deadline weighs as an overdue one', () => {
    expect(compareReasons(carried(1, 20), overdue(2, 10))).toBeLessThan(0);
    expect(compareReasons(carried(1, 20), slip(3, 100))).toBeLessThan(0);
    expect(compareReasons(carried(1), light('yellow'))).toBeGreaterThan(0);
  });

  it('keeps the order of reasons that weigh the same', () => {
    expect(sortReasons([overdue(7, 3), overdue(5, 3)]).map(reasonKey)).toEqual(['problem:7', 'problem:5']);
  });
});
