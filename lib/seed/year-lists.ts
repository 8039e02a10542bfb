/**
 * FACTS: the year's key-project list of the report (年度重点项目计划). The report plans 2025
 * (part 二), and every key project of ./facts.ts is named by it for that year, so the 2025 list
 * holds them all, joined as 'report'. The report's targets stay on the projects (annualTarget,
 * targetYear, with their quotes) and, with the demo set, on the 2025 plans; they are never
 * another year's. Seeded for facts-only and demo seeds alike.
 */
import type { Tx } from '@/db/client';
import { writeYearList } from '@/lib/plan-years/year-list';
import { PROJECTS } from './facts';

/** The year the report plans (二、关于2025年工作). */
export const REPORT_YEAR = 2025;
const LISTED_AT = new Date('2025-01-01T00:00:00Z');

export async function seedReportYearList(tx: Tx, projectIds: Map<string, number>): Promise<void> {
  const entries = PROJECTS.filter((p) => p.targetYear === REPORT_YEAR).flatMap((p) => {
    const projectId = projectIds.get(p.code);
    return projectId === undefined ? [] : [{ projectId, joinedAs: 'report' as const }];
  });
  await writeYearList(tx, { year: REPORT_YEAR, fromYear: null, entries, actorId: null, at: LISTED_AT });
}
