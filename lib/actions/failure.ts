/**
 * What a failed action or route request answers, from what was thrown: one translation for the
 * action wrapper (lib/actions/wrapper.ts, an ActionResult) and the route wrapper
 * (lib/http/route.ts, the same as a JSON Response).
 */
import { AppError, fromDatabaseError, isUnavailable } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { logFailure } from '@/lib/request-id';
import type { ActionResult } from './result';

export type Failure = Extract<ActionResult<never>, { ok: false }>;

/** Field errors raised inside run may be catalogue keys (validation.codeTaken): translate those. */
function translateFieldErrors(errors: Record<string, string[]>, t: Translate): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, msgs]) => [k, msgs.map((m) => (t.has(m) ? t(m) : m))]));
}

/** An AppError (not INTERNAL) as the user's answer, in their language. */
export function failureOf(err: AppError, t: Translate): Failure {
  return {
    ok: false,
    code: err.code,
    message: err.messageKey && t.has(err.messageKey) ? t(err.messageKey, err.messageValues) : t(`errors.${err.code}`),
    ...(err.fieldErrors ? { fieldErrors: translateFieldErrors(err.fieldErrors, t) } : {}),
    ...(err.current ? { current: err.current } : {}),
  };
}

/**
 * Anything thrown, as the user's answer: an AppError, or a database error that means "the data
 * broke a rule" (fromDatabaseError), keeps its code; a database that cannot be reached
 * (isUnavailable: refused, closed, shut down) is UNAVAILABLE, logged once; anything else (and
 * INTERNAL) is logged once under `scope` with the request id, and answers the generic message
 * naming that id.
 */
export function failureFrom(err: unknown, t: Translate, requestId: string, scope: string): Failure {
  if (!(err instanceof AppError) && isUnavailable(err)) {
    logFailure(scope, requestId, err);
    return { ok: false, code: 'UNAVAILABLE', message: t('errors.UNAVAILABLE') };
  }
  const appErr = err instanceof AppError ? err : fromDatabaseError(err);
  if (appErr && appErr.code !== 'INTERNAL') return failureOf(appErr, t);
  logFailure(scope, requestId, err);
  return { ok: false, code: 'INTERNAL', message: t('errors.INTERNAL', { requestId }) };
}
