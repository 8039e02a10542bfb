import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { categories, counties, units, users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { cachedByScope } from '@/lib/cache/cache';

export interface Option {
  value: string;
  labelZh: string;
  labelEn: string;
  /** Retired (lib/reference): still named on the records that use it, no longer offered for new ones. */
  retired?: boolean;
}

/** What a picker offers: the active entries, and the one the record holds now even if retired. */
export function offered<T extends Pick<Option, 'value' | 'retired'>>(options: T[], current?: string | number | null): T[] {
  return options.filter((o) => !o.retired || (current != null && o.value === String(current)));
}

/**
 * Reference lists for filters and forms. Counties are limited to the actor's scope; people
 * are the users who can hold the role (responsible leaders, project leads). Retired units,
 * categories and counties are in the lists (a record that uses one still names it) but marked:
 * forms offer them through offered().
 */
export const getReferenceData = cache((actor: Actor) => cachedByScope(actor, () => loadReferenceData(actor), 'reference'));

/**
 * The lists depend on nothing but the actor's scope (countyId), so they are cached per scope like
 * the dashboard's figures (lib/cache/cache.ts: DASHBOARD_CACHE_SECONDS, dropped at once by
 * any write of this process): the registry, the project page and every form need them, and they
 * change only when an administrator edits users or units.
 */
async function loadReferenceData(actor: Pick<Actor, 'countyId'>) {
  const db = await getDb();
  const [countyRows, categoryRows, unitRows, people] = await Promise.all([
    db
      .select()
      .from(counties)
      .where(actor.countyId === null ? undefined : eq(counties.id, actor.countyId))
      .orderBy(asc(counties.sort), asc(counties.id)),
    db.select().from(categories).orderBy(asc(categories.sort), asc(categories.code)),
    db.select().from(units).orderBy(asc(units.kind), asc(units.id)),
    db
      .select({ id: users.id, displayName: users.displayName, role: users.role, countyId: users.countyId })
      .from(users)
      .where(and(inArray(users.role, ['leader', 'lead']), eq(users.disabled, false)))
      .orderBy(asc(users.displayName)),
  ]);
  return {
    counties: countyRows.map((c) => ({ value: String(c.id), labelZh: c.nameZh, labelEn: c.nameEn, ...retired(c) })),
    categories: categoryRows.map((c) => ({ value: c.code, labelZh: c.nameZh, labelEn: c.nameEn, ...retired(c) })),
    responsibleUnits: unitRows
      .filter((u) => u.kind === 'responsible')
      .map((u) => ({ value: String(u.id), labelZh: u.nameZh, labelEn: u.nameEn, ...retired(u) })),
    ownerUnits: unitRows
      .filter((u) => u.kind === 'owner')
      .map((u) => ({ value: String(u.id), labelZh: u.nameZh, labelEn: u.nameEn, ...retired(u) })),
    leaders: people
      .filter((p) => p.role === 'leader')
      .map((p) => ({ value: String(p.id), labelZh: p.displayName, labelEn: p.displayName })),
    leads: people
      .filter((p) => p.role === 'lead' && (actor.countyId === null || p.countyId === actor.countyId))
      .map((p) => ({ value: String(p.id), labelZh: p.displayName, labelEn: p.displayName, countyId: p.countyId })),
  };
}

const retired = (row: { active: boolean }) => (row.active ? {} : { retired: true as const });

export type ReferenceData = Awaited<ReturnType<typeof loadReferenceData>>;

export function optionLabel(options: Option[], value: string | number | null | undefined, locale: string): string | null {
  if (value === null || value === undefined) return null;
  const o = options.find((x) => x.value === String(value));
  return o ? (locale === 'en' ? o.labelEn : o.labelZh) : null;
}

export const getCountyName = cache(async (countyId: number | null) => {
  if (countyId === null) return null;
  const db = await getDb();
  const [row] = await db.select().from(counties).where(eq(counties.id, countyId)).limit(1);
  return row ?? null;
});
