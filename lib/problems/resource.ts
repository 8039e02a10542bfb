/**
 * A problem as a record that actions load and authorize (lib/authz/resource.ts): visible when
 * its project is (the project's county in the actor's scope). Its relations: the lead of its
 * project, its OWN responsible leader and responsible unit (a problem may be given to another
 * leader or unit than its project's). Which relation grants which step is the permission
 * table's (lib/authz/permissions.ts): 销号 only the problem's responsible leader, progress only
 * its unit's members.
 */
import { and, eq } from 'drizzle-orm';
import { problems, projects } from '@/db/schema';
import { projectScope } from '@/lib/authz';
import { defineResource } from '@/lib/authz/resource';
import { projectRelationColumns, type ProjectRelations } from '@/lib/projects/resource';
import type { ProblemRow } from './internal';
import { problemSubject } from './rules';

export interface ProblemRecord {
  problem: ProblemRow;
  project: ProjectRelations & { id: number };
}

export const problemResource = defineResource<ProblemRecord>({
  entity: 'problem',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({
        problem: problems,
        project: { id: projects.id, ...projectRelationColumns },
      })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(and(eq(problems.id, id), projectScope(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: problems }) : await q;
    return row ?? null;
  },
  subject: (r) =>
    problemSubject({
      countyId: r.project.countyId,
      countyIds: r.project.countyIds,
      projectLeadId: r.project.projectLeadId,
      responsibleLeaderId: r.problem.responsibleLeaderId,
      responsibleUnitId: r.problem.responsibleUnitId,
    }),
  version: (r) => r.problem.version,
  id: (r) => r.problem.id,
  current: async (db, id) => {
    const [row] = await db.select().from(problems).where(eq(problems.id, id)).limit(1);
    return row ?? null;
  },
});
