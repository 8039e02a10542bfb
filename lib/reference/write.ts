/**
 * What the reference actions (./actions.ts) share: the checks of a name or code, the one UPDATE
 * that moves an entry's version, and the refusal to delete an entry in use.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { units } from '@/db/schema';
import type { AuditInput } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { ENTRY_RESOURCES, type EntryRecord, REFERENCE_TABLES } from './resource';
import { type ReferenceKind, type Usage, usageTotal } from './kinds';
import { usageOf } from './usage';

export const fieldError = (code: 'INVALID' | 'CONFLICT', field: string, key: string) =>
  new AppError(code, key, { fieldErrors: { [field]: [key] } });

/** The three tables share these columns; a kind's table is read through this view of it. */
const tableOf = (kind: ReferenceKind) => REFERENCE_TABLES[kind] as unknown as typeof units;

/** What the audit trail and a CONFLICT show of an entry. */
export function audited(kind: ReferenceKind, e: EntryRecord): Record<string, unknown> {
  const base = { nameZh: e.nameZh, nameEn: e.nameEn, active: e.active };
  if (kind === 'unit') return { ...base, kind: (e as typeof units.$inferSelect).kind };
  return { ...base, code: (e as { code: string }).code };
}

/**
 * Another entry of the kind already has this Chinese name: the office would not tell them apart
 * in a picker. Units back this with a unique index (units_name_zh_uq).
 */
export async function assertNameFree(tx: Tx, kind: ReferenceKind, nameZh: string, exceptId?: number): Promise<void> {
  const t = tableOf(kind);
  const [taken] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.nameZh, nameZh), exceptId === undefined ? undefined : ne(t.id, exceptId)))
    .limit(1);
  if (taken) throw fieldError('CONFLICT', 'nameZh', 'validation.referenceNameTaken');
}

/**
 * UPDATE … SET values, version + 1 WHERE id AND version: zero rows is a CONFLICT with the
 * entry as it is now (the record was loaded and locked, so this only guards the invariant).
 */
export async function updateEntry(
  tx: Tx,
  kind: ReferenceKind,
  before: EntryRecord,
  values: { nameZh?: string; nameEn?: string; active?: boolean },
): Promise<EntryRecord> {
  const t = tableOf(kind);
  const [row] = (await tx
    .update(t)
    .set({ ...values, version: sql`${t.version} + 1`, updatedAt: now() })
    .where(and(eq(t.id, before.id), eq(t.version, before.version)))
    .returning()) as unknown as EntryRecord[];
  if (!row) throw await conflictWith(tx, ENTRY_RESOURCES[kind], before.id);
  return row;
}

/** The key other tables reference an entry by: a category's code, otherwise its id. */
export const keyOfEntry = (kind: ReferenceKind, e: EntryRecord): number | string =>
  kind === 'category' ? (e as { code: string }).code : e.id;

/** An entry in use cannot be deleted, only retired: the refusal says where it is used. */
export async function assertUnused(tx: Tx, kind: ReferenceKind, e: EntryRecord): Promise<Usage> {
  const usage = await usageOf(tx, kind, keyOfEntry(kind, e));
  if (usageTotal(usage) > 0) {
    throw new AppError('CONFLICT', `${kind} in use`, {
      messageKey: 'reference.errors.inUse',
      messageValues: { ...usage, name: e.nameZh },
    });
  }
  return usage;
}

export async function deleteEntry(tx: Tx, kind: ReferenceKind, e: EntryRecord): Promise<void> {
  const t = tableOf(kind);
  await tx.delete(t).where(and(eq(t.id, e.id), eq(t.version, e.version)));
}

/** The audit event of a change to an entry: only what changed, with the versions. */
export function changeEvent(
  kind: ReferenceKind,
  action: string,
  before: EntryRecord,
  after: EntryRecord,
  extra: Record<string, unknown> = {},
): AuditInput {
  const b = audited(kind, before);
  const a = audited(kind, after);
  const keys = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return {
    action,
    entityType: kind,
    entityId: after.id,
    before: { ...Object.fromEntries(keys.map((k) => [k, b[k]])), version: before.version },
    after: { ...Object.fromEntries(keys.map((k) => [k, a[k]])), version: after.version, ...extra },
  };
}
