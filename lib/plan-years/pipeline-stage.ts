/**
 * The pipeline stage of a project in a plan year, the way dispatch tables count a portfolio
 * (储备 / 前期 / 新开工 / 续建 / 竣工(投运)): 谋划储备, 前期, 新开工, 续建, 建成, 投运.
 *
 * Whether a project is 新开工 or 续建 follows from its works start date — the actual date, else
 * the planned one — and the plan year, never from a hand-set flag:
 * - 建成 / 投运: the registry's stage says the works are done (completed / operating);
 * - 新开工: the works start (actually, else as planned) in the plan year;
 * - 续建: the works started in an earlier year (an actual start, or a project under construction
 *   whose planned start lies before the year); a project under construction with no start date
 *   at all is 续建 too (it is building, and nothing says it starts this year);
 * - 前期: in preliminary work, its start planned after the plan year, or planned before it but
 *   not started (an overdue start is still 前期, not 续建);
 * - 谋划储备: in preliminary work with no start date planned yet.
 * Dates are YYYY-MM-DD (date-only values, no time zone: 31 Dec belongs to its own year).
 */
import type { PipelineStage, Stage } from '@/db/schema/enums';

export { PIPELINE_STAGES, type PipelineStage } from '@/db/schema/enums';

export interface StageFacts {
  stage: Stage;
  /** The actual start of works (the start-works milestone's actual date), if any. */
  actualStart: string | null;
  /** The planned start of works (the start-works milestone's planned date, else the registry's start date). */
  plannedStart: string | null;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

export function pipelineStage(p: StageFacts, planYear: number): PipelineStage {
  if (p.stage === 'operating') return 'operating';
  if (p.stage === 'completed') return 'completed';
  const start = p.actualStart ?? p.plannedStart;
  if (start === null) return p.stage === 'construction' ? 'continuing' : 'reserve';
  const y = yearOf(start);
  if (y === planYear) return 'new_start';
  if (y > planYear) return p.stage === 'construction' ? 'continuing' : 'preliminary';
  // Before the plan year: started (an actual date, or the registry says it is building), else an overdue start.
  return p.actualStart !== null || p.stage === 'construction' ? 'continuing' : 'preliminary';
}
