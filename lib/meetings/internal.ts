/**
 * Helpers of the meeting actions: the state refusals, versioned writes, the audited fields.
 * Take the transaction. Loading and authorizing a meeting or an agenda item is not here: the
 * action wrapper does it through lib/meetings/resource.ts (404 / 403 / 409 before run).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { meetings } from '@/db/schema';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { MeetingStatus } from './constants';
import type { MeetingRow } from './get-meeting';
import { meetingResource } from './resource';

/** A refusal because of the meeting's state; the message says why (catalogue key under meetings.error). */
export function stateError(key: string, field = 'status'): AppError {
  return new AppError('INVALID', key, { messageKey: `meetings.error.${key}`, fieldErrors: { [field]: [`meetings.error.${key}`] } });
}

/** A step the meeting's status does not allow (after publishing: nothing changes any more). */
export function requireStatus(m: Pick<MeetingRow, 'status'>, allowed: readonly MeetingStatus[]): void {
  if (!allowed.includes(m.status)) throw stateError(m.status === 'published' ? 'published' : 'wrongState');
}

/** Writes a versioned patch of the meeting; zero rows means someone else got there first. */
export async function writeMeeting(tx: Tx, m: MeetingRow, patch: Partial<MeetingRow>): Promise<MeetingRow> {
  const [after] = await tx
    .update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1`, updatedAt: now() })
    .where(and(eq(meetings.id, m.id), eq(meetings.version, m.version)))
    .returning();
  if (!after) throw await conflictWith(tx, meetingResource, m.id);
  return after;
}

/** The audited fields of a meeting (no version or timestamps' noise). */
export function auditedMeeting(m: Partial<MeetingRow>): Record<string, unknown> {
  const keys = ['title', 'meetingDate', 'chairId', 'scopeCategoryCode', 'scopeCountyId', 'scopeLeaderId', 'status'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (m[k] !== undefined) out[k] = m[k];
  return out;
}
