/**
 * Fixtures of the authorization matrix: the registry (projects, milestones), the problem list,
 * lights and plans. Each builds, inside the case's transaction, a record in the state the action
 * needs and an input that succeeds when the actor is authorized.
 */
import { annualPlans, lightOverrides, milestones, planYearProjects, planYears, problems, projects, reportingPeriods } from '@/db/schema';
import { makeMilestone } from '@/test/factories';
import { type CaseContext, caseProject, type Fixture, onNoRecord, onProjectRecord, onSharedRecord, unique } from './world';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('fixture: INSERT returned no row');
  return row;
}

/**
 * A problem on a project led by the case's project lead. Its responsible leader and unit are its
 * own (a problem may be given to another leader or unit than its project's): the relations
 * `responsibleLeader` and `unitMember` are the problem's, while the project keeps others'.
 */
async function caseProblem(c: CaseContext, status: (typeof problems.$inferInsert)['status'] = 'open') {
  const project = await caseProject(c, { responsibleLeaderId: c.world.others.leader.id, responsibleUnitId: c.world.otherUnit.id });
  return one(
    await c.tx
      .insert(problems)
      .values({
        projectId: project.id,
        description: '征地拆迁尚未完成，影响主体施工',
        type: 'land',
        responsibleUnitId: c.people.responsibleUnitId,
        responsibleLeaderId: c.people.responsibleLeaderId,
        deadline: '2025-07-31',
        raisedById: c.world.others.lead.id,
        status,
        resolution: status === 'resolved' || status === 'closed' ? '已完成征地补偿' : null,
        resolvedAt: status === 'resolved' || status === 'closed' ? new Date('2025-06-10T02:00:00Z') : null,
      })
      .returning(),
  );
}

/** The problem's relations: its project's lead, its own responsible leader and responsible unit. */
const onProblem = (build: Fixture['build']) => onProjectRecord(build);

const problemStep = (status: (typeof problems.$inferInsert)['status'], extra: Record<string, unknown> = {}) =>
  onProblem(async (c) => {
    const p = await caseProblem(c, status);
    return { input: { id: p.id, version: p.version, ...extra }, target: { table: problems, id: p.id } };
  });

export const PROJECT_FIXTURES: Record<string, Fixture> = {
  // ── The registry ──────────────────────────────────────────────────────────────────────
  'project.create': onNoRecord(async (c) => ({
    input: {
      code: `MX-${unique()}`,
      name: '矩阵测试项目',
      categoryCode: c.world.category.code,
      countyId: c.countyId,
      stage: 'construction',
      status: 'on_track',
    },
  })),
  'project.update': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return { input: { id: p.id, version: p.version, name: '改名后的项目' }, target: { table: projects, id: p.id } };
  }),
  // A record that may be another's duplicate: the decision is the prefecture office's.
  'project.decideDuplicate': onProjectRecord(async (c) => {
    const other = await caseProject(c);
    const p = await caseProject(c, { possibleDuplicateOfId: other.id, duplicateDecision: 'unconfirmed' });
    return { input: { id: p.id, version: p.version, decision: 'same' }, target: { table: projects, id: p.id } };
  }),
  'milestone.create': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return {
      input: { projectId: p.id, kind: 'other', name: '新节点', plannedDate: '2025-09-30', status: 'not_started' },
      target: { table: projects, id: p.id },
    };
  }),
  'milestone.update': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    const m = await makeMilestone({ projectId: p.id, status: 'not_started' }, c.tx);
    return { input: { id: m.id, version: m.version, status: 'in_progress' }, target: { table: milestones, id: m.id } };
  }),

  // ── The problem list ──────────────────────────────────────────────────────────────────
  'problem.create': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return {
      input: {
        projectId: p.id,
        description: '资金缺口需协调',
        type: 'funding',
        // Given explicitly: the project's own may be the actor, who need not be a leader.
        responsibleUnitId: c.world.otherUnit.id,
        responsibleLeaderId: c.world.others.leader.id,
        deadline: '2025-08-31',
      },
      target: { table: projects, id: p.id },
    };
  }),
  'problem.update': problemStep('open', { description: '征地拆迁进度滞后，需县政府协调' }),
  'problem.start': problemStep('open'),
  'problem.resolve': problemStep('in_progress', { resolution: '已完成征地补偿' }),
  'problem.close': problemStep('resolved'),
  'problem.reopen': problemStep('resolved', { reason: '现场核实仍未完成' }),
  'problem.comment': onProblem(async (c) => {
    const p = await caseProblem(c);
    return { input: { problemId: p.id, body: '请尽快反馈进展' }, target: { table: problems, id: p.id } };
  }),

  // ── Lights and plans ──────────────────────────────────────────────────────────────────
  'lights.override': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return { input: { projectId: p.id, light: 'red', reason: '征地受阻', endsOn: '2025-07-31' }, target: { table: projects, id: p.id } };
  }),
  'lights.override.clear': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    const o = one(
      await c.tx
        .insert(lightOverrides)
        .values({
          projectId: p.id,
          light: 'red',
          reason: '征地受阻',
          startsOn: '2025-06-01',
          endsOn: '2025-07-31',
          createdById: c.world.others.leader.id,
        })
        .returning(),
    );
    return { input: { overrideId: o.id, version: o.version }, target: { table: lightOverrides, id: o.id } };
  }),
  'lights.compute': onSharedRecord(async (c) => {
    await caseProject(c);
    const period = one(
      await c.tx
        .insert(reportingPeriods)
        .values({ kind: 'monthly', startDate: '2025-06-01', endDate: '2025-06-30', dueDate: '2025-07-05' })
        .returning(),
    );
    return { input: { periodId: period.id }, target: { table: reportingPeriods, id: period.id } };
  }),
  'lights.plan.save': onProjectRecord(async (c) => {
    const p = await caseProject(c);
    return { input: { projectId: p.id, year: 2025, plannedInvestment: '1200.00' }, target: { table: projects, id: p.id } };
  }),
  'lights.baseline.freeze': onNoRecord(async (c) => {
    const p = await caseProject(c, { annualPlannedInvestment: '1000.00' });
    const plan = one(await c.tx.insert(annualPlans).values({ projectId: p.id, year: 2025, plannedInvestment: '900.00' }).returning());
    return { input: { year: 2025 }, target: { table: annualPlans, id: plan.id } };
  }),
  // The year's list is the prefecture's, shared by every scope; the rollover is prefecture-only.
  'planYear.rollover': onSharedRecord(async (c) => {
    const p = await caseProject(c);
    const list = one(await c.tx.insert(planYears).values({ year: 2030 }).returning());
    await c.tx.insert(planYearProjects).values({ year: 2030, projectId: p.id, joinedAs: 'new' });
    return {
      input: { fromYear: 2030, version: list.version, decisions: [{ projectId: p.id, decision: 'continue' }] },
      target: { table: planYears, id: list.id },
    };
  }),
};
