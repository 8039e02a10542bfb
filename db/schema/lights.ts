import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { LIGHTS, RULE_COMPARISONS, RULE_MEASURES, type RuleComparison, type RuleMeasure } from './enums';
import { projects } from './projects';
import { reportingPeriods } from './reports';
import { users } from './users';

/**
 * A rule set (红黄绿灯规则) as data. Versioned: an edit never changes a row, it inserts the next
 * version (same key) and makes it the active one, so a stored light keeps pointing at the exact
 * rules that produced it. At most one rule set is active.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: serial('id').primaryKey(),
    /** Identity across versions ('default'). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    active: boolean('active').notNull().default(false),
    /** Why this version was made (shown in the version history). */
    note: text('note'),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rule_sets_key_version_uq').on(t.key, t.version),
    uniqueIndex('rule_sets_one_active_uq')
      .on(t.active)
      .where(sql`${t.active}`),
    check('rule_sets_version_pos', sql`${t.version} >= 1`),
    check('rule_sets_name_nonempty', sql`length(btrim(${t.name})) > 0`),
  ],
);

/** One rule: when `measure` compares (gt/gte) with `threshold`, the project gets `light`. */
export const rules = pgTable(
  'rules',
  {
    id: serial('id').primaryKey(),
    ruleSetId: integer('rule_set_id')
      .notNull()
      .references(() => ruleSets.id, { onDelete: 'cascade' }),
    measure: text('measure', { enum: RULE_MEASURES }).notNull(),
    comparison: text('comparison', { enum: RULE_COMPARISONS }).notNull(),
    threshold: numeric('threshold', { precision: 10, scale: 2 }).notNull(),
    light: text('light', { enum: ['yellow', 'red'] }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('rules_rule_set_idx').on(t.ruleSetId, t.sort), check('rules_threshold_nonneg', sql`${t.threshold} >= 0`)],
);

/** One reason a light is what it is: the rule that fired, with the numbers. Rendered in the reader's language. */
export interface LightReason {
  measure: RuleMeasure;
  value: number;
  threshold: number;
  comparison: RuleComparison;
  light: 'yellow' | 'red';
  ruleId: number | null;
  /** Numbers the sentence needs besides the value (completion and time-elapsed %, the milestone ...). */
  context?: Record<string, string | number | null>;
}

/** The measures of a project for a period as computed (null = not applicable, e.g. no plan). */
export type LightMeasures = Partial<Record<RuleMeasure, number | null>> & {
  completionPct?: number | null;
  timeElapsedPct?: number | null;
  cumulativeInvestment?: string | null;
  plannedInvestment?: string | null;
};

/**
 * The computed light of a project for a reporting period, from approved data, with the rule set
 * version used and the reasons as data. One per project and period.
 */
export const projectLights = pgTable(
  'project_lights',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    periodId: integer('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    light: text('light', { enum: LIGHTS }).notNull(),
    ruleSetId: integer('rule_set_id')
      .notNull()
      .references(() => ruleSets.id),
    ruleSetVersion: integer('rule_set_version').notNull(),
    reasons: jsonb('reasons').$type<LightReason[]>().notNull().default([]),
    measures: jsonb('measures').$type<LightMeasures>().notNull().default({}),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    computedById: integer('computed_by_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('project_lights_project_period_uq').on(t.projectId, t.periodId),
    index('project_lights_period_idx').on(t.periodId, t.light),
  ],
);

/**
 * A manual light (人工调整) set by the project's responsible leader or the dispatch office, with
 * a written reason and an end date. Shown beside the computed light, never instead of its record.
 * Kept when it ends or is cleared (cleared_at), so the history shows both. At most one uncleared
 * override per project: a new one clears the previous.
 */
export const lightOverrides = pgTable(
  'light_overrides',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    light: text('light', { enum: LIGHTS }).notNull(),
    reason: text('reason').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedById: integer('cleared_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('light_overrides_project_idx').on(t.projectId, t.id),
    uniqueIndex('light_overrides_one_open_uq')
      .on(t.projectId)
      .where(sql`${t.clearedAt} IS NULL`),
    check('light_overrides_reason_nonempty', sql`length(btrim(${t.reason})) > 0`),
    check('light_overrides_dates', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
