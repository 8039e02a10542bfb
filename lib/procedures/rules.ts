/**
 * The steps of an approval procedure (手续办理): which state each starts from, where it leads and
 * which permission takes it. No drizzle, no zod: the pages use it to offer only the steps a
 * state allows, and the actions to refuse the others.
 *
 *   未启动 ─start→ 准备材料 ─accept→ 已受理 ─process→ 办理中 ─approve→ 已批复
 *                       ↑            └──return──→ 退回补正 ─accept→ 已受理
 *   any open state ─notApplicable→ 不涉及 ─reinstate→ 未启动
 *
 * The agency may accept an application the lead never marked as being prepared (未启动 → 已受理).
 */
import type { Permission } from '@/lib/authz/permissions';
import type { ProcedureState } from '@/db/schema/enums';

export const PROCEDURE_STEPS = ['start', 'accept', 'process', 'return', 'approve', 'notApplicable', 'reinstate'] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export const STEP_RULES: Readonly<Record<ProcedureStep, { from: readonly ProcedureState[]; to: ProcedureState; permission: Permission }>> =
  {
    start: { from: ['not_started'], to: 'preparing', permission: 'procedure.prepare' },
    accept: { from: ['not_started', 'preparing', 'returned'], to: 'accepted', permission: 'procedure.handle' },
    process: { from: ['accepted'], to: 'in_progress', permission: 'procedure.handle' },
    return: { from: ['accepted', 'in_progress'], to: 'returned', permission: 'procedure.handle' },
    approve: { from: ['accepted', 'in_progress'], to: 'approved', permission: 'procedure.handle' },
    notApplicable: { from: ['not_started', 'preparing', 'returned'], to: 'not_applicable', permission: 'procedure.plan' },
    reinstate: { from: ['not_applicable'], to: 'not_started', permission: 'procedure.plan' },
  };

/** The states in which an agency's clock runs (working days since acceptance). */
export const CLOCK_RUNNING: readonly ProcedureState[] = ['accepted', 'in_progress'];

/** Done for the serial rule: a procedure that depends on it may be accepted. */
export const SETTLED: readonly ProcedureState[] = ['approved', 'not_applicable'];

export const stepsFrom = (state: ProcedureState): ProcedureStep[] => PROCEDURE_STEPS.filter((s) => STEP_RULES[s].from.includes(state));
