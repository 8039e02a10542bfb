/**
 * Load and authorize once. A resource says, for one kind of record, how to load it through the
 * actor's scoped query (what the actor cannot see is not found), what a permission check needs
 * of it (its Subject: county and the people its relations are read from) and its version.
 * `authorize` is the one step that answers 404 (not visible), 403 (visible, not permitted) and
 * 409 (stale version, with the current record and who changed it last); the action wrapper and
 * the route wrapper both run it before any of a mutation's or handler's own code.
 */
import type { Executor } from '@/db/client';
import { lastChange } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { Actor } from './actor';
import { can, mayEver, type Permission, type Subject } from './permissions';

export interface Resource<R> {
  /** The audit trail's entity type (who changed it last, for a CONFLICT answer). */
  entity: string;
  /**
   * The record with this id if the actor may see it, else null. The visibility predicate is
   * part of the SQL. `lock` takes a row lock (FOR UPDATE) for the rest of the transaction.
   */
  load: (db: Executor, actor: Actor, id: number, lock: boolean) => Promise<R | null>;
  /** What can() reads: the county and the people and unit the relations are read from. */
  subject: (record: R) => Subject;
  /** The record's optimistic-locking version (only for resources that have one). */
  version?: (record: R) => number;
  /** The record's id, for the audit lookup of a CONFLICT answer. */
  id: (record: R) => number;
  /** The record as it is now, as a CONFLICT answer shows it (read afresh: it may have moved on). */
  current?: (db: Executor, id: number) => Promise<Record<string, unknown> | null>;
}

export function defineResource<R>(resource: Resource<R>): Resource<R> {
  return resource;
}

/** The input fields that hold numbers (an id, a version). */
export type NumberKeys<I> = { [K in keyof I]-?: NonNullable<I[K]> extends number ? K : never }[keyof I] & string;

export interface LoadSpec<I, R> {
  resource: Resource<R>;
  /** The input field with the record's id. */
  id: NumberKeys<I>;
  /** The input field with the version the user saw (checked when present in the input). */
  version?: NumberKeys<I>;
  /** Row lock for the transaction (a status change and a concurrent edit cannot interleave). */
  lock?: boolean;
  /** When the id comes from a form field (a project chosen in a form), "not found" names it. */
  field?: boolean;
  /** A more specific catalogue key for a stale version than errors.CONFLICT. */
  conflictMessage?: string;
}

/** The CONFLICT answer: the record as it is now, with who changed it last and when. */
export async function conflictWith(
  db: Executor,
  resource: Pick<Resource<unknown>, 'entity' | 'current'>,
  id: number,
  messageKey?: string,
): Promise<AppError> {
  // One after the other: a transaction's handle runs one statement at a time.
  const current = (resource.current ? await resource.current(db, id) : null) ?? {};
  const last = await lastChange(db, resource.entity, id);
  const changedAt = last.changedAt ?? (current.updatedAt as Date | undefined) ?? null;
  return new AppError('CONFLICT', 'stale version', {
    current: { ...current, changedBy: last.changedBy, changedAt },
    ...(messageKey ? { messageKey } : {}),
  });
}

/**
 * Loads the record named by the input and checks, in this order: not visible → NOT_FOUND (also
 * for a role without the permission: what the actor cannot see is not found, whatever the
 * role); visible but the permission's grant does not cover it → FORBIDDEN; the version the user saw
 * is not the record's → CONFLICT. Returns the record the caller may touch.
 */
export async function authorize<I, R>(db: Executor, actor: Actor, permission: Permission, spec: LoadSpec<I, R>, input: I): Promise<R> {
  // A role that never holds the permission takes no lock: it only learns whether the record exists for it.
  const granted = mayEver(actor, permission);
  const id = (input as Record<string, unknown>)[spec.id];
  const record = typeof id === 'number' ? await spec.resource.load(db, actor, id, granted && (spec.lock ?? false)) : null;
  if (record === null) {
    throw new AppError(
      'NOT_FOUND',
      `${spec.resource.entity} not found`,
      spec.field ? { fieldErrors: { [spec.id]: ['validation.invalidChoice'] } } : {},
    );
  }
  if (!can(actor, permission, spec.resource.subject(record)))
    throw new AppError('FORBIDDEN', `${permission} not granted on this ${spec.resource.entity}`);
  if (spec.version !== undefined && spec.resource.version) {
    const seen = (input as Record<string, unknown>)[spec.version];
    if (typeof seen === 'number' && seen !== spec.resource.version(record)) {
      throw await conflictWith(db, spec.resource, spec.resource.id(record), spec.conflictMessage);
    }
  }
  return record;
}
