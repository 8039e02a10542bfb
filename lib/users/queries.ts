import 'server-only';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { userThrottleColumns } from '@/lib/auth/throttle';
import { counties, units, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { type Actor, hasPermission } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { type SafeUser, USERS_PAGE_SIZE } from './schemas';

// Reads for user administration. Every function takes the actor and refuses anyone without
// 'user.manage'. The password hash is never selected.

function requireManager(actor: Actor): void {
  if (!hasPermission(actor, 'user.manage')) throw new AppError('FORBIDDEN');
}

/** Escapes LIKE wildcards so a search for "a_b" means the text "a_b". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const safeColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  countyId: users.countyId,
  unitId: users.unitId,
  disabled: users.disabled,
  // Sign-in throttling (auth_throttle), as the administrator sees it.
  ...userThrottleColumns,
  version: users.version,
};

export interface UserRow extends SafeUser {
  countyZh: string | null;
  countyEn: string | null;
  unitZh: string | null;
  unitEn: string | null;
}

export async function listUsers(
  actor: Actor,
  { q, role, page = 1 }: { q?: string; role?: Role | null; page?: number },
): Promise<{ rows: UserRow[]; total: number; page: number; pageSize: number }> {
  requireManager(actor);
  const db = await getDb();
  const parts: (SQL | undefined)[] = [];
  const term = q?.trim();
  if (term) {
    const pattern = likePattern(term);
    parts.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (role) parts.push(eq(users.role, role));
  const where = and(...parts);
  const pageSize = USERS_PAGE_SIZE;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        ...safeColumns,
        countyZh: counties.nameZh,
        countyEn: counties.nameEn,
        unitZh: units.nameZh,
        unitEn: units.nameEn,
      })
      .from(users)
      .leftJoin(counties, eq(counties.id, users.countyId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0, page, pageSize };
}

/** One user for the edit page, or null when there is no such user. */
export async function getUser(actor: Actor, id: number): Promise<UserRow | null> {
  requireManager(actor);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...safeColumns,
      countyZh: counties.nameZh,
      countyEn: counties.nameEn,
      unitZh: units.nameZh,
      unitEn: units.nameEn,
    })
    .from(users)
    .leftJoin(counties, eq(counties.id, users.countyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export interface UserFormOptions {
  counties: { id: number; nameZh: string; nameEn: string }[];
  units: { id: number; nameZh: string; nameEn: string; kind: 'responsible' | 'owner' }[];
}

/** Every county and unit a user may be assigned to (an administrator assigns across the prefecture). */
export async function getUserFormOptions(actor: Actor): Promise<UserFormOptions> {
  requireManager(actor);
  const db = await getDb();
  const [countyRows, unitRows] = await Promise.all([
    db
      .select({ id: counties.id, nameZh: counties.nameZh, nameEn: counties.nameEn })
      .from(counties)
      .orderBy(asc(counties.sort), asc(counties.id)),
    db
      .select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn, kind: units.kind })
      .from(units)
      .orderBy(asc(units.kind), asc(units.id)),
  ]);
  return { counties: countyRows, units: unitRows };
}
