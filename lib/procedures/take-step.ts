/**
 * One step of a procedure (手续办理), as every step action takes it: the state must allow it
 * (else the user is told the procedure has moved on), an acceptance needs the procedures it
 * depends on approved or not applying (the database's trigger says the same), and the change,
 * its history entry and its audit event are written together.
 */
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { procedureEvents, projectProcedureDeps, projectProcedures } from '@/db/schema';
import type { AuditInput } from '@/lib/audit/record';
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { ProcedureRecord, ProcedureRow } from './resource';
import { type ProcedureStep, SETTLED, STEP_RULES } from './rules';

export function wrongProcedureState(): AppError {
  return new AppError('INVALID', 'not allowed in this state', {
    messageKey: 'procedures.error.wrongState',
    fieldErrors: { state: ['procedures.error.wrongState'] },
  });
}

/** The names of the procedures it waits for that are neither approved nor not applying. */
export async function openDependencies(tx: Tx, procedureId: number): Promise<string[]> {
  const rows = await tx
    .select({ name: projectProcedures.nameZh })
    .from(projectProcedureDeps)
    .innerJoin(projectProcedures, eq(projectProcedures.id, projectProcedureDeps.dependsOnId))
    .where(and(eq(projectProcedureDeps.procedureId, procedureId), notInArray(projectProcedures.state, [...SETTLED])));
  return rows.map((r) => r.name);
}

const pick = (p: ProcedureRow) => ({
  state: p.state,
  submittedOn: p.submittedOn,
  acceptedOn: p.acceptedOn,
  approvedOn: p.approvedOn,
  documentNumber: p.documentNumber,
  notApplicableReason: p.notApplicableReason,
  batchId: p.batchId,
});

interface StepContext {
  actor: Actor;
  tx: Tx;
  record: ProcedureRecord;
  audit: (ev: AuditInput) => Promise<void>;
}

export async function takeStep(
  { actor, tx, record, audit }: StepContext,
  step: ProcedureStep,
  changes: Partial<typeof projectProcedures.$inferInsert>,
  note: string | null | undefined,
): Promise<{ id: number; version: number; state: ProcedureRow['state'] }> {
  const before = record.procedure;
  const rule = STEP_RULES[step];
  if (!rule.from.includes(before.state)) throw wrongProcedureState();
  if (rule.to === 'accepted') {
    const open = await openDependencies(tx, before.id);
    if (open.length)
      throw new AppError('INVALID', 'dependencies not approved', {
        messageKey: 'procedures.error.dependenciesOpen',
        messageValues: { names: open.join('、') },
      });
  }
  const [row] = await tx
    .update(projectProcedures)
    .set({ ...changes, state: rule.to, version: sql`${projectProcedures.version} + 1`, updatedById: actor.id, updatedAt: now() })
    .where(eq(projectProcedures.id, before.id))
    .returning();
  if (!row) throw new AppError('INTERNAL', 'update returned nothing');
  await tx
    .insert(procedureEvents)
    .values({ procedureId: row.id, actorId: actor.id, step, fromState: before.state, toState: row.state, note: note ?? null });
  await audit({ action: `procedure.${step}`, entityType: 'procedure', entityId: row.id, before: pick(before), after: pick(row) });
  return { id: row.id, version: row.version, state: row.state };
}
