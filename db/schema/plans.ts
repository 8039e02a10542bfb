import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';

/**
 * Monthly targets of an annual plan: twelve decimal strings in 万元, one per month (本月计划),
 * January first. They are PER MONTH, not cumulative: the cumulative target at month m is the sum
 * of months 1..m (lib/lights/time-elapsed.ts). Their sum equals the annual plan (checked by
 * savePlan), so the cumulative share reaches exactly 100% in December.
 */
export type MonthlyTargets = string[];

/**
 * The annual plan of a project for one year (年度计划): planned investment (万元), optional
 * monthly targets, and the year's targets in words (e.g. "年内下闸蓄水"). When the dispatch
 * office freezes the year's baseline, the plan is copied into the frozen_* columns; the lights
 * compare against the frozen figures from then on, while the current plan may still change.
 */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    plannedInvestment: numeric('planned_investment', { precision: 14, scale: 2 }).notNull(),
    monthlyTargets: jsonb('monthly_targets').$type<MonthlyTargets | null>(),
    /** 年度目标: the year's targets in words. */
    targets: text('targets'),
    frozenInvestment: numeric('frozen_investment', { precision: 14, scale: 2 }),
    frozenMonthlyTargets: jsonb('frozen_monthly_targets').$type<MonthlyTargets | null>(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    updatedById: integer('updated_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_plans_project_year_uq').on(t.projectId, t.year),
    index('annual_plans_year_idx').on(t.year, t.projectId),
    check('annual_plans_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('annual_plans_investment_nonneg', sql`${t.plannedInvestment} >= 0`),
    check('annual_plans_frozen_nonneg', sql`${t.frozenInvestment} IS NULL OR ${t.frozenInvestment} >= 0`),
    check(
      'annual_plans_monthly_shape',
      sql`${t.monthlyTargets} IS NULL OR (jsonb_typeof(${t.monthlyTargets}) = 'array' AND jsonb_array_length(${t.monthlyTargets}) = 12)`,
    ),
    check(
      'annual_plans_frozen_monthly_shape',
      sql`${t.frozenMonthlyTargets} IS NULL OR (jsonb_typeof(${t.frozenMonthlyTargets}) = 'array' AND jsonb_array_length(${t.frozenMonthlyTargets}) = 12)`,
    ),
    check('annual_plans_frozen_complete', sql`(${t.frozenAt} IS NULL) = (${t.frozenInvestment} IS NULL)`),
  ],
);

/**
 * The baseline freeze of a year (基线冻结), done once by the (prefecture) dispatch office: every
 * annual plan of the year is copied into its frozen_* columns, and every open milestone's
 * planned date into its baseline_date. Later forecasts are compared against the baseline.
 */
export const baselineFreezes = pgTable(
  'baseline_freezes',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull().unique(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
    frozenById: integer('frozen_by_id').references(() => users.id),
    planCount: integer('plan_count').notNull().default(0),
    milestoneCount: integer('milestone_count').notNull().default(0),
  },
  (t) => [check('baseline_freezes_year_range', sql`${t.year} BETWEEN 2000 AND 2100`)],
);
