import { describe, expect, it } from 'vitest';
import { pipelineStage, type StageFacts } from './pipeline-stage';

const p = (over: Partial<StageFacts>): StageFacts => ({ stage: 'preliminary', actualStart: null, plannedStart: null, ...over });

describe('pipelineStage (新开工 / 续建 from the works start and the plan year)', () => {
  it('at the year boundary: a start on 31 Dec is that year’s new start and next year’s continuing; 1 Jan is the new year’s', () => {
    const dec31 = p({ stage: 'construction', actualStart: '2025-12-31' });
    expect(pipelineStage(dec31, 2025)).toBe('new_start');
    expect(pipelineStage(dec31, 2026)).toBe('continuing');
    const jan1 = p({ stage: 'construction', actualStart: '2026-01-01' });
    expect(pipelineStage(jan1, 2025)).toBe('continuing'); // registry says building; its start is after 2025
    expect(pipelineStage(jan1, 2026)).toBe('new_start');
    expect(pipelineStage(jan1, 2027)).toBe('continuing');
  });

  it('the actual start wins over the planned one', () => {
    const slipped = p({ stage: 'construction', plannedStart: '2025-11-01', actualStart: '2026-03-02' });
    expect(pipelineStage(slipped, 2026)).toBe('new_start');
    expect(pipelineStage(slipped, 2025)).toBe('continuing');
    const early = p({ stage: 'construction', plannedStart: '2026-01-10', actualStart: '2025-12-20' });
    expect(pipelineStage(early, 2026)).toBe('continuing');
  });

  it('a planned start: in the year it is a new start; after it 前期; before it and not started, still 前期 (overdue)', () => {
    expect(pipelineStage(p({ plannedStart: '2026-06-01' }), 2026)).toBe('new_start');
    expect(pipelineStage(p({ plannedStart: '2027-01-01' }), 2026)).toBe('preliminary');
    expect(pipelineStage(p({ plannedStart: '2025-12-31' }), 2026)).toBe('preliminary');
  });

  it('no start date: 谋划储备 in preliminary work, 续建 under construction; done projects are 建成 / 投运 whatever the dates', () => {
    expect(pipelineStage(p({}), 2026)).toBe('reserve');
    expect(pipelineStage(p({ stage: 'construction' }), 2026)).toBe('continuing');
    expect(pipelineStage(p({ stage: 'completed', actualStart: '2026-02-01' }), 2026)).toBe('completed');
    expect(pipelineStage(p({ stage: 'operating', plannedStart: '2026-02-01' }), 2026)).toBe('operating');
  });
});
