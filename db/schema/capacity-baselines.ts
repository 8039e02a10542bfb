import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The prefecture's new-energy capacity grid-connected before a plan year that the registry does
 * not hold (年初前已并网、未在本平台登记的新能源装机), in 万千瓦, as the dispatch office enters it
 * from a statistic it names (source, e.g. 国网塔城供电公司 2024年底统计). The capacity panel adds
 * the registry's connected capacity to it for the cumulative figure the report's target counts.
 * One per year, prefecture-wide; nothing here is seeded as fact.
 */
export const capacityBaselines = pgTable(
  'capacity_baselines',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    /** 万千瓦. */
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    updatedById: integer('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('capacity_baselines_year_uq').on(t.year),
    check('capacity_baselines_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('capacity_baselines_amount_not_negative', sql`${t.amount} >= 0`),
    check('capacity_baselines_source_given', sql`btrim(${t.source}) <> ''`),
  ],
);
