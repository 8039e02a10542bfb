import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { PROBLEM_STATUSES, PROBLEM_TYPES } from './enums';
import { projects } from './projects';
import { units } from './reference';
import { reports } from './reports';
import { users } from './users';

/** The problem list (问题清单): 交办 → 督办 → 销号. */
export const problems = pgTable(
  'problems',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The report it was raised in, if any. */
    reportId: integer('report_id').references(() => reports.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    type: text('type', { enum: PROBLEM_TYPES }).notNull(),
    responsibleUnitId: integer('responsible_unit_id').references(() => units.id),
    responsibleLeaderId: integer('responsible_leader_id').references(() => users.id),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: PROBLEM_STATUSES }).notNull().default('open'),
    /** What the unit did (required to mark resolved). */
    resolution: text('resolution'),
    /** 0 none, 1 responsible leader, 2 dispatch office. Raised by the escalation job, never lowered while overdue. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    raisedById: integer('raised_by_id').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('problems_project_idx').on(t.projectId, t.id),
    index('problems_status_deadline_idx').on(t.status, t.deadline),
    index('problems_unit_idx').on(t.responsibleUnitId, t.status),
    index('problems_leader_idx').on(t.responsibleLeaderId, t.status),
    index('problems_report_idx').on(t.reportId),
    check('problems_description_nonempty', sql`length(btrim(${t.description})) > 0`),
    check('problems_escalation_range', sql`${t.escalationLevel} BETWEEN 0 AND 2`),
    check(
      'problems_resolved_has_resolution',
      sql`${t.status} NOT IN ('resolved', 'closed') OR length(btrim(coalesce(${t.resolution}, ''))) > 0`,
    ),
  ],
);

/** The discussion thread of a problem. */
export const problemComments = pgTable(
  'problem_comments',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('problem_comments_problem_idx').on(t.problemId, t.id),
    check('problem_comments_body_nonempty', sql`length(btrim(${t.body})) > 0`),
  ],
);
