/**
 * The world of the procedure tests: a project of county A with a plan made from a small template
 * (用地预审 → 可研批复, 环评 in parallel), the agencies as units of their kinds, and the people
 * who act on it: the office, the two agencies' department users, the project lead, and a county
 * B office that must not find it.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { procedureTemplateStepDeps, procedureTemplateSteps, procedureTemplates, projectProcedures } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { actorOf, makeCategory, makeCounty, makeProject, makeUnit, makeUser } from '@/test/factories';
import { applyTemplateTo } from './apply-template';

export async function buildProcedureWorld(db: Db) {
  const countyA = await makeCounty();
  const countyB = await makeCounty();
  const category = await makeCategory();
  const zrj = await makeUnit({ nameZh: '测试自然资源局', agencyKind: 'natural_resources' });
  const fgw = await makeUnit({ nameZh: '测试发改委', agencyKind: 'development_reform' });
  const sthj = await makeUnit({ nameZh: '测试生态环境局', agencyKind: 'ecology_environment' });
  const lead = await makeUser({ role: 'lead', countyId: countyA.id });
  const project = await makeProject({ countyId: countyA.id, categoryCode: category.code, projectLeadId: lead.id, stage: 'preliminary' });
  const [template] = await db.insert(procedureTemplates).values({ nameZh: '测试模板', nameEn: 'Test template' }).returning();
  const steps = await db
    .insert(procedureTemplateSteps)
    .values([
      {
        templateId: template!.id,
        nameZh: '用地预审与选址意见书',
        nameEn: 'Land',
        agencyKind: 'natural_resources',
        statutoryDays: 20,
        committedDays: 10,
        sort: 1,
      },
      {
        templateId: template!.id,
        nameZh: '可行性研究报告批复',
        nameEn: 'Feasibility',
        agencyKind: 'development_reform',
        statutoryDays: 20,
        committedDays: 10,
        sort: 2,
      },
      {
        templateId: template!.id,
        nameZh: '环境影响评价批复',
        nameEn: 'EIA',
        agencyKind: 'ecology_environment',
        statutoryDays: 60,
        committedDays: 20,
        sort: 3,
      },
    ])
    .returning();
  await db.insert(procedureTemplateStepDeps).values({ stepId: steps[1]!.id, dependsOnId: steps[0]!.id });
  const actors: Record<'office' | 'zrj' | 'fgw' | 'sthj' | 'lead' | 'otherLead' | 'countyB' | 'viewer', Actor> = {
    office: actorOf(await makeUser({ role: 'dispatch' })),
    zrj: actorOf(await makeUser({ role: 'department', unitId: zrj.id })),
    fgw: actorOf(await makeUser({ role: 'department', unitId: fgw.id })),
    sthj: actorOf(await makeUser({ role: 'department', unitId: sthj.id })),
    lead: actorOf(lead),
    otherLead: actorOf(await makeUser({ role: 'lead', countyId: countyA.id })),
    countyB: actorOf(await makeUser({ role: 'dispatch', countyId: countyB.id })),
    viewer: actorOf(await makeUser({ role: 'viewer' })),
  };
  return { countyA, countyB, project, template: template!, units: { zrj, fgw, sthj }, actors };
}

export type ProcedureWorld = Awaited<ReturnType<typeof buildProcedureWorld>>;

/** The plan of the world's project made from its template; its procedures by their short name. */
export async function planOf(db: Db, w: ProcedureWorld) {
  await applyTemplateTo(db, w.project.id, w.template.id, w.actors.office.id);
  const rows = await db.select().from(projectProcedures).where(eq(projectProcedures.projectId, w.project.id));
  const byName = (name: string) => rows.find((r) => r.nameZh.startsWith(name))!;
  return { land: byName('用地预审'), feasibility: byName('可行性'), eia: byName('环境影响') };
}

export async function procedureRow(db: Db, id: number) {
  const [row] = await db.select().from(projectProcedures).where(eq(projectProcedures.id, id));
  return row!;
}
