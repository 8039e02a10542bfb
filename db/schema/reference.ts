import { integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Counties and cities (县市) of the prefecture. A county-scoped user sees only its projects. */
export const counties = pgTable('counties', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

/** Project categories (交通, 水利, 煤电 ...). */
export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

/** Government departments (责任单位) and builders/investors (业主单位). */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['responsible', 'owner'] }).notNull(),
  },
  (t) => [uniqueIndex('units_name_zh_uq').on(t.nameZh)],
);

/** Key/value settings that belong to the deployment (e.g. the prefecture's name). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
