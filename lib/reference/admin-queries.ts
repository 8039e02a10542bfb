import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { categories, counties, units, users } from '@/db/schema';
import { type Actor, hasPermission } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { ReferenceKind, UnitKind, Usage } from './kinds';
import { usageByKey } from './usage';

/** One entry as the maintenance page lists it, with where it is used. */
export interface EntryRow {
  id: number;
  code: string | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
  version: number;
  usage: Usage;
}

export interface LeaderRow {
  id: number;
  username: string;
  displayName: string;
  title: string | null;
  disabled: boolean;
  version: number;
}

const none: Usage = { projects: 0, problems: 0, users: 0, meetings: 0, procedures: 0 };

function assertManager(actor: Actor) {
  if (!hasPermission(actor, 'reference.manage') || actor.countyId !== null) throw new AppError('FORBIDDEN');
}

/** The entries of a kind (units of one unit kind), active first, with their usage. */
export async function listEntries(actor: Actor, kind: ReferenceKind, unitKind: UnitKind = 'responsible'): Promise<EntryRow[]> {
  assertManager(actor);
  const db = await getDb();
  const rows =
    kind === 'unit'
      ? (await db.select().from(units).where(eq(units.kind, unitKind)).orderBy(asc(units.id))).map((r) => ({ ...r, code: null }))
      : kind === 'category'
        ? await db.select().from(categories).orderBy(asc(categories.sort), asc(categories.id))
        : await db.select().from(counties).orderBy(asc(counties.sort), asc(counties.id));
  const usage = await usageByKey(db, kind);
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      active: r.active,
      version: r.version,
      usage: usage.get(String(kind === 'category' ? r.code : r.id)) ?? none,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

/** The responsible leaders (users with the leader role) and their titles. */
export async function listLeaders(actor: Actor): Promise<LeaderRow[]> {
  assertManager(actor);
  const db = await getDb();
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      title: users.title,
      disabled: users.disabled,
      version: users.version,
    })
    .from(users)
    .where(eq(users.role, 'leader'))
    .orderBy(asc(users.displayName));
}
