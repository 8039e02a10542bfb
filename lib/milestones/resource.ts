/**
 * A milestone as a record that actions and routes load and authorize: visible when its
 * project is; its relations are its project's (the lead updates the milestones of the project
 * they lead).
 */
import { and, eq } from 'drizzle-orm';
import { milestones, projects } from '@/db/schema';
import { projectScope } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations, projectSubject } from '@/lib/projects/resource';

export type MilestoneRow = typeof milestones.$inferSelect;
export interface MilestoneRecord {
  milestone: MilestoneRow;
  project: ProjectRelations;
}

export const milestoneResource = defineResource<MilestoneRecord>({
  entity: 'milestone',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({
        milestone: milestones,
        project: projectRelationColumns,
      })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(and(eq(milestones.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: milestones }) : await q;
    return row ?? null;
  },
  subject: (r) => projectSubject(r.project),
  version: (r) => r.milestone.version,
  id: (r) => r.milestone.id,
  current: async (db, id) => {
    const [row] = await db.select().from(milestones).where(eq(milestones.id, id)).limit(1);
    return row ?? null;
  },
});
