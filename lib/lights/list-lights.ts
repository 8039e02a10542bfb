import 'server-only';

/**
 * The lights page's table: the current light of every project in the actor's scope, with the
 * project's code and name. Builds on getCurrentLights (lib/lights/queries.ts), which has no
 * project names; the names are read here with the same scope in the WHERE.
 */
import { and, asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { projects } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';
import { type CurrentLight, getCurrentLights } from './queries';

export interface CurrentLightRow extends CurrentLight {
  code: string;
  name: string;
  nameEn: string | null;
}

/** Projects with a computed light or an active override, in the actor's scope, by code; optionally only one effective light. */
export async function listCurrentLights(actor: Actor, opts: { light?: Light | null; year?: number } = {}): Promise<CurrentLightRow[]> {
  const current = await getCurrentLights(actor, { year: opts.year });
  const wanted = opts.light ? current.filter((c) => c.effective === opts.light) : current;
  if (wanted.length === 0) return [];
  const db = await getDb();
  const names = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn })
    .from(projects)
    .where(
      and(
        projectScope(actor),
        inArray(
          projects.id,
          wanted.map((c) => c.projectId),
        ),
      ),
    )
    .orderBy(asc(projects.code));
  const byId = new Map(wanted.map((c) => [c.projectId, c]));
  return names.flatMap((p) => {
    const c = byId.get(p.id);
    return c ? [{ ...c, code: p.code, name: p.name, nameEn: p.nameEn }] : [];
  });
}
