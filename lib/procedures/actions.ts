'use server';
/**
 * The approval procedures' mutations (手续联办), each through the one action wrapper: the office
 * applies a template to a project and adds or sets aside procedures (procedure.plan); the project
 * lead starts preparing the application (procedure.prepare); the approving agency accepts,
 * processes, returns for correction and approves (procedure.handle: a department user of the
 * procedure's own unit, or the office on its behalf). Every step is taken against the version the
 * user saw (a stale one is the conflict answer) and kept in the procedure's history.
 */
import { and, eq } from 'drizzle-orm';
import { procedureEvents, procedureTemplates, projectProcedureDeps, projectProcedures, units } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { AppError } from '@/lib/errors';
import { projectResource } from '@/lib/projects/resource';
import { applyTemplateTo } from './apply-template';
import { procedureResource } from './resource';
import {
  acceptProcedureSchema,
  addProcedureSchema,
  applyTemplateSchema,
  approveProcedureSchema,
  notApplicableSchema,
  processProcedureSchema,
  reinstateProcedureSchema,
  returnProcedureSchema,
  setAgencySchema,
  startProcedureSchema,
} from './schemas';
import { takeStep } from './take-step';

const load = { resource: procedureResource, id: 'id', version: 'version', lock: true } as const;

export const startProcedure = createAction({
  name: 'procedure.start',
  schema: startProcedureSchema,
  permission: 'procedure.prepare',
  load,
  run: (ctx) => takeStep(ctx, 'start', {}, ctx.input.note),
});

export const acceptProcedure = createAction({
  name: 'procedure.accept',
  schema: acceptProcedureSchema,
  permission: 'procedure.handle',
  load,
  run: (ctx) =>
    takeStep(
      ctx,
      'accept',
      // A new acceptance after a return starts the clock again; the first submission date stays.
      { acceptedOn: ctx.input.acceptedOn, submittedOn: ctx.record.procedure.submittedOn ?? ctx.input.submittedOn ?? ctx.input.acceptedOn },
      ctx.input.note,
    ),
});

export const processProcedure = createAction({
  name: 'procedure.process',
  schema: processProcedureSchema,
  permission: 'procedure.handle',
  load,
  run: (ctx) => takeStep(ctx, 'process', {}, ctx.input.note),
});

export const returnProcedure = createAction({
  name: 'procedure.return',
  schema: returnProcedureSchema,
  permission: 'procedure.handle',
  load,
  run: (ctx) => takeStep(ctx, 'return', {}, ctx.input.note),
});

export const approveProcedure = createAction({
  name: 'procedure.approve',
  schema: approveProcedureSchema,
  permission: 'procedure.handle',
  load,
  run: (ctx) => {
    const accepted = ctx.record.procedure.acceptedOn;
    if (accepted && ctx.input.approvedOn < accepted)
      throw new AppError('INVALID', 'approved before accepted', {
        fieldErrors: { approvedOn: ['procedures.error.approvedBeforeAccepted'] },
      });
    return takeStep(ctx, 'approve', { approvedOn: ctx.input.approvedOn, documentNumber: ctx.input.documentNumber }, ctx.input.note);
  },
});

export const markProcedureNotApplicable = createAction({
  name: 'procedure.notApplicable',
  schema: notApplicableSchema,
  permission: 'procedure.plan',
  load,
  run: (ctx) => takeStep(ctx, 'notApplicable', { notApplicableReason: ctx.input.reason }, ctx.input.note ?? ctx.input.reason),
});

export const reinstateProcedure = createAction({
  name: 'procedure.reinstate',
  schema: reinstateProcedureSchema,
  permission: 'procedure.plan',
  load,
  run: (ctx) => takeStep(ctx, 'reinstate', { notApplicableReason: null }, ctx.input.note),
});

/** The office makes (or completes) a project's plan from a template. */
export const applyProcedureTemplate = createAction({
  name: 'procedure.applyTemplate',
  schema: applyTemplateSchema,
  permission: 'procedure.plan',
  load: { resource: projectResource, id: 'projectId', lock: true },
  run: async ({ actor, input, tx, audit }) => {
    const [template] = await tx
      .select({ id: procedureTemplates.id, nameZh: procedureTemplates.nameZh })
      .from(procedureTemplates)
      .where(and(eq(procedureTemplates.id, input.templateId), eq(procedureTemplates.active, true)))
      .limit(1);
    if (!template) throw new AppError('INVALID', 'no such template', { fieldErrors: { templateId: ['validation.invalidChoice'] } });
    const applied = await applyTemplateTo(tx, input.projectId, template.id, actor.id);
    await audit({
      action: 'procedure.applyTemplate',
      entityType: 'project',
      entityId: input.projectId,
      after: { template: template.nameZh, created: applied.created.map((c) => c.nameZh), skipped: applied.skipped },
    });
    return { created: applied.created.length, skipped: applied.skipped.length };
  },
});

