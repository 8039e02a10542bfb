/**
 * An approval procedure as a record that actions load and authorize: visible when its project is
 * (the project's counties in the actor's scope). Its relations: the project's lead and responsible
 * leader, and, as its unit, its approving agency (审批部门), so a department user (部门用户) holds
 * `procedure.handle` on its own agency's procedures only (lib/authz/permissions.ts).
 */
import { and, eq } from 'drizzle-orm';
import { projectProcedures, projects } from '@/db/schema';
import { projectScope, type Subject } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations } from '@/lib/projects/resource';

export type ProcedureRow = typeof projectProcedures.$inferSelect;

export interface ProcedureRecord {
  procedure: ProcedureRow;
  project: ProjectRelations & { id: number };
}

export function procedureSubject(r: ProcedureRecord): Subject {
  return {
    countyId: r.project.countyId,
    countyIds: r.project.countyIds,
    projectLeadId: r.project.projectLeadId,
    responsibleLeaderId: r.project.responsibleLeaderId,
    responsibleUnitId: r.procedure.agencyUnitId,
  };
}

export const procedureResource = defineResource<ProcedureRecord>({
  entity: 'procedure',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({ procedure: projectProcedures, project: { id: projects.id, ...projectRelationColumns } })
      .from(projectProcedures)
      .innerJoin(projects, eq(projects.id, projectProcedures.projectId))
      .where(and(eq(projectProcedures.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: projectProcedures }) : await q;
    return row ?? null;
  },
  subject: procedureSubject,
  version: (r) => r.procedure.version,
  id: (r) => r.procedure.id,
  current: async (db, id) => {
    const [row] = await db.select().from(projectProcedures).where(eq(projectProcedures.id, id)).limit(1);
    return row ?? null;
  },
});
