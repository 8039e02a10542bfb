import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { recordAudit, type AuditInput } from '@/lib/audit/record';
import { type Actor, can, type Permission } from '@/lib/authz';
import { authorize, type LoadSpec, type Resource, type ResourceKey } from '@/lib/authz/resource';
import { announceDataChange, dataChanged } from '@/lib/cache/data-changed';
import { AppError } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { newRequestId } from '@/lib/request-id';
import { failureFrom } from './failure';
import { type Claim, claimKey, hashOf, IDEMPOTENCY_FIELD, routeKey, routeRequestHash, storeAnswer, takeKey } from './idempotency';
import type { ActionResult } from './result';
import { parseInput } from './parse-input';

export interface ActionContext<I, Rec = undefined, Rel extends Related = Related> {
  actor: Actor;
  input: I;
  /** The record named by the input, loaded through its scoped query and authorized (def.load). */
  record: Rec;
  /** The further records the action touches (def.related), each authorized; absent where the input names none. */
  related: { [P in keyof Rel]: Rel[P] | undefined };
  tx: Tx;
  requestId: string;
  /** The user's language, for field errors raised inside run. */
  t: Translate;
  /** Records the mutation's audit event in the same transaction. */
  audit: (ev: AuditInput) => Promise<void>;
}

/** The records of an action's `related` loads, by name. */
export type Related = Record<string, unknown>;

/**
 * A further record an action touches beside its own (the project of a problem assigned from a
 * meeting's item): named by the input and the main record, loaded through its resource's scoped
 * query and checked for its own permission, by the wrapper, after the main record.
 */
export interface RelatedLoad<I, Rec, R> {
  resource: Resource<R>;
  permission: Permission;
  /** Its id, or null when the input names none (then nothing is loaded and `related` lacks it). */
  key: (input: I, record: Rec) => number | null;
  /** The input field that names it (a "not found" is a field error on it). */
  field: string;
}

export interface ActionDef<S extends z.ZodType, R, Rec = undefined, K extends ResourceKey = number, Rel extends Related = Related> {
  name: string;
  schema: S;
  /**
   * The permission. With `load`, it is checked on the loaded record (the role's grant: ANY, or
   * a relation to the record, as the permission table says); without, only an ANY grant passes.
   */
  permission: Permission;
  /**
   * The record the action works on: loaded inside the transaction through its resource's scoped
   * query and authorized before `run` (404 / 403 / 409 answered here, never in run).
   */
  load?: LoadSpec<z.output<S>, Rec, K>;
  /** Further records, each loaded and authorized for its own permission before `run`. */
  related?: { [P in keyof Rel]: RelatedLoad<z.output<S>, Rec, Rel[P]> };
  /** Only prefecture-wide actors (a county user is refused with FORBIDDEN before anything is read). */
  prefectureOnly?: boolean;
  run: (ctx: ActionContext<z.output<S>, Rec, Rel>) => Promise<R>;
}

/** What the wrapper knows of an action (for the tests that walk every action). */
export interface ActionMeta {
  name: string;
  permission: Permission;
  load?: LoadSpec<never, unknown>;
  /** The permissions of the related loads, by name. */
  related?: Record<string, Permission>;
  prefectureOnly?: boolean;
}

export type Action<R> = ((input: unknown) => Promise<ActionResult<R>>) & {
  /**
   * Runs the action for a given actor (tests, scripts, route handlers). A route handler passes
   * its request id, so the audit events and a failure's reference are the request's.
   */
  execute: (actor: Actor | null, input: unknown, t?: Translate, requestId?: string) => Promise<ActionResult<R>>;
  meta: ActionMeta;
};

/** Whether a value is an action made by createAction (every mutation export must be one). */
export function isAction(value: unknown): value is Action<unknown> {
  return typeof value === 'function' && typeof (value as Partial<Action<unknown>>).execute === 'function' && 'meta' in value;
}

/**
 * The one wrapper every mutation goes through: authenticate, validate with zod, check the
 * permission, run the mutation and its audit event in one transaction, and return a typed
 * result with a message in the user's language. Nothing is written when any step fails.
 */
