/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * Procedure plans (手续联办) for two demo projects, made from the default templates and moved
 * along as an office would record them, with dates relative to DEMO_AS_OF: some approved, one
 * running past its committed limit (so the agency queue and the project page have an overdue
 * step to show), one returned for correction, one not applying.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { procedureEvents, procedureTemplates, projectProcedures } from '@/db/schema';
import type { ProcedureState } from '@/db/schema/enums';
import { addDays } from '@/lib/calendar/working-days';
import { applyTemplateTo } from '@/lib/procedures/apply-template';
import { DEMO_AS_OF } from './demo';

interface DemoStep {
  /** The start of the procedure's name. */
  name: string;
  state: ProcedureState;
  /** Days before DEMO_AS_OF it was accepted, and (if approved) approved. */
  acceptedDaysAgo?: number;
  approvedDaysAgo?: number;
  documentNumber?: string;
  reason?: string;
  note?: string;
}

const PLANS: readonly { project: string; template: string; steps: readonly DemoStep[] }[] = [
  {
    project: 'TC2025-007',
    template: '水利项目（政府投资·审批制）',
    steps: [
      { name: '用地预审', state: 'approved', acceptedDaysAgo: 120, approvedDaysAgo: 104, documentNumber: '新自然资预〔示例〕18号' },
      { name: '社会稳定', state: 'approved', acceptedDaysAgo: 110, approvedDaysAgo: 90, documentNumber: '塔发改稳评〔示例〕3号' },
      { name: '可行性研究', state: 'in_progress', acceptedDaysAgo: 21 },
      { name: '环境影响', state: 'in_progress', acceptedDaysAgo: 45, note: '技术评估中' },
      { name: '水土保持', state: 'returned', acceptedDaysAgo: 30, note: '补充弃渣场选址论证' },
      { name: '压覆矿产', state: 'not_applicable', reason: '经查询，项目区无已设矿业权' },
      { name: '文物考古', state: 'preparing' },
    ],
  },
  {
    project: 'TC2025-021',
    template: '工业项目（企业投资·备案制）',
    steps: [
      {
        name: '项目备案',
        state: 'approved',
        acceptedDaysAgo: 60,
        approvedDaysAgo: 59,
        documentNumber: '示例备案号 2026-654221-17-03-000001',
      },
      { name: '用地预审', state: 'approved', acceptedDaysAgo: 50, approvedDaysAgo: 38, documentNumber: '塔自然资预〔示例〕7号' },
      { name: '建设用地规划', state: 'accepted', acceptedDaysAgo: 6 },
      { name: '环境影响', state: 'preparing' },
    ],
  },
];

/** The step that led to each state, for the history. */
const STEP_OF: Record<ProcedureState, string> = {
  not_started: 'created',
  preparing: 'start',
  accepted: 'accept',
  in_progress: 'process',
  returned: 'return',
  approved: 'approve',
  not_applicable: 'notApplicable',
};

export async function seedDemoProcedures(tx: Tx, ctx: { projectIds: Map<string, number>; userIds: Map<string, number> }) {
  const office = ctx.userIds.get('dispatch') ?? null;
  for (const plan of PLANS) {
    const projectId = ctx.projectIds.get(plan.project);
    const [template] = await tx
      .select({ id: procedureTemplates.id })
      .from(procedureTemplates)
      .where(eq(procedureTemplates.nameZh, plan.template));
    if (projectId === undefined || !template) throw new Error(`demo procedures: ${plan.project} or ${plan.template} missing`);
    await applyTemplateTo(tx, projectId, template.id, office);
    const rows = await tx
      .select({ id: projectProcedures.id, nameZh: projectProcedures.nameZh })
      .from(projectProcedures)
      .where(eq(projectProcedures.projectId, projectId));
    // In the plan's order, so a procedure's dependencies are settled before it is accepted.
    for (const step of plan.steps) {
      const row = rows.find((r) => r.nameZh.startsWith(step.name));
      if (!row) throw new Error(`demo procedures: ${plan.project} has no ${step.name}`);
      const day = (ago?: number) => (ago === undefined ? null : addDays(DEMO_AS_OF, -ago));
      await tx
        .update(projectProcedures)
        .set({
          state: step.state,
          submittedOn: day(step.acceptedDaysAgo === undefined ? undefined : step.acceptedDaysAgo + 3),
          acceptedOn: day(step.acceptedDaysAgo),
          approvedOn: day(step.approvedDaysAgo),
          documentNumber: step.documentNumber ?? null,
          notApplicableReason: step.reason ?? null,
          version: 2,
        })
        .where(eq(projectProcedures.id, row.id));
      await tx.insert(procedureEvents).values({
        procedureId: row.id,
        actorId: office,
        step: STEP_OF[step.state],
        fromState: 'not_started',
        toState: step.state,
        note: step.note ?? step.reason ?? null,
      });
    }
  }
}
