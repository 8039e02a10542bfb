/**
 * The reference entries as records the actions load (lib/authz/resource.ts): units, categories,
 * counties, and responsible leaders (users with the leader role, for their title). They belong
 * to the deployment, so every scope sees them; the actions are prefecture-only (a county's
 * office does not rename what every county uses).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { categories, counties, units, users } from '@/db/schema';
import { defineResource, type Resource } from '@/lib/authz/resource';
import type { ReferenceKind } from './kinds';

export type UnitRecord = typeof units.$inferSelect;
export type CategoryRecord = typeof categories.$inferSelect;
export type CountyRecord = typeof counties.$inferSelect;
export type EntryRecord = UnitRecord | CategoryRecord | CountyRecord;

/** The table of each kind and the audit trail's entity type. */
export const REFERENCE_TABLES = { unit: units, category: categories, county: counties } as const;

const shared = { countyId: null, everyScope: true } as const;

async function one<T>(rows: Promise<T[]>): Promise<T | null> {
  const [row] = await rows;
  return row ?? null;
}

function entryResource(kind: ReferenceKind): Resource<EntryRecord> {
  const table = REFERENCE_TABLES[kind] as unknown as typeof units; // the columns read here are the same in all three
  const read = (db: Executor, id: number, lock: boolean) => {
    const q = db.select().from(table).where(eq(table.id, id)).limit(1);
    return one((lock ? q.for('update') : q) as unknown as Promise<EntryRecord[]>);
  };
  return defineResource<EntryRecord>({
    entity: kind,
    load: (db, _actor, id, lock) => read(db, id, lock),
    subject: () => shared,
    version: (r) => r.version,
    id: (r) => r.id,
    current: async (db, id) => {
      const row = await read(db, id, false);
      return row ? { ...row } : null;
    },
  });
}

export const unitResource = entryResource('unit');
export const categoryResource = entryResource('category');
export const countyResource = entryResource('county');

export const ENTRY_RESOURCES = { unit: unitResource, category: categoryResource, county: countyResource } as const;

const leaderColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  title: users.title,
  role: users.role,
  version: users.version,
  updatedAt: users.updatedAt,
};
export type LeaderRecord = { id: number; username: string; displayName: string; title: string | null; version: number; updatedAt: Date };

async function readLeader(db: Executor, id: number, lock: boolean): Promise<LeaderRecord | null> {
  const q = db
    .select(leaderColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'leader')))
    .limit(1);
  return one(lock ? q.for('update') : q);
}

/** A responsible leader (包抓领导): a user with the leader role, whose title the office keeps. */
export const leaderResource = defineResource<LeaderRecord>({
  entity: 'user',
  load: (db, _actor, id, lock) => readLeader(db, id, lock),
  subject: () => shared,
  version: (r) => r.version,
  id: (r) => r.id,
  current: async (db, id) => {
    const row = await readLeader(db, id, false);
    return row ? { ...row } : null;
  },
});
