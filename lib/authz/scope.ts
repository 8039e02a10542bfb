import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { projectCounties, projects } from '@/db/schema';
import type { Actor } from './actor';

/**
 * The project touches the county: the county is responsible for it, or it is one of the
 * counties where the project is (project_counties). SQL on `projects`.
 */
export function projectTouchesCounty(countyId: number): SQL {
  return or(
    eq(projects.countyId, countyId),
    sql`EXISTS (SELECT 1 FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${projects.id} AND ${projectCounties.countyId} = ${countyId})`,
  )!;
}

/** The project touches one of the counties (the registry's county filter). */
export function projectTouchesAnyCounty(countyIds: readonly number[]): SQL {
  return or(
    inArray(projects.countyId, [...countyIds]),
    sql`EXISTS (SELECT 1 FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${projects.id} AND ${inArray(projectCounties.countyId, [...countyIds])})`,
  )!;
}

/** An int[] as the drivers give it: an array (postgres.js, PGlite) or its text form "{1,2}". */
export function idArray(v: unknown): number[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean) : [];
  return items.map(Number);
}

/**
 * The ids of the counties the project touches, ascending (an int[]; empty = 未填报). SQL on
 * `projects`, for a select.
 */
export const projectCountyIdsSql = sql<
  number[]
>`ARRAY(SELECT ${projectCounties.countyId} FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${projects.id} ORDER BY ${projectCounties.countyId})`.mapWith(
  idArray,
);

/**
 * The visibility predicate for projects, added to the WHERE clause of every read, so that a
 * list, a count, a detail page or an export can never include what the actor may not see.
 * A county user sees every project that touches their county (a project crossing two counties
 * is seen in both). Returns undefined for prefecture-wide actors (no restriction).
 */
export function projectScope(actor: Pick<Actor, 'countyId'>): SQL | undefined {
  return actor.countyId === null ? undefined : projectTouchesCounty(actor.countyId);
}
