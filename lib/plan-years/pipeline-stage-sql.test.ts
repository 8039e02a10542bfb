/**
 * pipelineStageSql (the database's rule) against pipelineStage (the TypeScript rule): projects
 * whose works start on either side of a year boundary — 31 Dec of the year before, 1 Jan, 31 Dec
 * of the year, 1 Jan of the year after — as an actual start, a planned start-works milestone or
 * only the registry's start date, in preliminary work and under construction; no dates at all;
 * completed and operating projects. Both rules must give the same stage, for two plan years.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { projects } from '@/db/schema';
import type { Stage } from '@/db/schema/enums';
import { useTestDb } from '@/test/db';
import { makeCategory, makeMilestone, makeProject } from '@/test/factories';
import { PIPELINE_STAGES, pipelineStage, type PipelineStage, type StageFacts } from './pipeline-stage';
import { pipelineStageInSql, pipelineStageSql } from './pipeline-stage-sql';

const getDb = useTestDb({ reset: 'file' });

interface Case {
  label: string;
  id: number;
  facts: StageFacts;
}
const cases: Case[] = [];
const BOUNDARIES = ['2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01'];
const PLAN_YEARS = [2025, 2026];

/** A project with these facts: start-works milestones (planned, actual) and the registry's start date. */
async function build(
  label: string,
  stage: Stage,
  opts: { registryStart?: string | null; works?: { planned: string; actual?: string }[] },
  categoryCode: string,
) {
  const p = await makeProject({
    stage,
    categoryCode,
    startDate: opts.registryStart ?? null,
    plannedCompletionDate: '2030-12-31',
  });
  // Another kind of milestone with an actual date is not a start of works.
  await makeMilestone({ projectId: p.id, kind: 'approval', plannedDate: '2024-06-01', actualDate: '2024-06-01', status: 'done' });
  for (const m of opts.works ?? []) {
    await makeMilestone({
      projectId: p.id,
      kind: 'start_works',
      plannedDate: m.planned,
      actualDate: m.actual ?? null,
      status: m.actual ? 'done' : 'not_started',
    });
  }
  const works = opts.works ?? [];
  const min = (xs: string[]) => (xs.length ? xs.reduce((a, b) => (a < b ? a : b)) : null);
  const actualStart = min(works.flatMap((m) => (m.actual ? [m.actual] : [])));
  const plannedStart = min(works.map((m) => m.planned)) ?? opts.registryStart ?? null;
  cases.push({ label, id: p.id, facts: { stage, actualStart, plannedStart } });
}

beforeAll(async () => {
  const { code } = await makeCategory();
  for (const stage of ['preliminary', 'construction', 'completed', 'operating'] as const) {
    await build(`${stage}, no dates`, stage, {}, code);
    for (const d of BOUNDARIES) {
      // An actual start on the boundary (planned a month earlier in its year, or the same day).
      await build(`${stage}, actual ${d}`, stage, { works: [{ planned: `${d.slice(0, 4)}-01-01`, actual: d }] }, code);
      // Only planned, by the milestone; the registry's date is ignored then.
      await build(`${stage}, planned ${d}`, stage, { registryStart: '2020-05-05', works: [{ planned: d }] }, code);
      // Only the registry's start date.
      await build(`${stage}, registry ${d}`, stage, { registryStart: d }, code);
    }
  }
  // The actual start wins over a plan in another year, in both directions.
  await build(
    'slipped: planned 2025-12-31, actual 2026-01-01',
    'construction',
    { works: [{ planned: '2025-12-31', actual: '2026-01-01' }] },
    code,
  );
  await build(
    'early: planned 2026-01-01, actual 2025-12-31',
    'construction',
    { works: [{ planned: '2026-01-01', actual: '2025-12-31' }] },
    code,
  );
  // Two start-works milestones: the earliest of each date counts.
  await build(
    'two start milestones',
    'construction',
    { works: [{ planned: '2026-03-01', actual: '2026-01-01' }, { planned: '2025-12-31' }] },
    code,
  );
  await build('two planned starts', 'preliminary', { works: [{ planned: '2026-01-01' }, { planned: '2025-12-31' }] }, code);
}, 120_000);

async function sqlStages(year: number): Promise<Map<number, PipelineStage>> {
  const rows = await getDb()
    .select({ id: projects.id, stage: pipelineStageSql(year) })
    .from(projects);
  return new Map(rows.map((r) => [r.id, r.stage]));
}

describe('pipelineStageSql agrees with pipelineStage (新开工 / 续建 at the year boundaries)', () => {
  it.each(PLAN_YEARS)('for every case, plan year %i', async (year) => {
    const got = await sqlStages(year);
    expect(got.size).toBe(cases.length);
    for (const c of cases) expect(`${c.label}: ${got.get(c.id)}`).toBe(`${c.label}: ${pipelineStage(c.facts, year)}`);
    // The cases reach every stage, so agreement is not agreement on one constant.
    expect(new Set(got.values())).toEqual(new Set(PIPELINE_STAGES));
  });

  it('puts 31 Dec in its own year and 1 Jan in the next', async () => {
    const byLabel = async (year: number) => {
      const got = await sqlStages(year);
      return (label: string) => got.get(cases.find((c) => c.label === label)!.id);
    };
    const in2025 = await byLabel(2025);
    const in2026 = await byLabel(2026);
    expect(in2025('construction, actual 2024-12-31')).toBe('continuing');
    expect(in2025('construction, actual 2025-01-01')).toBe('new_start');
    expect(in2025('construction, actual 2025-12-31')).toBe('new_start');
    expect(in2026('construction, actual 2025-12-31')).toBe('continuing');
    expect(in2026('construction, actual 2026-01-01')).toBe('new_start');
    expect(in2025('preliminary, planned 2026-01-01')).toBe('preliminary');
    expect(in2026('preliminary, planned 2026-01-01')).toBe('new_start');
    expect(in2026('preliminary, registry 2025-12-31')).toBe('preliminary'); // overdue, not started
    expect(in2026('preliminary, no dates')).toBe('reserve');
    expect(in2026('construction, no dates')).toBe('continuing');
    expect(in2026('completed, actual 2026-01-01')).toBe('completed');
    expect(in2025('operating, planned 2025-01-01')).toBe('operating');
    expect(in2026('slipped: planned 2025-12-31, actual 2026-01-01')).toBe('new_start');
    expect(in2026('two start milestones')).toBe('new_start');
    expect(in2026('two planned starts')).toBe('preliminary');
  });

  it('filters by a set of stages, and no set means no filter', async () => {
    const db = getDb();
    const expected = cases.filter((c) => ['new_start', 'reserve'].includes(pipelineStage(c.facts, 2026))).map((c) => c.id);
    const rows = await db
      .select({ id: projects.id })
      .from(projects)
      .where(pipelineStageInSql(2026, ['new_start', 'reserve']));
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
    expect(pipelineStageInSql(2026, [])).toBeUndefined();
    const one = cases[0]!;
    const [row] = await db
      .select({ stage: pipelineStageSql(2026) })
      .from(projects)
      .where(eq(projects.id, one.id));
    expect(row?.stage).toBe(pipelineStage(one.facts, 2026));
  });
});
