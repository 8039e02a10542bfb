import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PLAN_YEAR_JOINS, PLAN_YEAR_STATES } from './enums';
import { projects } from './projects';
import { users } from './users';

export { PLAN_YEAR_JOINS, PLAN_YEAR_STATES };
export type { PlanYearJoin, PlanYearState } from './enums';

/**
 * A plan year (年度重点项目计划): the year's list of key projects, decided once a year. The
 * first list of a deployment is seeded or backfilled; every later one is made by rolling the
 * previous year over (lib/plan-years), which records the year it came from and closes it.
 */
export const planYears = pgTable(
  'plan_years',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    state: text('state', { enum: PLAN_YEAR_STATES }).notNull().default('open'),
    /** The year this list was rolled over from; null for a first list (seeded or backfilled). */
    createdFromYear: smallint('created_from_year'),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_years_year_uq').on(t.year),
    check('plan_years_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('plan_years_from_before', sql`${t.createdFromYear} IS NULL OR ${t.createdFromYear} < ${t.year}`),
    check('plan_years_state', sql`${t.state} IN ('open', 'closed')`),
  ],
);

/**
 * The projects of a year's list. A project dropped at a rollover is simply not in the next
 * year's list (the rollover's audit event says who dropped what); its earlier years keep it.
 * `responsibleLeaderId` is that year's 包抓领导 where it differs from the project's.
 */
export const planYearProjects = pgTable(
  'plan_year_projects',
  {
    id: serial('id').primaryKey(),
    year: smallint('year')
      .notNull()
      .references(() => planYears.year, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    joinedAs: text('joined_as', { enum: PLAN_YEAR_JOINS }).notNull(),
    responsibleLeaderId: integer('responsible_leader_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_year_projects_year_project_uq').on(t.year, t.projectId),
    index('plan_year_projects_project_idx').on(t.projectId, t.year),
    check('plan_year_projects_joined_as', sql`${t.joinedAs} IN ('report', 'continued', 'new')`),
  ],
);
