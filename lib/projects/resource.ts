/**
 * A project as a record that actions and routes load and authorize (lib/authz/resource.ts):
 * visible when the actor's scope covers a county it touches; its relations are its project lead, its
 * responsible leader (包抓领导) and its responsible unit (责任单位).
 */
import { and, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projects } from '@/db/schema';
import { type Actor, projectCountyIdsSql, projectScope, type Relation, type Subject } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';

/** A project row with the counties it touches (ascending ids; project_counties). */
export type ProjectRecord = typeof projects.$inferSelect & { countyIds: number[] };

/** The columns of a ProjectRecord, for a select on `projects`. */
export const projectRecordColumns = { ...getTableColumns(projects), countyIds: projectCountyIdsSql };

/** The project's columns its relations are read from, for the joins of the resources of what belongs to it. */
export const projectRelationColumns = {
  countyId: projects.countyId,
  countyIds: projectCountyIdsSql,
  projectLeadId: projects.projectLeadId,
  responsibleLeaderId: projects.responsibleLeaderId,
  responsibleUnitId: projects.responsibleUnitId,
};
export type ProjectRelations = Pick<ProjectRecord, 'countyId' | 'projectLeadId' | 'responsibleLeaderId' | 'responsibleUnitId'> & {
  /** The counties the project touches (when known: a subject without them is in scope of its responsible county only). */
  countyIds?: readonly number[];
};

/** The Subject of a project (also of what belongs to it: its milestones, reports, lights). */
export function projectSubject(p: ProjectRelations): Subject {
  return {
    countyId: p.countyId,
    countyIds: p.countyIds,
    projectLeadId: p.projectLeadId,
    responsibleLeaderId: p.responsibleLeaderId,
    responsibleUnitId: p.responsibleUnitId,
  };
}

/**
 * A relation as SQL on `projects` (the same relations projectSubject gives can()), for lists of
 * the projects an actor holds a relation grant on.
 */
export function projectRelationSql(actor: Actor, relation: Relation): SQL | undefined {
  switch (relation) {
    case 'projectLead':
      return eq(projects.projectLeadId, actor.id);
    case 'responsibleLeader':
      return eq(projects.responsibleLeaderId, actor.id);
    case 'unitMember':
      return actor.unitId === null ? undefined : eq(projects.responsibleUnitId, actor.unitId);
  }
}

async function currentProject(db: Executor, id: number) {
  const [row] = await db.select(projectRecordColumns).from(projects).where(eq(projects.id, id)).limit(1);
  return row ?? null;
}

export const projectResource = defineResource<ProjectRecord>({
  entity: 'project',
  load: async (db, actor, id, lock) => {
    const q = db
      .select(projectRecordColumns)
      .from(projects)
      .where(and(eq(projects.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: projectSubject,
  version: (p) => p.version,
  id: (p) => p.id,
  current: currentProject,
});
