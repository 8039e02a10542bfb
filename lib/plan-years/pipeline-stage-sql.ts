/**
 * The pipeline stage of a project in a plan year as one SQL expression, the same rule as
 * pipelineStage() in ./pipeline-stage.ts (lib/plan-years/pipeline-stage-sql.test.ts checks that the
 * two agree at the year boundaries), so lists filter and counts group in the database.
 *
 * The facts, per project: the actual start = the earliest actual date of its start-works
 * milestones (节点 开工); the planned start = the earliest planned date of those milestones, else
 * the registry's start date. The start the rule looks at is the actual one, else the planned one.
 * Dates are SQL `date` values: their year is the calendar year as written, no time zone.
 */
import { sql, type SQL } from 'drizzle-orm';
import { milestones } from '@/db/schema';
import type { PipelineStage } from './pipeline-stage';

// The projects columns are written out with their table: in a select from projects alone drizzle
// leaves column names unqualified, and a bare "id" inside the milestones subquery would be the
// milestone's own id.
const col = (name: 'id' | 'stage' | 'start_date') => sql.raw(`"projects"."${name}"`);

export function pipelineStageSql(planYear: number): SQL<PipelineStage> {
  const year = sql`${planYear}::int`;
  const stage = col('stage');
  const building = sql`${stage} = 'construction'`;
  return sql<PipelineStage>`(CASE
    WHEN ${stage} = 'operating' THEN 'operating'
    WHEN ${stage} = 'completed' THEN 'completed'
    ELSE (SELECT CASE
        WHEN sw.start IS NULL THEN (CASE WHEN ${building} THEN 'continuing' ELSE 'reserve' END)
        WHEN extract(year FROM sw.start) = ${year} THEN 'new_start'
        WHEN extract(year FROM sw.start) > ${year} THEN (CASE WHEN ${building} THEN 'continuing' ELSE 'preliminary' END)
        WHEN sw.actual IS NOT NULL OR ${building} THEN 'continuing'
        ELSE 'preliminary' END
      FROM (SELECT min(psm.actual_date) AS actual, coalesce(min(psm.actual_date), min(psm.planned_date), ${col('start_date')}) AS start
            FROM ${milestones} psm WHERE psm.project_id = ${col('id')} AND psm.kind = 'start_works') sw)
    END)`;
}

/** The filter "the project's pipeline stage in the plan year is one of these" (no stages: no filter). */
export function pipelineStageInSql(planYear: number, stages: readonly PipelineStage[]): SQL | undefined {
  if (stages.length === 0) return undefined;
  return sql`${pipelineStageSql(planYear)} IN (${sql.join(
    stages.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}
