import 'server-only';
/**
 * The records that may be the same project as this one (two statements of the report), in the
 * actor's scope, each with the office's decision and the record that holds it (the one linked
 * from: its version is what project.decideDuplicate takes).
 */
import { and, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { projects } from '@/db/schema';
import type { DuplicateDecision } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';

export interface PossibleDuplicate {
  /** The other record. */
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  decision: DuplicateDecision;
  /** The record that holds the link and the decision, and its version. */
  holderId: number;
  holderVersion: number;
}

export async function possibleDuplicates(actor: Actor, projectId: number): Promise<PossibleDuplicate[]> {
  const db = await getDb();
  const holder = alias(projects, 'holder');
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      decision: holder.duplicateDecision,
      holderId: holder.id,
      holderVersion: holder.version,
    })
    .from(holder)
    .innerJoin(
      projects,
      or(
        and(eq(holder.id, projectId), eq(projects.id, holder.possibleDuplicateOfId)),
        and(eq(holder.possibleDuplicateOfId, projectId), eq(projects.id, holder.id)),
      ),
    )
    .where(projectScope(actor));
  return rows.flatMap((r) => (r.decision === null ? [] : [{ ...r, decision: r.decision }]));
}
