import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { AGENCY_KINDS, PROCEDURE_STATES } from './enums';
import { projects } from './projects';
import { categories, units } from './reference';
import { users } from './users';

/**
 * The working-day calendar's exceptions (节假日与调休), kept by the office per year from the State
 * Council's notice: a weekday that is a holiday (working = false) or a weekend day that is worked
 * (调休上班, working = true). Every other day is a working day from Monday to Friday.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day').primaryKey(),
    working: boolean('working').notNull(),
    /** What the day is (春节, 国庆节调休上班). */
    name: text('name').notNull(),
    updatedById: integer('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_days_name_given', sql`btrim(${t.name}) <> ''`)],
);

/** A procedure template (手续模板) per project type: the procedures a project of the type needs. */
export const procedureTemplates = pgTable(
  'procedure_templates',
  {
    id: serial('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Shipped as an editable default (the seed), not a rule of law. */
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_templates_name_uq').on(t.nameZh), check('procedure_templates_name_given', sql`btrim(${t.nameZh}) <> ''`)],
);

/** The project categories a template is proposed for. */
export const procedureTemplateCategories = pgTable(
  'procedure_template_categories',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => procedureTemplates.id, { onDelete: 'cascade' }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code, { onUpdate: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.categoryCode] })],
);

/** The time limits and what is common to a template's step and a project's procedure. */
const limits = () => ({
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  agencyKind: text('agency_kind', { enum: AGENCY_KINDS }).notNull(),
  /** 法定时限, working days. */
  statutoryDays: smallint('statutory_days').notNull(),
  /** 承诺时限, working days (not longer than the statutory limit). */
  committedDays: smallint('committed_days').notNull(),
  /** The documents the application needs (申报材料). */
  documents: text('documents').notNull().default(''),
  /** On the path to 开工: works cannot start before it is approved. */
  beforeStart: boolean('before_start').notNull().default(true),
  sort: smallint('sort').notNull().default(0),
});

const limitChecks = (prefix: string, t: { statutoryDays: unknown; committedDays: unknown; nameZh: unknown }) => [
  check(`${prefix}_days_range`, sql`${t.committedDays} BETWEEN 1 AND ${t.statutoryDays} AND ${t.statutoryDays} <= 365`),
  check(`${prefix}_name_given`, sql`btrim(${t.nameZh}) <> ''`),
];

export const procedureTemplateSteps = pgTable(
  'procedure_template_steps',
  {
    id: serial('id').primaryKey(),
    templateId: integer('template_id')
      .notNull()
      .references(() => procedureTemplates.id, { onDelete: 'cascade' }),
    ...limits(),
  },
  (t) => [uniqueIndex('procedure_template_steps_name_uq').on(t.templateId, t.nameZh), ...limitChecks('procedure_template_steps', t)],
);

/** Serial order in a template: a step is accepted only after the steps it depends on are approved. */
export const procedureTemplateStepDeps = pgTable(
  'procedure_template_step_deps',
  {
    stepId: integer('step_id')
      .notNull()
      .references(() => procedureTemplateSteps.id, { onDelete: 'cascade' }),
    dependsOnId: integer('depends_on_id')
      .notNull()
      .references(() => procedureTemplateSteps.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.stepId, t.dependsOnId] }),
    check('procedure_template_step_deps_distinct', sql`${t.stepId} <> ${t.dependsOnId}`),
  ],
);

/**
 * A project's approval procedure (项目审批手续), made from its type's template and then adjusted.
 * The clock runs in working days from acceptance (已受理) against the committed and the statutory
 * limit; a return for correction (退回补正) stops it, and a new acceptance starts it again.
 */
export const projectProcedures = pgTable(
  'project_procedures',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The template step it was made from (null: added by hand). */
    templateStepId: integer('template_step_id').references(() => procedureTemplateSteps.id, { onDelete: 'set null' }),
    ...limits(),
    /** The approving unit (null until the office names it: no unit of the kind, or several). */
    agencyUnitId: integer('agency_unit_id').references(() => units.id),
    state: text('state', { enum: PROCEDURE_STATES }).notNull().default('not_started'),
    notApplicableReason: text('not_applicable_reason'),
    submittedOn: date('submitted_on'),
    acceptedOn: date('accepted_on'),
    approvedOn: date('approved_on'),
    /** 批复文号. */
    documentNumber: text('document_number'),
    /** The joint session (联办) that accepted it, if it was accepted with others. */
    batchId: integer('batch_id').references((): AnyPgColumn => procedureBatches.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    updatedById: integer('updated_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_procedures_name_uq').on(t.projectId, t.nameZh),
    index('project_procedures_agency_idx').on(t.agencyUnitId, t.state),
    index('project_procedures_state_idx').on(t.state, t.acceptedOn),
    ...limitChecks('project_procedures', t),
    check(
      'project_procedures_not_applicable_reason',
      sql`(${t.state} = 'not_applicable') = (${t.notApplicableReason} IS NOT NULL AND btrim(${t.notApplicableReason}) <> '')`,
    ),
    check(
      'project_procedures_accepted_dated',
      sql`${t.state} NOT IN ('accepted', 'in_progress', 'approved') OR ${t.acceptedOn} IS NOT NULL`,
    ),
    check(
      'project_procedures_approved_dated',
      sql`(${t.state} = 'approved') = (${t.approvedOn} IS NOT NULL) AND (${t.state} <> 'approved' OR btrim(coalesce(${t.documentNumber}, '')) <> '')`,
    ),
    check(
      'project_procedures_dates_ordered',
      sql`(${t.submittedOn} IS NULL OR ${t.acceptedOn} IS NULL OR ${t.submittedOn} <= ${t.acceptedOn}) AND (${t.acceptedOn} IS NULL OR ${t.approvedOn} IS NULL OR ${t.acceptedOn} <= ${t.approvedOn})`,
    ),
  ],
);

/**
 * A joint handling session (联审/联办) the office starts for a project: the parallel procedures it
 * names are accepted together, so each agency's clock starts at the same moment.
 */
export const procedureBatches = pgTable(
  'procedure_batches',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    /** 联审结论. */
    outcome: text('outcome').notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('procedure_batches_project_idx').on(t.projectId, t.id),
    check('procedure_batches_outcome_given', sql`btrim(${t.outcome}) <> ''`),
  ],
);

/** Serial order within a project's plan (both procedures of the same project). */
export const projectProcedureDeps = pgTable(
  'project_procedure_deps',
  {
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => projectProcedures.id, { onDelete: 'cascade' }),
    dependsOnId: integer('depends_on_id')
      .notNull()
      .references(() => projectProcedures.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.procedureId, t.dependsOnId] }),
    index('project_procedure_deps_depends_idx').on(t.dependsOnId),
    check('project_procedure_deps_distinct', sql`${t.procedureId} <> ${t.dependsOnId}`),
  ],
);

/** The history of a procedure: every step, with who, when, the dates entered and the note. */
export const procedureEvents = pgTable(
  'procedure_events',
  {
    id: serial('id').primaryKey(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => projectProcedures.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id),
    /** The step taken (created, start, accept, process, return, approve, not_applicable, reinstate, edit). */
    step: text('step').notNull(),
    fromState: text('from_state', { enum: PROCEDURE_STATES }),
    toState: text('to_state', { enum: PROCEDURE_STATES }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('procedure_events_procedure_idx').on(t.procedureId, t.id)],
);
