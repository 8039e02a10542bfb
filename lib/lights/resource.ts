/**
 * A manual light (人工调整) as a record that actions load and authorize: visible when its
 * project is; its relations are its project's (the responsible leader may set and clear it).
 */
import { and, eq } from 'drizzle-orm';
import { lightOverrides, projects } from '@/db/schema';
import { projectScope } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations, projectSubject } from '@/lib/projects/resource';

export type OverrideRow = typeof lightOverrides.$inferSelect;
export interface OverrideRecord {
  override: OverrideRow;
  project: ProjectRelations;
}

/** What the history and a CONFLICT answer show of an override. */
export const overrideView = (o: OverrideRow) => ({ id: o.id, light: o.light, reason: o.reason, startsOn: o.startsOn, endsOn: o.endsOn });

export const overrideResource = defineResource<OverrideRecord>({
  entity: 'light_override',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({
        override: lightOverrides,
        project: projectRelationColumns,
      })
      .from(lightOverrides)
      .innerJoin(projects, eq(projects.id, lightOverrides.projectId))
      .where(and(eq(lightOverrides.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: projects }) : await q;
    return row ?? null;
  },
  subject: (r) => projectSubject(r.project),
  version: (r) => r.override.version,
  id: (r) => r.override.id,
  current: async (db, id) => {
    const [o] = await db.select().from(lightOverrides).where(eq(lightOverrides.id, id)).limit(1);
    return o ? { ...overrideView(o), version: o.version, clearedAt: o.clearedAt } : null;
  },
});
