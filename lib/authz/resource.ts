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

/**
 * What a record is loaded by: its id, or the parts of a natural key (a plan: its project and
 * its year), each read from an input field.
 */
export type ResourceKey = number | Readonly<Record<string, number>>;

export interface Resource<R, K extends ResourceKey = number> {
  /** The audit trail's entity type (who changed it last, for a CONFLICT answer). */
  entity: string;
  /**
   * The record with this key if the actor may see it, else null. The visibility predicate is
   * part of the SQL. `lock` takes a row lock (FOR UPDATE) for the rest of the transaction.
   */
  load: (db: Executor, actor: Actor, key: K, lock: boolean) => Promise<R | null>;
  /** What can() reads: the county and the people and unit the relations are read from. */
  subject: (record: R) => Subject;
  /**
   * The record's optimistic-locking version (only for resources that have one). Null for a
   * record that does not exist yet (a resource whose actions may create it: LoadSpec.creates).
   */
  version?: (record: R) => number | null;
  /** The record's id, for the audit lookup of a CONFLICT answer (null while it does not exist yet). */
  id: (record: R) => number | null;
  /** The record as it is now, as a CONFLICT answer shows it (read afresh: it may have moved on). */
  current?: (db: Executor, id: number) => Promise<Record<string, unknown> | null>;
}

export function defineResource<R, K extends ResourceKey = number>(resource: Resource<R, K>): Resource<R, K> {
  return resource;
}

/** The input fields that hold numbers (an id, a version). */
export type NumberKeys<I> = { [K in keyof I]-?: NonNullable<I[K]> extends number ? K : never }[keyof I] & string;

export interface LoadSpec<I, R, K extends ResourceKey = number> {
  resource: Resource<R, K>;
  /** The input field with the record's id; for a natural key, the input field of each of its parts. */
  id: K extends number ? NumberKeys<I> : { readonly [P in keyof K]: NumberKeys<I> };
  /** The input field with the version the user saw (checked when present in the input). */
  version?: NumberKeys<I>;
  /**
   * The record may not exist yet, and the action then creates it (the resource's `version` is
   * null for it). An input without a version is a create: if the record exists (someone created
   * it since the form was opened), that is a CONFLICT like a stale version.
   */
  creates?: boolean;
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

/** The key the input names the spec's record by, or null when a part of it is not a number. */
export function keyOf<I, R, K extends ResourceKey>(spec: LoadSpec<I, R, K>, input: I): K | null {
  const fields = input as Record<string, unknown>;
  if (typeof spec.id === 'string') {
    const id = fields[spec.id];
    return typeof id === 'number' ? (id as K) : null;
  }
  const key: Record<string, number> = {};
  for (const [part, field] of Object.entries(spec.id as Record<string, string>)) {
    const value = fields[field];
    if (typeof value !== 'number') return null;
    key[part] = value;
  }
  return key as K;
}

/** The input fields the spec reads the key from (for the field error of a record chosen in a form). */
function keyFields(spec: LoadSpec<never, unknown, ResourceKey>): string[] {
  return typeof spec.id === 'string' ? [spec.id] : Object.values(spec.id as Record<string, string>);
}

/**
 * Loads the record named by the input and checks, in this order: not visible → NOT_FOUND (also
 * for a role without the permission: what the actor cannot see is not found, whatever the
 * role); visible but the permission's grant does not cover it → FORBIDDEN; the version the user saw
 * is not the record's, or a create (LoadSpec.creates, no version in the input) meets a record that
 * exists → CONFLICT. Returns the record the caller may touch.
 */
export async function authorize<I, R, K extends ResourceKey = number>(
  db: Executor,
  actor: Actor,
  permission: Permission,
  spec: LoadSpec<I, R, K>,
  input: I,
): Promise<R> {
  // A role that never holds the permission takes no lock: it only learns whether the record exists for it.
  const granted = mayEver(actor, permission);
  const key = keyOf(spec, input);
  const record = key !== null ? await spec.resource.load(db, actor, key, granted && (spec.lock ?? false)) : null;
  if (record === null) {
    const fields = keyFields(spec as unknown as LoadSpec<never, unknown, ResourceKey>);
    throw new AppError(
      'NOT_FOUND',
      `${spec.resource.entity} not found`,
      spec.field ? { fieldErrors: Object.fromEntries(fields.map((f) => [f, ['validation.invalidChoice']])) } : {},
    );
  }
  if (!can(actor, permission, spec.resource.subject(record)))
    throw new AppError('FORBIDDEN', `${permission} not granted on this ${spec.resource.entity}`);
  if (spec.version !== undefined && spec.resource.version) {
    const seen = (input as Record<string, unknown>)[spec.version];
    const saved = spec.resource.version(record);
    const id = spec.resource.id(record);
    // A record not created yet has nothing to be stale against; a create that meets one is stale.
    const stale = saved !== null && (typeof seen === 'number' ? seen !== saved : spec.creates === true);
    if (stale && id !== null) throw await conflictWith(db, spec.resource, id, spec.conflictMessage);
  }
  return record;
}
