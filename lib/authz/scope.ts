import { eq, type SQL } from 'drizzle-orm';
import { projects } from '@/db/schema';
import type { Actor } from './actor';

/**
 * The visibility predicate for projects, added to the WHERE clause of every read, so that a
 * list, a count, a detail page or an export can never include what the actor may not see.
 * Returns undefined for prefecture-wide actors (no restriction).
 */
export function projectScope(actor: Pick<Actor, 'countyId'>): SQL | undefined {
  return actor.countyId === null ? undefined : eq(projects.countyId, actor.countyId);
}
