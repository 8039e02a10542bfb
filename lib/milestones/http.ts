import 'server-only';
import { z } from 'zod';
import { routeId } from '@/lib/http/id';
import { withRoute } from '@/lib/http/route';
import { updateMilestone } from './actions';

/**
 * PATCH /api/milestones/:id — the REST form of the milestone update (节点更新).
 *
 * Body (JSON): { version, status, forecastDate?, actualDate?, note?, capacity? }. An absent field is
 * left as it is; '' or null clears a date, the note or the capacity (a grid connection's batch, in
 * the project's capacity unit, as a decimal string). `version` is the one the client last read: a
 * stale version answers 409 with `current` (the milestone as it is now, with changedBy and
 * changedAt), never overwrites.
 *
 * Authentication is the signed-in session (the same cookie as the pages). Everything else
 * (validation, permission, scope, optimistic locking, the audit event) is the updateMilestone
 * action, the same one the form uses; the route wrapper (lib/http/route.ts) adds the id from
 * the path and turns the action's answer into the response.
 *
 * Only application/json is accepted (415 otherwise): a cross-site page cannot send a JSON
 * PATCH with the user's cookies without a CORS preflight, which this route never grants.
 *
 * Answers: 200 { ok: true, data: { id, projectId, version } }, or
 * { ok: false, code, message, fieldErrors?, current?, requestId } with the status of the code
 * (lib/errors.ts): 401, 404 (malformed id, or a milestone the user may not see), 403, 409, 422.
 */
const EDITABLE = ['version', 'status', 'forecastDate', 'actualDate', 'note', 'capacity'] as const;

export const patchMilestoneRoute = withRoute({
  name: 'milestone.patch',
  auth: true,
  params: z.object({ id: routeId }),
  body: z.record(z.string(), z.unknown()),
  handler: async ({ actor, params, body, t, requestId }) => {
    // Only the editable fields reach the action; the id comes from the path, never the body.
    const input: Record<string, unknown> = { id: params.id };
    for (const key of EDITABLE) if (key in body) input[key] = body[key];
    return updateMilestone.execute(actor, input, t, requestId);
  },
});