/** The office adds a procedure the template does not have (or a project without a template needs). */
export const addProcedure = createAction({
  name: 'procedure.add',
  schema: addProcedureSchema,
  permission: 'procedure.plan',
  load: { resource: projectResource, id: 'projectId', lock: true },
  run: async ({ actor, input, tx, audit }) => {
    const plan = await tx
      .select({ id: projectProcedures.id, nameZh: projectProcedures.nameZh, sort: projectProcedures.sort })
      .from(projectProcedures)
      .where(eq(projectProcedures.projectId, input.projectId));
    if (plan.some((p) => p.nameZh === input.nameZh))
      throw new AppError('INVALID', 'name taken', { fieldErrors: { nameZh: ['procedures.error.nameTaken'] } });
    const inPlan = new Set(plan.map((p) => p.id));
    if (input.dependsOn.some((id) => !inPlan.has(id)))
      throw new AppError('INVALID', 'dependency outside the plan', { fieldErrors: { dependsOn: ['validation.invalidChoice'] } });
    if (input.agencyUnitId) {
      const [unit] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, input.agencyUnitId), eq(units.active, true)))
        .limit(1);
      if (!unit) throw new AppError('INVALID', 'no such unit', { fieldErrors: { agencyUnitId: ['validation.invalidChoice'] } });
    }
    const [row] = await tx
      .insert(projectProcedures)
      .values({
        projectId: input.projectId,
        nameZh: input.nameZh,
        nameEn: input.nameEn ?? input.nameZh,
        agencyKind: input.agencyKind,
        agencyUnitId: input.agencyUnitId ?? null,
        statutoryDays: input.statutoryDays,
        committedDays: input.committedDays,
        documents: input.documents,
        beforeStart: input.beforeStart,
        sort: plan.reduce((m, p) => Math.max(m, p.sort), 0) + 1,
        updatedById: actor.id,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', 'insert returned nothing');
    // A new procedure depends on others; nothing depends on it yet, so no cycle can close.
    if (input.dependsOn.length)
      await tx.insert(projectProcedureDeps).values(input.dependsOn.map((d) => ({ procedureId: row.id, dependsOnId: d })));
    await tx
      .insert(procedureEvents)
      .values({ procedureId: row.id, actorId: actor.id, step: 'created', fromState: null, toState: 'not_started' });
    await audit({
      action: 'procedure.add',
      entityType: 'procedure',
      entityId: row.id,
      after: { projectId: row.projectId, nameZh: row.nameZh, agencyKind: row.agencyKind, dependsOn: input.dependsOn },
    });
    return { id: row.id };
  },
});

/** The office names the unit that approves a procedure (its kind's unit was not found, or another one handles it). */
export const setProcedureAgency = createAction({
  name: 'procedure.setAgency',
  schema: setAgencySchema,
  permission: 'procedure.plan',
  load,
  run: async ({ actor, input, tx, audit, record }) => {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.agencyUnitId), eq(units.active, true)))
      .limit(1);
    if (!unit) throw new AppError('INVALID', 'no such unit', { fieldErrors: { agencyUnitId: ['validation.invalidChoice'] } });
    const before = record.procedure;
    const [row] = await tx
      .update(projectProcedures)
      .set({ agencyUnitId: unit.id, version: before.version + 1, updatedById: actor.id })
      .where(eq(projectProcedures.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL', 'update returned nothing');
    await tx
      .insert(procedureEvents)
      .values({ procedureId: row.id, actorId: actor.id, step: 'setAgency', fromState: before.state, toState: row.state });
    await audit({
      action: 'procedure.setAgency',
      entityType: 'procedure',
      entityId: row.id,
      before: { agencyUnitId: before.agencyUnitId },
      after: { agencyUnitId: row.agencyUnitId },
    });
    return { id: row.id, version: row.version };
  },
});
