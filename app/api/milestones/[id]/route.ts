import { getActor } from '@/lib/auth/session';
import { ERROR_STATUS } from '@/lib/errors';
import { requestTranslator } from '@/lib/i18n/translate-server';
import { updateMilestone } from '@/lib/milestones/actions';

/**
 * PATCH /api/milestones/:id — the REST form of the milestone update (节点更新).
 *
 * Body (JSON): { version, status, forecastDate?, actualDate?, note? }. An absent field is left as
 * it is; '' or null clears a date or the note. `version` is the one the client last read: a
 * stale version answers 409 with `current` (the milestone as it is now), never overwrites.
 *
 * Authentication is the signed-in session (the same cookie as the pages), checked against the
 * sessions table by getActor(). Everything else (validation, permission, scope, optimistic
 * locking, the audit event) is the updateMilestone action, the same one the form uses.
 *
 * Only application/json is accepted: a cross-site page cannot send a JSON PATCH with the
 * user's cookies without a CORS preflight, which this route never grants.
 *
 * Answers: 200 { ok: true, data: { id, projectId, version } }, or
 * { ok: false, code, message, fieldErrors?, current? } with the status of the code (lib/errors.ts).
 */

export const dynamic = 'force-dynamic';

const EDITABLE = ['version', 'status', 'forecastDate', 'actualDate', 'note'] as const;

const NO_STORE = { 'cache-control': 'no-store' } as const;

function failure(status: number, code: keyof typeof ERROR_STATUS, message: string, extra: Record<string, unknown> = {}) {
  return Response.json({ ok: false, code, message, ...extra }, { status, headers: NO_STORE });
}

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, actor] = await Promise.all([params, requestTranslator(), getActor()]);
  if (!actor) return failure(ERROR_STATUS.UNAUTHENTICATED, 'UNAUTHENTICATED', t('errors.UNAUTHENTICATED'));

  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return failure(415, 'INVALID', t('errors.INVALID'));
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return failure(ERROR_STATUS.INVALID, 'INVALID', t('errors.INVALID'));
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failure(ERROR_STATUS.INVALID, 'INVALID', t('errors.INVALID'));
  }

  // Only the editable fields reach the action; the id comes from the path, never the body.
  const input: Record<string, unknown> = { id };
  for (const key of EDITABLE) {
    if (key in body) input[key] = (body as Record<string, unknown>)[key];
  }

  const result = await updateMilestone.execute(actor, input, t);
  if (result.ok) return Response.json({ ok: true, data: result.data }, { headers: NO_STORE });
  return Response.json(result, { status: ERROR_STATUS[result.code], headers: NO_STORE });
}