export function createAction<S extends z.ZodType, R, Rec = undefined, K extends ResourceKey = number, Rel extends Related = Related>(
  def: ActionDef<S, R, Rec, K, Rel>,
): Action<R> {
  const execute = async (actor: Actor | null, raw: unknown, maybeT?: Translate, givenRequestId?: string): Promise<ActionResult<R>> => {
    const t = maybeT ?? (await import('@/lib/i18n/translate')).fallbackTranslator();
    const requestId = givenRequestId ?? newRequestId();
    try {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      // An idempotency key (lib/actions/idempotency.ts) is no part of the action's input.
      const taken = takeKey(raw);
      if (taken.bad) {
        return {
          ok: false,
          code: 'INVALID',
          message: t('errors.INVALID'),
          fieldErrors: { [IDEMPOTENCY_FIELD]: [t('errors.IDEMPOTENCY_KEY')] },
        };
      }
      const parsed = parseInput(def.schema, taken.input, t);
      if (!parsed.ok) return { ok: false, code: 'INVALID', message: t('errors.INVALID'), fieldErrors: parsed.fieldErrors };
      // Without a record to relate to, only an ANY grant counts; with one, authorize() answers
      // 404 / 403 / 409 on the loaded record.
      if (!def.load && !can(actor, def.permission)) throw new AppError('FORBIDDEN');
      if (def.prefectureOnly && actor.countyId !== null)
        throw new AppError('FORBIDDEN', 'prefecture only', { messageKey: 'errors.PREFECTURE_ONLY' });
      const input = parsed.data as z.output<S>;
      // The input's own key, else the key of the route request this action runs for.
      const route = taken.key ? undefined : routeKey();
      const claim: Claim | null = taken.key
        ? { actorId: actor.id, scope: def.name, key: taken.key, requestHash: hashOf(input) }
        : route
          ? { actorId: actor.id, scope: `${route.route}:${def.name}`, key: route.key, requestHash: routeRequestHash(route) }
          : null;
      const db = await getDb();
      const outcome = await db.transaction(async (tx) => {
        // Claimed before the record is loaded: a replay must not meet the version the first moved on.
        if (claim) {
          const claimed = await claimKey(tx, claim);
          if (claimed.kind === 'mismatch') throw new AppError('IDEMPOTENCY_MISMATCH');
          if (claimed.kind === 'replay') return { replayed: true, data: claimed.data as R };
        }
        const record = (def.load ? await authorize(tx, actor, def.permission, def.load, input) : undefined) as Rec;
        const data = await def.run({
          actor,
          input,
          record,
          related: await loadRelated(tx, actor, def.related, input, record),
          tx,
          t,
          requestId,
          audit: (ev) => recordAudit(tx, actor, { ...ev, action: ev.action || def.name }, requestId),
        });
        await announceDataChange(tx); // the other app instances' caches: a notice sent on commit only
        if (!claim) return { replayed: false, data };
        // With a key, the first answer is the stored one (through JSON), so a repeat gets the same.
        return { replayed: false, data: (await storeAnswer(tx, claim, data)) as R };
      });
      if (outcome.replayed) {
        if (route) route.replayed = true;
        return { ok: true, data: outcome.data };
      }
      const data = outcome.data;
      dataChanged(); // committed: this process's read caches (lib/cache/cache.ts) start afresh
      return { ok: true, data };
    } catch (err) {
      // An AppError or a database rule keeps its code; anything else is logged (never the query:
      // drizzle's errors carry the parameters) and answers the generic message with the id.
      return failureFrom(err, t, requestId, `action ${def.name}`);
    }
  };

  const bound = async (raw: unknown): Promise<ActionResult<R>> => {
    const [{ getActor }, { requestTranslator }] = await Promise.all([import('@/lib/auth/session'), import('@/lib/i18n/translate-server')]);
    return execute(await getActor(), raw, await requestTranslator());
  };
  const meta: ActionMeta = {
    name: def.name,
    permission: def.permission,
    ...(def.load ? { load: def.load as unknown as LoadSpec<never, unknown> } : {}),
    ...(def.related
      ? {
          related: Object.fromEntries(
            Object.entries(def.related).map(([name, rel]) => [name, (rel as RelatedLoad<never, never, unknown>).permission]),
          ),
        }
      : {}),
    ...(def.prefectureOnly ? { prefectureOnly: true } : {}),
  };
  return Object.assign(bound, { execute, meta });
}

/** Loads and authorizes each related record the input names, one after the other (one transaction handle). */
async function loadRelated<I, Rec, Rel extends Related>(
  tx: Tx,
  actor: Actor,
  related: { [P in keyof Rel]: RelatedLoad<I, Rec, Rel[P]> } | undefined,
  input: I,
  record: Rec,
): Promise<{ [P in keyof Rel]: Rel[P] | undefined }> {
  const out: Partial<Record<keyof Rel, unknown>> = {};
  for (const name of Object.keys(related ?? {}) as (keyof Rel)[]) {
    const rel = related![name];
    const key = rel.key(input, record);
    if (key === null) continue;
    out[name] = await authorize(tx, actor, rel.permission, { resource: rel.resource, id: rel.field, field: true }, { [rel.field]: key });
  }
  return out as { [P in keyof Rel]: Rel[P] | undefined };
}
