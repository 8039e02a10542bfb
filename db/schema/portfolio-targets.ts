import { sql } from 'drizzle-orm';
import { check, date, integer, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PORTFOLIO_TARGET_KINDS } from './enums';
import { users } from './users';

export { PORTFOLIO_TARGET_KINDS };
export type { PortfolioTargetKind } from './enums';

/**
 * The year's portfolio targets that are not one project's (二(三)/(四): 新增规模以上工业企业20家以上,
 * 认定高新技术企业25家以上, 旅游人数增长10%以上 ...): the target as the report states it (its words
 * in source_quote), and the progress the dispatch office enters from the statistics it receives
 * (the figure, the date it stands at, where it comes from). Nothing is computed from projects.
 */
export const portfolioTargets = pgTable(
  'portfolio_targets',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    /** Stable key within the year (e.g. new_industrial_enterprises). */
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: PORTFOLIO_TARGET_KINDS }).notNull(),
    /** The target: in unitZh for a count (20 家), in per cent for a growth (10). */
    target: numeric('target', { precision: 14, scale: 2 }).notNull(),
    unitZh: text('unit_zh').notNull(),
    unitEn: text('unit_en').notNull(),
    /** The report's section and words the target comes from. */
    sourceSection: text('source_section').notNull(),
    sourceQuote: text('source_quote').notNull(),
    /** The figure reached (count) or the growth in per cent, as entered; null until reported. */
    actual: numeric('actual', { precision: 14, scale: 2 }),
    /** The date the figure stands at (统计截至). */
    actualAsOf: date('actual_as_of'),
    /** Where the figure comes from (e.g. 地区统计局 10 月统计月报). */
    actualSource: text('actual_source'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedById: integer('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('portfolio_targets_year_code_uq').on(t.year, t.code),
    check('portfolio_targets_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('portfolio_targets_kind', sql`${t.kind} IN ('count', 'growth')`),
    check('portfolio_targets_target_positive', sql`${t.target} > 0`),
    check('portfolio_targets_actual_dated', sql`(${t.actual} IS NULL) = (${t.actualAsOf} IS NULL)`),
  ],
);
