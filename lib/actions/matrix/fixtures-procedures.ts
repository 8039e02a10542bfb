/**
 * Fixtures of the authorization matrix: the approval procedures (手续联办). A procedure belongs to a
 * project in county A; its relations are the project's lead and responsible leader and, as its
 * unit, its approving agency (the case's unit when the case holds `unitMember`).
 */
import { procedureTemplateSteps, procedureTemplates, projectProcedures, projects } from '@/db/schema';
import type { ProcedureState } from '@/db/schema/enums';
import { type CaseContext, caseProject, type Fixture, onProjectRecord, unique } from './world';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('fixture: INSERT returned no row');
  return row;
}

/** A procedure of a case project in the given state, approved by the case's agency unit. */
async function caseProcedure(c: CaseContext, state: ProcedureState) {
  const p = await caseProject(c);
  const accepted = ['accepted', 'in_progress'].includes(state);
  return one(
    await c.tx
      .insert(projectProcedures)
      .values({
        projectId: p.id,
        nameZh: `环境影响评价批复${unique()}`,
        nameEn: 'EIA',
        agencyKind: 'ecology_environment',
        agencyUnitId: c.people.responsibleUnitId,
        statutoryDays: 60,
        committedDays: 20,
        state,
        acceptedOn: accepted ? '2025-06-02' : null,
        notApplicableReason: state === 'not_applicable' ? '报告表项目' : null,
      })
      .returning(),
  );
}

const step = (state: ProcedureState, input: Record<string, unknown> = {}): Fixture =>
  onProjectRecord(async (c) => {
    const proc = await caseProcedure(c, state);
    return { input: { id: proc.id, version: proc.version, ...input }, target: { table: projectProcedures, id: proc.id } };
  });

export const PROCEDURE_FIXTURES: Record<string, Fixture> = {
  'procedure.start': step('not_started', { note: '准备材料' }),
  'procedure.accept': step('preparing', { acceptedOn: '2025-06-10' }),
  'procedure.process': step('accepted'),
  'procedure.return': step('in_progress', { note: '补充公众参与说明' }),
  'procedure.approve': step('in_progress', { approvedOn: '2025-06-12', documentNumber: '塔环审〔2025〕8号' }),
  'procedure.notApplicable': step('not_started', { reason: '不涉及林地' }),
  'procedure.reinstate': step('not_applicable'),
  'procedure.setAgency': onProjectRecord(async (c) => {
    const proc = await caseProcedure(c, 'not_started');
    return {
      input: { id: proc.id, version: proc.version, agencyUnitId: c.world.otherUnit.id },
      target: { table: projectProcedures, id: proc.id },
    };
  }),
  'procedure.applyTemplate': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    const template = one(
      await c.tx
        .insert(procedureTemplates)
        .values({ nameZh: `模板${unique()}`, nameEn: 'T' })
        .returning(),
    );
    await c.tx.insert(procedureTemplateSteps).values({
      templateId: template.id,
      nameZh: '项目备案',
      nameEn: 'Registration',
      agencyKind: 'development_reform',
      statutoryDays: 3,
      committedDays: 1,
    });
    return { input: { projectId: p.id, templateId: template.id }, target: { table: projects, id: p.id } };
  }),
  'procedure.add': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return {
      input: { projectId: p.id, nameZh: '取水许可', agencyKind: 'water', statutoryDays: 45, committedDays: 20, beforeStart: true },
      target: { table: projects, id: p.id },
    };
  }),
};
