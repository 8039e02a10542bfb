/**
 * The SQL predicate "the project counts in the year": it is in the year's list. A year without
 * a list (none decided yet, or a deployment from before the lists) falls back to the caller's
 * own rule, so the figures do not go blank before the first list exists.
 */
import { type SQL, sql } from 'drizzle-orm';
import { planYearProjects, planYears, projects } from '@/db/schema';

export function inYearList(year: number, withoutList: SQL = sql`TRUE`): SQL {
  return sql`(CASE WHEN EXISTS (SELECT 1 FROM ${planYears} WHERE ${planYears.year} = ${year})
    THEN EXISTS (SELECT 1 FROM ${planYearProjects} WHERE ${planYearProjects.year} = ${year} AND ${planYearProjects.projectId} = ${projects.id})
    ELSE ${withoutList} END)`;
}
