/**
 * A project as a record that actions and routes load and authorize (lib/authz/resource.ts):
 * visible when the actor's scope covers its county; its relations are its project lead, its
 * responsible leader (包抓领导) and its responsible unit (责任单位).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projects } from '@/db/schema';
import { projectScope, type Subject } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';

export type ProjectRecord = typeof projects.$inferSelect;

/** The Subject of a project (also of what belongs to it: its milestones, reports, lights). */
export function projectSubject(p: Pick<ProjectRecord, 'countyId' | 'projectLeadId' | 'responsibleLeaderId' | 'responsibleUnitId'>): Subject {
  return { countyId: p.countyId, projectLeadId: p.projectLeadId, responsibleLeaderId: p.responsibleLeaderId, responsibleUnitId: p.responsibleUnitId };
}

async function currentProject(db: Executor, id: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row ?? null;
}

export const projectResource = defineResource<ProjectRecord>({
  entity: 'project',
  load: async (db, actor, id, lock) => {
    const q = db.select().from(projects).where(and(eq(projects.id, id), projectScope(actor))).limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: projectSubject,
  version: (p) => p.version,
  id: (p) => p.id,
  current: currentProject,
});
