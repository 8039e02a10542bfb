import 'server-only';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { counties, projectCounties } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import type { FieldErrors } from '@/lib/errors';
import { invalid } from './write-rules';

/**
 * The counties a project touches (project_counties), as the project actions write them. The
 * responsible level is projects.county_id: a county, or null = 地区级 (the prefecture). The
 * rules, each a field error on the form:
 * - the responsible county is one of the counties chosen (countyId: responsibleCountyNotChosen);
 * - a county newly chosen exists and is active (countyIds: invalidChoice); a retired county the
 *   project already touches stays;
 * - a county user keeps their own county among them (countyIds: ownCountyRequired): what they
 *   save stays in their scope.
 * An empty set is allowed: the location is not reported (未填报), which the pages say.
 */
export async function checkCountySet(
  tx: Tx,
  actor: Actor,
  next: { countyId: number | null; countyIds: readonly number[] },
  before: readonly number[] = [],
): Promise<void> {
  const errors: FieldErrors = {};
  if (next.countyId !== null && !next.countyIds.includes(next.countyId)) {
    errors.countyId = ['validation.responsibleCountyNotChosen'];
  }
  if (actor.countyId !== null && !next.countyIds.includes(actor.countyId)) {
    errors.countyIds = ['validation.ownCountyRequired'];
  }
  const added = next.countyIds.filter((id) => !before.includes(id));
  if (added.length) {
    const found = await tx
      .select({ id: counties.id })
      .from(counties)
      .where(and(inArray(counties.id, added), eq(counties.active, true)));
    if (found.length !== added.length) errors.countyIds = ['validation.invalidChoice'];
  }
  if (Object.keys(errors).length) throw invalid(errors);
}

/**
 * Makes the project touch exactly these counties. Run after the project row is written: a
 * trigger has already added the responsible county, and refuses to remove it.
 */
export async function writeCountySet(tx: Tx, projectId: number, countyIds: readonly number[]): Promise<void> {
  await tx
    .delete(projectCounties)
    .where(
      countyIds.length
        ? and(eq(projectCounties.projectId, projectId), notInArray(projectCounties.countyId, [...countyIds]))
        : eq(projectCounties.projectId, projectId),
    );
  if (countyIds.length) {
    await tx
      .insert(projectCounties)
      .values(countyIds.map((countyId) => ({ projectId, countyId })))
      .onConflictDoNothing();
  }
}
