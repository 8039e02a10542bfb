import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { categories, counties, units } from './reference';
import { users } from './users';

import { DUPLICATE_DECISIONS, MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES, STAGES } from './enums';

export { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES, STAGES };
export type { MilestoneKind, MilestoneStatus, ProjectStatus, Stage } from './enums';

/**
 * Where a registry fact came from: the government work report (its words), an interpretation of
 * the report (a value read from a verbatim quote, with a note saying what was inferred), the
 * demo data set, or a user.
 */
export type FactSource =
  | { kind: 'report'; section: string; quote: string }
  | { kind: 'interpretation'; section: string; quote: string; note: string; noteEn: string }
  | { kind: 'demo' }
  | { kind: 'user' };
export type FactSources = Partial<Record<string, FactSource>>;

/** The key-project registry (项目库). Money is in 万元, stored as numeric, never float. */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nationalCode: text('national_code'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    /**
     * The responsible level: a county, or null = 地区级 (the prefecture is responsible). Where the
     * project is (the counties it touches) is project_counties; this county is always among them.
     */
    countyId: integer('county_id').references(() => counties.id),
    /** 建设地点: where the project is built, as the office writes it (free text). */
    location: text('location'),
    constructionContent: text('construction_content'),
    capacity: numeric('capacity', { precision: 14, scale: 2 }),
    capacityUnit: text('capacity_unit'),
    totalInvestment: numeric('total_investment', { precision: 14, scale: 2 }),
    annualPlannedInvestment: numeric('annual_planned_investment', { precision: 14, scale: 2 }),
    startDate: date('start_date'),
    plannedCompletionDate: date('planned_completion_date'),
    stage: text('stage', { enum: STAGES }).notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('on_track'),
    responsibleLeaderId: integer('responsible_leader_id').references(() => users.id),
    responsibleUnitId: integer('responsible_unit_id').references(() => units.id),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    projectLeadId: integer('project_lead_id').references(() => users.id),
    targetYear: smallint('target_year'),
    annualTarget: text('annual_target'),
    sources: jsonb('sources').$type<FactSources>().notNull().default({}),
    /**
     * Another record that may be the same project (two statements of the report), and the office's
     * decision on it (meaningful only while the other record exists).
     */
    possibleDuplicateOfId: integer('possible_duplicate_of_id').references((): AnyPgColumn => projects.id, { onDelete: 'set null' }),
    duplicateDecision: text('duplicate_decision', { enum: DUPLICATE_DECISIONS }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_category_idx').on(t.categoryCode, t.id),
    index('projects_county_idx').on(t.countyId, t.id),
    index('projects_stage_idx').on(t.stage, t.id),
    index('projects_status_idx').on(t.status, t.id),
    index('projects_leader_idx').on(t.responsibleLeaderId, t.id),
    index('projects_runit_idx').on(t.responsibleUnitId, t.id),
    index('projects_lead_idx').on(t.projectLeadId),
    index('projects_name_idx').on(t.name, t.id),
    index('projects_total_inv_idx').on(t.totalInvestment, t.id),
    index('projects_updated_idx').on(t.updatedAt, t.id),
    check('projects_total_inv_nonneg', sql`${t.totalInvestment} IS NULL OR ${t.totalInvestment} >= 0`),
    check('projects_annual_inv_nonneg', sql`${t.annualPlannedInvestment} IS NULL OR ${t.annualPlannedInvestment} >= 0`),
    check('projects_capacity_nonneg', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check(
      'projects_dates_order',
      sql`${t.startDate} IS NULL OR ${t.plannedCompletionDate} IS NULL OR ${t.startDate} <= ${t.plannedCompletionDate}`,
    ),
    check('projects_name_nonempty', sql`length(btrim(${t.name})) > 0`),
    check('projects_duplicate_not_self', sql`${t.possibleDuplicateOfId} IS NULL OR ${t.possibleDuplicateOfId} <> ${t.id}`),
  ],
);

/**
 * The counties a project touches (its location): S317 裕民—托里 touches 裕民县 and 托里县. A
 * county user sees every project that touches their county (lib/authz/scope.ts). No row = the
 * location is not reported (未填报). The responsible county (projects.county_id) is always one of
 * them: the project actions write it, and a trigger adds it on any insert or update of the project.
 */
export const projectCounties = pgTable(
  'project_counties',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    countyId: integer('county_id')
      .notNull()
      .references(() => counties.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.countyId] }), index('project_counties_county_idx').on(t.countyId, t.projectId)],
);

/** Milestones (节点): planned, baseline (frozen at the start of the year), forecast and actual dates. */
export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    plannedDate: date('planned_date').notNull(),
    baselineDate: date('baseline_date'),
    forecastDate: date('forecast_date'),
    actualDate: date('actual_date'),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull().default('not_started'),
    note: text('note'),
    /**
     * A grid connection's batch (分批并网): the capacity connected at this milestone, in the
     * project's capacity unit; null when not entered (the project's whole capacity then counts).
     */
    capacity: numeric('capacity', { precision: 14, scale: 2 }),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('milestones_project_idx').on(t.projectId, t.sort),
    check('milestones_done_has_actual', sql`${t.status} <> 'done' OR ${t.actualDate} IS NOT NULL`),
    check('milestones_capacity_not_negative', sql`${t.capacity} >= 0`),
    check('milestones_capacity_grid_only', sql`${t.capacity} IS NULL OR ${t.kind} = 'grid_connection'`),
  ],
);
