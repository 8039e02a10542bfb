import { describe, expect, it } from 'vitest';
import { criticalPath, type PathNode, wouldCycle } from './critical-path';
import { procedureClock } from './clock';

const node = (id: number, over: Partial<PathNode> = {}): PathNode => ({
  id,
  state: 'not_started',
  beforeStart: true,
  committedDays: 10,
  elapsed: null,
  dependsOn: [],
  ...over,
});

describe('the critical path to 开工', () => {
  it('is the longest chain of serial dependencies by remaining committed days', () => {
    // 用地预审 (10) → 可研 (15) → 施工许可 (5); 环评 (30) in parallel before 施工许可.
    const path = criticalPath([
      node(1, { committedDays: 10 }),
      node(2, { committedDays: 15, dependsOn: [1] }),
      node(3, { committedDays: 30 }),
      node(4, { committedDays: 5, dependsOn: [2, 3] }),
    ]);
    expect(path).toEqual({ days: 35, ids: [3, 4] });
  });

  it('counts what is left of a running clock, at least a day when overdue, nothing once approved', () => {
    const nodes = [
      node(1, { state: 'approved' }),
      node(2, { state: 'in_progress', committedDays: 20, elapsed: 5, dependsOn: [1] }),
      node(3, { state: 'accepted', committedDays: 5, elapsed: 9 }),
    ];
    expect(criticalPath(nodes)).toEqual({ days: 15, ids: [2] });
    expect(criticalPath([node(3, { state: 'accepted', committedDays: 5, elapsed: 9 })])).toEqual({ days: 1, ids: [3] });
    expect(criticalPath([node(1, { state: 'approved' }), node(2, { state: 'not_applicable' })])).toEqual({ days: 0, ids: [] });
  });

  it('leaves out what works can start without', () => {
    expect(criticalPath([node(1, { beforeStart: false, committedDays: 40 }), node(2, { committedDays: 3 })])).toEqual({
      days: 3,
      ids: [2],
    });
  });

  it('finds a dependency that would close a cycle', () => {
    const edges = [
      { procedureId: 2, dependsOnId: 1 },
      { procedureId: 3, dependsOnId: 2 },
    ];
    expect(wouldCycle(edges, 1, 3)).toBe(true);
    expect(wouldCycle(edges, 3, 1)).toBe(false);
    expect(wouldCycle(edges, 1, 1)).toBe(true);
  });
});

describe('the clock', () => {
  const cal = new Map([['2026-05-01', false]]);
  const p = { acceptedOn: '2026-04-27', approvedOn: null, committedDays: 3, statutoryDays: 5 } as const;
  it('runs in working days from acceptance and says which limit is passed', () => {
    expect(procedureClock({ ...p, state: 'accepted' }, '2026-04-30', cal)).toMatchObject({
      elapsed: 3,
      committedDue: '2026-04-30',
      statutoryDue: '2026-05-05',
      standing: 'within',
      running: true,
    });
    // 1 May is a holiday: still 3 working days on the Sunday; Monday 4 May is the fourth.
    expect(procedureClock({ ...p, state: 'in_progress' }, '2026-05-03', cal)?.standing).toBe('within');
    expect(procedureClock({ ...p, state: 'in_progress' }, '2026-05-04', cal)?.standing).toBe('over_committed');
    expect(procedureClock({ ...p, state: 'in_progress' }, '2026-05-06', cal)?.standing).toBe('over_statutory');
  });

  it('stops at approval and does not run before acceptance or after a return', () => {
    expect(procedureClock({ ...p, state: 'approved', approvedOn: '2026-04-29' }, '2026-06-01', cal)).toMatchObject({
      elapsed: 2,
      running: false,
    });
    expect(procedureClock({ ...p, state: 'returned' }, '2026-06-01', cal)).toBeNull();
    expect(procedureClock({ ...p, acceptedOn: null, state: 'preparing' }, '2026-06-01', cal)).toBeNull();
  });
});
