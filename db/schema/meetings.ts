import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { type Light, MEETING_AGENDA_KINDS, MEETING_STATUSES, type PipelineStage, type ProjectStatus, type Stage } from './enums';
import type { LightReason } from './lights';
import { problems } from './problems';
import { projects } from './projects';
import { categories, counties, units } from './reference';
import { users } from './users';

/**
 * The dispatch meeting (调度会): planned → held → minutes published. The office prepares it
 * (agenda, frozen status table), a leader chairs it, its decisions become problems (交办).
 *
 * Scope: every project (all scope columns null) or those of one category, county and/or
 * responsible leader. The status table is frozen once (frozen_at): from then on the snapshot
 * rows (meeting_snapshot_rows) are the meeting's status table, whatever changes later.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    meetingDate: date('meeting_date').notNull(),
    /** 主持: the chairing leader. */
    chairId: integer('chair_id').references(() => users.id),
    scopeCategoryCode: text('scope_category_code').references(() => categories.code),
    scopeCountyId: integer('scope_county_id').references(() => counties.id),
    scopeLeaderId: integer('scope_leader_id').references(() => users.id),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    /** When the status table was frozen (once); the snapshot rows are as of this moment. */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenById: integer('frozen_by_id').references(() => users.id),
    /** The year whose investment the snapshot sums (本年累计). */
    snapshotYear: smallint('snapshot_year'),
    snapshotRowCount: integer('snapshot_row_count'),
    heldAt: timestamp('held_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedById: integer('published_by_id').references(() => users.id),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_date_idx').on(t.meetingDate, t.id),
    index('meetings_county_idx').on(t.scopeCountyId, t.meetingDate),
    check('meetings_title_nonempty', sql`length(btrim(${t.title})) > 0`),
    check('meetings_status_valid', sql`${t.status} IN ('planned', 'held', 'published')`),
    check(
      'meetings_frozen_complete',
      sql`(${t.frozenAt} IS NULL) = (${t.snapshotYear} IS NULL) AND (${t.frozenAt} IS NULL) = (${t.snapshotRowCount} IS NULL)`,
    ),
    /** The status table is frozen before the meeting is held. */
    check('meetings_held_frozen', sql`${t.status} = 'planned' OR ${t.frozenAt} IS NOT NULL`),
    check('meetings_held_at', sql`(${t.status} = 'planned') = (${t.heldAt} IS NULL)`),
    check('meetings_held_chair', sql`${t.status} = 'planned' OR ${t.chairId} IS NOT NULL`),
    check('meetings_published_at', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
    check('meetings_snapshot_year', sql`${t.snapshotYear} IS NULL OR ${t.snapshotYear} BETWEEN 2000 AND 2100`),
  ],
);

/** Who takes part: users (参会人员) or invited units (列席单位); exactly one of the two per row. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id),
    unitId: integer('unit_id').references(() => units.id),
  },
  (t) => [
    uniqueIndex('meeting_participants_user_uq')
      .on(t.meetingId, t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('meeting_participants_unit_uq')
      .on(t.meetingId, t.unitId)
      .where(sql`${t.unitId} IS NOT NULL`),
    check('meeting_participants_one', sql`(${t.userId} IS NULL) <> (${t.unitId} IS NULL)`),
  ],
);

/**
 * One reason why a project is on the agenda, as data (rendered in the reader's language by
 * lib/meetings/reasons.ts), frozen at the moment the agenda was proposed. A reason about a
 * problem names it (problemId), a milestone slip names its milestone (milestoneId).
 */
export type AgendaReason =
  | {
      kind: 'light';
      light: 'red' | 'yellow';
      /** The rules that set the computed light (lib/lights LightReason data). */
      reasons: LightReason[];
      ruleSetName: string | null;
      ruleSetVersion: number | null;
      /** Set when a manual override decides the light. */
      override: { light: 'red' | 'yellow' | 'green'; reason: string } | null;
    }
  | { kind: 'overdue_problem'; problemId: number; deadline: string; daysOverdue: number; escalationLevel: number }
  | {
      kind: 'milestone_slip';
      milestoneId: number;
      baselineDate: string;
      /** The forecast (or planned) date beyond the baseline; with `overdue`, the day the agenda was proposed. */
      expectedDate: string;
      daysLate: number;
      /** true: the baseline date has passed and the milestone is not done (no later forecast given). */
      overdue: boolean;
    }
  | {
      kind: 'carried_over';
      problemId: number;
      fromMeetingId: number;
      fromMeetingTitle: string;
      fromMeetingDate: string;
      /** true: the problem was assigned by a decision of that meeting (交办); false: it was on its agenda. */
      assigned: boolean;
      status: string;
      deadline: string;
      /** Days past the deadline on the day the agenda was proposed, when the problem was overdue then. */
      daysOverdue?: number;
    }
  | { kind: 'custom' };

