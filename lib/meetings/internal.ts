/**
 * Helpers of the meeting actions: loading a meeting or an agenda item for a change with the
 * checks every change shares, the conflict answer, versioned writes. Take the transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { meetingAgendaItems, meetings } from '@/db/schema';
import { lastChange } from '@/lib/audit/record';
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { MeetingStatus } from './constants';
import type { MeetingRow } from './get-meeting';
import { canManageMeeting, meetingVisibleTo } from './scope';

export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;

/** A refusal because of the meeting's state; the message says why (catalogue key under meetings.error). */
export function stateError(key: string, field = 'status'): AppError {
  return new AppError('INVALID', key, { messageKey: `meetings.error.${key}`, fieldErrors: { [field]: [`meetings.error.${key}`] } });
}

export async function meetingConflict(tx: Executor, id: number): Promise<AppError> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  return new AppError('CONFLICT', 'stale meeting', { current: { ...row, ...(await lastChange(tx, 'meeting', id)) } });
}

export async function itemConflict(tx: Executor, id: number): Promise<AppError> {
  const [row] = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, id)).limit(1);
  return new AppError('CONFLICT', 'stale agenda item', { current: { ...row, ...(await lastChange(tx, 'meeting_agenda_item', id)) } });
}

/**
 * The meeting, locked for this transaction, with the checks in this order: not visible →
 * NOT_FOUND; not the actor's to run → FORBIDDEN; stale version → CONFLICT (with the current
 * values); a state that does not allow the step → INVALID.
 */
export async function loadMeetingForChange(
  tx: Tx,
  actor: Actor,
  input: { id: number; version?: number },
  allowed: readonly MeetingStatus[],
): Promise<MeetingRow> {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, input.id)).limit(1).for('update');
  if (!m || !meetingVisibleTo(actor, m)) throw new AppError('NOT_FOUND', 'meeting not found');
  if (!canManageMeeting(actor, m)) throw new AppError('FORBIDDEN', 'not allowed to run this meeting');
  if (input.version !== undefined && m.version !== input.version) throw await meetingConflict(tx, m.id);
  if (!allowed.includes(m.status)) throw stateError(m.status === 'published' ? 'published' : 'wrongState');
  return m;
}

/** Writes a versioned patch of the meeting; zero rows means someone else got there first. */
export async function writeMeeting(tx: Tx, m: MeetingRow, patch: Partial<MeetingRow>): Promise<MeetingRow> {
  const [after] = await tx
    .update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1`, updatedAt: now() })
    .where(and(eq(meetings.id, m.id), eq(meetings.version, m.version)))
    .returning();
  if (!after) throw await meetingConflict(tx, m.id);
  return after;
}

/** The agenda item and its meeting (locked), checked like loadMeetingForChange plus the item's version. */
export async function loadItemForChange(
  tx: Tx,
  actor: Actor,
  input: { id: number; version: number },
  allowed: readonly MeetingStatus[],
): Promise<{ item: AgendaItemRow; meeting: MeetingRow }> {
  const [item] = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, input.id)).limit(1).for('update');
  if (!item) throw new AppError('NOT_FOUND', 'agenda item not found');
  const meeting = await loadMeetingForChange(tx, actor, { id: item.meetingId }, allowed);
  if (item.version !== input.version) throw await itemConflict(tx, item.id);
  return { item, meeting };
}

/** The audited fields of a meeting (no version or timestamps' noise). */
export function auditedMeeting(m: Partial<MeetingRow>): Record<string, unknown> {
  const keys = ['title', 'meetingDate', 'chairId', 'scopeCategoryCode', 'scopeCountyId', 'scopeLeaderId', 'status'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (m[k] !== undefined) out[k] = m[k];
  return out;
}
