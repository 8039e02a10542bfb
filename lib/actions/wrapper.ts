import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { recordAudit, type AuditInput } from '@/lib/audit/record';
import { type Actor, hasPermission, type Permission } from '@/lib/authz';
import { dataChanged } from '@/lib/dashboard/data-changed';
import { AppError, fromDatabaseError } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import type { ActionResult } from './result';
import { zodFieldErrors } from './translate-zod';

export interface ActionContext<I> {
  actor: Actor;
  input: I;
  tx: Tx;
  requestId: string;
  /** The user's language, for field errors raised inside run. */
  t: Translate;
  /** Records the mutation's audit event in the same transaction. */
  audit: (ev: AuditInput) => Promise<void>;
}

export interface ActionDef<S extends z.ZodType, R> {
  name: string;
  schema: S;
  /**
   * The coarse permission checked before anything runs. Checks that depend on the record
   * (ownership, scope) are made inside `run` with can(), after loading it in the transaction.
   * A permission whose `.own`/`.unit` variant the role holds passes here and must be checked in run.
   */
  permission: Permission;
  run: (ctx: ActionContext<z.output<S>>) => Promise<R>;
}

export type Action<R> = ((input: unknown) => Promise<ActionResult<R>>) & {
  /** Runs the action for a given actor (tests, scripts, route handlers). */
  execute: (actor: Actor | null, input: unknown, t?: Translate) => Promise<ActionResult<R>>;
};

/** Field errors raised inside run may be catalogue keys (validation.codeTaken): translate those. */
function translateFieldErrors(errors: Record<string, string[]>, t: Translate): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, msgs]) => [k, msgs.map((m) => (t.has(m) ? t(m) : m))]));
}

function allowedCoarse(actor: Actor, permission: Permission): boolean {
  return (
    hasPermission(actor, permission) ||
    hasPermission(actor, `${permission}.own` as Permission) ||
    hasPermission(actor, `${permission}.unit` as Permission)
  );
}

/**
 * The one wrapper every mutation goes through: authenticate, validate with zod, check the
 * permission, run the mutation and its audit event in one transaction, and return a typed
 * result with a message in the user's language. Nothing is written when any step fails.
 */
export function createAction<S extends z.ZodType, R>(def: ActionDef<S, R>): Action<R> {
  const execute = async (actor: Actor | null, raw: unknown, maybeT?: Translate): Promise<ActionResult<R>> => {
    const t = maybeT ?? (await import('@/lib/i18n/translate')).fallbackTranslator();
    const requestId = randomUUID();
    try {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          code: 'INVALID',
          message: t('errors.INVALID'),
          fieldErrors: zodFieldErrors(parsed.error, t),
        };
      }
      if (!allowedCoarse(actor, def.permission)) throw new AppError('FORBIDDEN');
      const db = await getDb();
      const data = await db.transaction(async (tx) =>
        def.run({
          actor,
          input: parsed.data as z.output<S>,
          tx,
          t,
          requestId,
          audit: (ev) => recordAudit(tx, actor, { ...ev, action: ev.action || def.name }, requestId),
        }),
      );
      dataChanged(); // committed: in-process read caches (lib/dashboard/cache.ts) start afresh
      return { ok: true, data };
    } catch (err) {
      const appErr = err instanceof AppError ? err : fromDatabaseError(err);
      if (appErr && appErr.code !== 'INTERNAL') {
        return {
          ok: false,
          code: appErr.code,
          message: appErr.messageKey && t.has(appErr.messageKey) ? t(appErr.messageKey) : t(`errors.${appErr.code}`),
          ...(appErr.fieldErrors ? { fieldErrors: translateFieldErrors(appErr.fieldErrors, t) } : {}),
          ...(appErr.current ? { current: appErr.current } : {}),
        };
      }
      // Log the cause, not the query: drizzle's errors carry the parameters (e.g. password hashes).
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      console.error(`[action ${def.name}] request ${requestId} failed:`, cause instanceof Error ? `${cause.name}: ${cause.message}` : cause);
      return { ok: false, code: 'INTERNAL', message: t('errors.INTERNAL', { requestId }) };
    }
  };

  const bound = async (raw: unknown): Promise<ActionResult<R>> => {
    const [{ getActor }, { requestTranslator }] = await Promise.all([
      import('@/lib/auth/session'),
      import('@/lib/i18n/translate-server'),
    ]);
    return execute(await getActor(), raw, await requestTranslator());
  };
  return Object.assign(bound, { execute });
}
