/**
 * Idempotency keys: a write retried after a dropped connection is applied once.
 *
 * The client names a write with a key of its choosing (a UUID per attempt of the user's, kept
 * across retries of that attempt): a server action takes it as the input's `idempotencyKey`
 * field (stripped before the schema), a route as the `Idempotency-Key` header. The action wrapper
 * claims (actor, scope, key) in the write's own transaction before the record is loaded:
 * - first time: a row with the request's hash is inserted, the action runs, and its answer is
 *   stored in that row; a failure rolls the row back with everything else (a retry runs again);
 * - a repeat with the same request: the stored answer, nothing runs again;
 * - a repeat with another request: IDEMPOTENCY_MISMATCH (422);
 * - a repeat while the first is still running: the insert waits on the first one's row (the
 *   primary key), then sees its committed answer (or, if it rolled back, runs itself).
 * Keys expire after 24 hours; expired rows are deleted lazily by later claims.
 *
 * A route's key is handed to the actions its handler runs through the request's context
 * (AsyncLocalStorage, set by withRoute): the scope is `<route>:<action>` and the hash is the
 * request's (method, path and query, body bytes), not the action's input, which the handler may
 * build with fresh values (a photo's storage key).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { now } from '@/lib/clock';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** The header a route reads the key from. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The input field an action reads the key from (removed before the schema parses). */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export function isValidKey(key: unknown): key is string {
  return typeof key === 'string' && KEY.test(key);
}

/**
 * The key of an action's input, and the input without it. `bad`: a key that is there but not a
 * valid key (a field error). Only a plain object's own field counts.
 */
export function takeKey(raw: unknown): { key: string | null; input: unknown; bad: boolean } {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Object.getPrototypeOf(raw) !== Object.prototype ||
    !Object.hasOwn(raw, IDEMPOTENCY_FIELD)
  ) {
    return { key: null, input: raw, bad: false };
  }
  const { [IDEMPOTENCY_FIELD]: key, ...rest } = raw as Record<string, unknown>;
  if (key === undefined || key === null || key === '') return { key: null, input: rest, bad: false };
  return isValidKey(key) ? { key, input: rest, bad: false } : { key: null, input: rest, bad: true };
}

/** JSON with object keys sorted (the same value hashes the same whatever its key order). */
function stable(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stable(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value) ?? 'null';
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(stable(value)).digest('hex');
}

// ── A route's key, for the actions its handler runs ─────────────────────────────────────

export interface RouteIdempotency {
  /** The route's name (the scope's first half). */
  route: string;
  key: string;
  /** `<METHOD> <path>?<query>` of the request. */
  target: string;
  /** sha256 of the body bytes, set by the body reader (lib/http/body.ts); null: no body read. */
  bodyHash: string | null;
  /** Set by the action wrapper when it answered from a stored answer (the route may undo side effects). */
  replayed: boolean;
}

const routeScope = new AsyncLocalStorage<RouteIdempotency>();

/** Runs a route's handler with its key (withRoute). */
export function withRouteKey<T>(ctx: RouteIdempotency, fn: () => Promise<T>): Promise<T> {
  return routeScope.run(ctx, fn);
}

/** The current route request's key, if it sent one. */
export function routeKey(): RouteIdempotency | undefined {
  return routeScope.getStore();
}

/** What the body reader read, for the route's request hash. */
export function noteBody(bytes: Uint8Array): void {
  const ctx = routeScope.getStore();
  if (ctx) ctx.bodyHash = createHash('sha256').update(bytes).digest('hex');
}

export function routeRequestHash(ctx: RouteIdempotency): string {
  return hashOf({ target: ctx.target, body: ctx.bodyHash });
}

// ── The claim, in the write's transaction ───────────────────────────────────────────────

export interface Claim {
  actorId: number;
  scope: string;
  key: string;
  requestHash: string;
}

export type ClaimResult = { kind: 'fresh' } | { kind: 'replay'; data: unknown } | { kind: 'mismatch' };

/** At most this many expired rows (of anyone) are removed per claim, without waiting on any. */
const SWEEP = 100;

/**
 * Claims the key inside the write's transaction (see the file's comment). Call it before the
 * record is loaded: a replay must not meet the version the first request moved on.
 */
export async function claimKey(tx: Tx, c: Claim): Promise<ClaimResult> {
  const cutoff = new Date(now().getTime() - IDEMPOTENCY_TTL_MS);
  const same = and(eq(idempotencyKeys.actorId, c.actorId), eq(idempotencyKeys.scope, c.scope), eq(idempotencyKeys.key, c.key));
  // This key, if it has expired, is free again; a few other expired rows go too (SKIP LOCKED:
  // a row another transaction is deleting is left to it, nobody waits).
  await tx.delete(idempotencyKeys).where(and(same, lt(idempotencyKeys.createdAt, cutoff)));
  await tx.execute(
    sql`delete from idempotency_keys where ctid in (
          select ctid from idempotency_keys where created_at < ${cutoff.toISOString()} limit ${SWEEP} for update skip locked)`,
  );

  // Waits while another transaction holds an uncommitted row with this key (the primary key).
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ actorId: c.actorId, scope: c.scope, key: c.key, requestHash: c.requestHash, createdAt: now() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return { kind: 'fresh' };

  const [row] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, answer: idempotencyKeys.answer })
    .from(idempotencyKeys)
    .where(same);
  // Gone between the two statements (expired and swept by another claim): a conflict to retry.
  if (!row) throw Object.assign(new Error('idempotency key vanished'), { code: '40001' });
  if (row.requestHash !== c.requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', data: row.answer?.data ?? null };
}

/** Stores the first request's answer with its claim (same transaction); returns the data as stored. */
export async function storeAnswer(tx: Tx, c: Claim, data: unknown): Promise<unknown> {
  // Through JSON once, so the stored answer is exactly what a replay returns.
  const answer = { ok: true as const, data: data === undefined ? null : (JSON.parse(JSON.stringify(data)) as unknown) };
  await tx
    .update(idempotencyKeys)
    .set({ answer: sql`${JSON.stringify(answer)}::jsonb` })
    .where(and(eq(idempotencyKeys.actorId, c.actorId), eq(idempotencyKeys.scope, c.scope), eq(idempotencyKeys.key, c.key)));
  return answer.data;
}