/**
 * The agenda (议程): one item per project proposed from the data, listing all its reasons (red/
 * yellow light, overdue problems, milestones slipping past baseline, problems carried over) most
 * severe first, or items added by the office (custom: its own title, optionally a project), in
 * `sort` order. `kind` is the kind of the first (most severe) reason. The minutes are the
 * decisions on the items; a decision may create a problem (交办).
 *
 * A project has at most one proposed item per meeting (unique index); a problem is named by at
 * most one reason of a meeting's agenda, which follows from that (a problem has one project) and
 * from lib/meetings/agenda.ts merging reasons by problem and milestone under the meeting's lock.
 */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MEETING_AGENDA_KINDS }).notNull(),
    sort: integer('sort').notNull().default(0),
    projectId: integer('project_id').references(() => projects.id),
    /** The office's own wording (required for custom items, optional otherwise). */
    title: text('title'),
    /** Why the item is on the agenda, most severe first; custom items hold [{ kind: 'custom' }]. */
    reasons: jsonb('reasons').$type<AgendaReason[]>().notNull(),
    /** 会议决定: the decision on this item (the minutes). */
    decision: text('decision'),
    /** The problem the decision assigned (交办), if any. */
    decisionProblemId: integer('decision_problem_id').references(() => problems.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: integer('decided_by_id').references(() => users.id),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_agenda_items_meeting_idx').on(t.meetingId, t.sort, t.id),
    uniqueIndex('meeting_agenda_items_decision_problem_uq').on(t.decisionProblemId),
    uniqueIndex('meeting_agenda_items_project_uq')
      .on(t.meetingId, t.projectId)
      .where(sql`${t.kind} <> 'custom'`),
    check('meeting_agenda_items_kind_valid', sql`${t.kind} IN ('light', 'overdue_problem', 'milestone_slip', 'carried_over', 'custom')`),
    check(
      'meeting_agenda_items_reasons_kind',
      sql`jsonb_typeof(${t.reasons}) = 'array' AND jsonb_array_length(${t.reasons}) > 0 AND ${t.reasons}->0->>'kind' = ${t.kind}`,
    ),
    check(
      'meeting_agenda_items_refs',
      sql`CASE ${t.kind}
        WHEN 'custom' THEN length(btrim(coalesce(${t.title}, ''))) > 0 AND jsonb_array_length(${t.reasons}) = 1
        ELSE ${t.projectId} IS NOT NULL END`,
    ),
    check('meeting_agenda_items_title_nonempty', sql`${t.title} IS NULL OR length(btrim(${t.title})) > 0`),
    check('meeting_agenda_items_decision_nonempty', sql`${t.decision} IS NULL OR length(btrim(${t.decision})) > 0`),
    check('meeting_agenda_items_problem_needs_decision', sql`${t.decisionProblemId} IS NULL OR ${t.decision} IS NOT NULL`),
  ],
);

/** Milestones of a project as frozen with the status table (for "what changed since the previous meeting"). */
export interface SnapshotMilestone {
  id: number;
  name: string;
  nameEn: string | null;
  plannedDate: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  status: string;
}

/**
 * A status-table row (调度表的一行): what a meeting's snapshot keeps for every project in its
 * scope when the office freezes it, built from approved reports only; the exports of a frozen
 * meeting render these rows (lib/meetings/types.ts). Money is a decimal string in 万元; dates
 * are 'YYYY-MM-DD'.
 */
export interface StatusRow {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  categoryZh: string;
  categoryEn: string;
  /** Sort position of the category (subtotals follow this order). */
  categorySort: number;
  countyZh: string | null;
  countyEn: string | null;
  /** 建设内容及规模 */
  constructionContent: string | null;
  /** 总投资, 万元 */
  totalInvestment: string | null;
  /** 年度计划投资 (the year's annual plan, else the project's annual planned investment), 万元 */
  annualPlanned: string | null;
  /** 本年累计完成投资: sum of approved reports of the year up to the snapshot, 万元 */
  completedThisYear: string;
  /** 完成率: completedThisYear / annualPlanned as a fraction (0.42 = 42%); null when no plan. */
  completionRate: number | null;
  /** 形象进度: the physical progress of the latest approved report. */
  physicalProgress: string | null;
  /** 存在问题: the titles of the project's active problems, in order. */
  problems: string[];
  /** 包抓领导 */
  leaderName: string | null;
  /** 责任单位 */
  unitName: string | null;
  unitNameEn: string | null;
  stage: Stage;
  /**
   * The pipeline stage in the meeting's year (新开工 / 续建 / 前期 / 谋划储备 / 建成 / 投运) as it was
   * when the table was frozen; absent in rows frozen before the stage was recorded.
   */
  pipelineStage?: PipelineStage;
  status: ProjectStatus;
  /** The effective light (override first, else computed); null when none. */
  light: Light | null;
}

/**
 * The frozen status table (调度表) of a meeting: one row per project in scope, exactly the
 * StatusRow the exports render, in `sort` order (category order, then project code). Written
 * once when the office freezes; the database refuses UPDATE and DELETE (migration 0004).
 * county_id is the project's county as frozen: a county user reads only their county's rows.
 */
export const meetingSnapshotRows = pgTable(
  'meeting_snapshot_rows',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sort: integer('sort').notNull(),
    projectId: integer('project_id').notNull(),
    countyId: integer('county_id'),
    row: jsonb('row').$type<StatusRow>().notNull(),
    milestones: jsonb('milestones').$type<SnapshotMilestone[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ name: 'meeting_snapshot_rows_pk', columns: [t.meetingId, t.sort] }),
    uniqueIndex('meeting_snapshot_rows_project_uq').on(t.meetingId, t.projectId),
    index('meeting_snapshot_rows_county_idx').on(t.meetingId, t.countyId, t.sort),
  ],
);
