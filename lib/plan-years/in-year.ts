/**
 * The SQL predicate "the project counts in the year": it is in the year's list. A year without
 * a list (none decided yet, or a deployment from before the lists) falls back to the caller's
 * own rule, so the figures do not go blank before the first list exists.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import { planYearProjects, planYears, projects } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';

export function inYearList(year: number, withoutList: SQL = sql`TRUE`): SQL {
  return sql`(CASE WHEN EXISTS (SELECT 1 FROM ${planYears} WHERE ${planYears.year} = ${year})
    THEN EXISTS (SELECT 1 FROM ${planYearProjects} WHERE ${planYearProjects.year} = ${year} AND ${planYearProjects.projectId} = ${projects.id})
    ELSE ${withoutList} END)`;
}

/** The project is not in the year's list, which exists (false for every project while the year has no list). */
export function notInYearList(year: number): SQL {
  return sql`(EXISTS (SELECT 1 FROM ${planYears} WHERE ${planYears.year} = ${year})
    AND NOT EXISTS (SELECT 1 FROM ${planYearProjects} WHERE ${planYearProjects.year} = ${year} AND ${planYearProjects.projectId} = ${projects.id}))`;
}

/** The registry's `listed` choice as a predicate: the year's list (null), every project (`all`), or the rest (`out`). */
export function listedSql(year: number, listed: 'all' | 'out' | null): SQL | undefined {
  if (listed === 'all') return undefined;
  return listed === 'out' ? notInYearList(year) : inYearList(year);
}

/** The actor's projects of the year: the scope and the year's list (every project in scope while the year has none). */
export function yearScope(actor: Actor, year: number): SQL {
  return and(projectScope(actor), inYearList(year))!;
}
