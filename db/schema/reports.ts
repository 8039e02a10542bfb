import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PERIOD_KINDS, REPORT_STATUSES } from './enums';
import { projects } from './projects';
import { users } from './users';

/** A reporting period (调度周期): opened by the dispatch office, one report per active project. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: PERIOD_KINDS }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    dueDate: date('due_date').notNull(),
    openedById: integer('opened_by_id').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('reporting_periods_range_uq').on(t.kind, t.startDate),
    index('reporting_periods_end_idx').on(t.endDate),
    check('reporting_periods_range', sql`${t.startDate} <= ${t.endDate}`),
    check('reporting_periods_due', sql`${t.dueDate} >= ${t.startDate}`),
    // One period of its kind (lib/reports/cadence.ts): a calendar month, or a 旬 (1–10, 11–20,
    // 21–end of month). Added NOT VALID: rows written before the rule are left as they were.
    check(
      'reporting_periods_cadence',
      sql`(${t.kind} = 'monthly' AND extract(day from ${t.startDate}) = 1 AND ${t.endDate} = (${t.startDate} + interval '1 month' - interval '1 day')::date) OR (${t.kind} = 'dekad' AND ((extract(day from ${t.startDate}) IN (1, 11) AND ${t.endDate} = ${t.startDate} + 9) OR (extract(day from ${t.startDate}) = 21 AND ${t.endDate} = (${t.startDate} - 20 + interval '1 month' - interval '1 day')::date)))`,
    ),
  ],
);

/**
 * A project's periodic report (月度/旬调度填报). draft → submitted → approved, or → returned →
 * (edited) → submitted again. An approved report is the record for its period.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    periodId: integer('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    /** Investment completed in this period, 万元. */
    investmentThisPeriod: numeric('investment_this_period', { precision: 14, scale: 2 }),
    /** 形象进度: physical progress in words. */
    physicalProgress: text('physical_progress'),
    percentComplete: smallint('percent_complete'),
    nextSteps: text('next_steps'),
    coordinationNeeds: text('coordination_needs'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedById: integer('submitted_by_id').references(() => users.id),
    late: boolean('late').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    /** True when the dispatch office approved or returned it on the leader's behalf. */
    reviewedOnBehalf: boolean('reviewed_on_behalf').notNull().default(false),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_period_project_uq').on(t.periodId, t.projectId),
    index('reports_project_idx').on(t.projectId, t.periodId),
    index('reports_status_idx').on(t.status, t.periodId),
    // The year's approved investment (dashboard, lights): an index-only scan of the year's periods.
    index('reports_approved_period_idx')
      .on(t.periodId, t.projectId, t.investmentThisPeriod)
      .where(sql`${t.status} = 'approved'`),
    check('reports_investment_nonneg', sql`${t.investmentThisPeriod} IS NULL OR ${t.investmentThisPeriod} >= 0`),
    check('reports_percent_range', sql`${t.percentComplete} IS NULL OR (${t.percentComplete} BETWEEN 0 AND 100)`),
    check('reports_submitted_has_time', sql`${t.status} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
    check('reports_returned_has_comment', sql`${t.status} <> 'returned' OR length(btrim(coalesce(${t.reviewComment}, ''))) > 0`),
  ],
);

/** Site photos of a report. The file lives outside the web root; only metadata is here. */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Random file name inside the photo directory (never derived from user input). */
    storageKey: text('storage_key').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    originalName: text('original_name'),
    caption: text('caption'),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the picture was taken, read from the upload's EXIF DateTimeOriginal before the
     * metadata is stripped (the stored and served file carries none); null when it had none.
     */
    takenAt: timestamp('taken_at', { withTimezone: true }),
    /**
     * Where it was taken (WGS 84 degrees), only when the uploader chose to record it: the
     * photo's EXIF GPS read in the browser, else the phone's position at the upload. The stored
     * file never carries it (stripped); whoever may see the photo sees these.
     */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The phone's reported accuracy in metres, for a position from the phone (none from EXIF). */
    locationAccuracy: doublePrecision('location_accuracy'),
  },
  (t) => [
    index('report_photos_report_idx').on(t.reportId),
    check('report_photos_mime', sql`${t.mimeType} IN ('image/jpeg', 'image/png', 'image/webp')`),
    check(
      'report_photos_location',
      sql`(${t.latitude} IS NULL AND ${t.longitude} IS NULL AND ${t.locationAccuracy} IS NULL) OR (${t.latitude} IS NOT NULL AND ${t.longitude} IS NOT NULL AND ${t.latitude} BETWEEN -90 AND 90 AND ${t.longitude} BETWEEN -180 AND 180 AND (${t.locationAccuracy} IS NULL OR ${t.locationAccuracy} BETWEEN 0 AND 1000000))`,
    ),
  ],
);
