import { boolean, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { AGENCY_KINDS } from './enums';

/**
 * What an office maintains of every reference entry (lib/reference): a retired entry stays on the
 * records that use it but is no longer offered for new ones; `version` is the optimistic lock.
 */
const maintained = () => ({
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Counties and cities (县市) of the prefecture. A county-scoped user sees only its projects. */
export const counties = pgTable('counties', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  ...maintained(),
});

/** Project categories (交通, 水利, 煤电 ...). */
export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  /** A numeric handle for the maintenance pages and actions (the code stays the key projects use). */
  id: serial('id').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  ...maintained(),
});

/** Government departments (责任单位) and builders/investors (业主单位). */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['responsible', 'owner'] }).notNull(),
    /** The kind of approving agency the unit is (审批部门类别), if it approves procedures (手续联办). */
    agencyKind: text('agency_kind', { enum: AGENCY_KINDS }),
    ...maintained(),
  },
  (t) => [uniqueIndex('units_name_zh_uq').on(t.nameZh)],
);

/** Key/value settings that belong to the deployment (e.g. the prefecture's name). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
