/**
 * The meeting's own steps, each through createAction (authenticated, validated, the meeting
 * loaded and authorized by the wrapper before run — 404 / 403 / 409 — and audited in one
 * transaction; each step checks only what the meeting's status allows):
 *
 * - createMeeting   planned meeting with title, date, chair, participants, invited units, scope
 * - updateMeeting   the same fields until the minutes are published; the scope only before freezing
 * - freezeMeeting   keeps the status table of every project in scope as of now (once)
 * - holdMeeting     planned → held (needs the frozen table and a chair; before the meeting's
 *                   date only with confirmEarly: true, else 422 heldEarly naming the date)
 * - publishMinutes  held → minutes published (the agenda and decisions become the record)
 *
 * Who: the dispatch office whose scope covers the meeting's (meeting.manage). The database
 * backs each rule (CHECK constraints and the guard triggers of migration 0004).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { categories, counties, meetingParticipants, meetings, units, users } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { type Actor, hasPermission } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { auditedMeeting, requireStatus, stateError, writeMeeting } from './internal';
import { meetingResource } from './resource';
import { writeSnapshot } from './snapshot';
import { createMeetingSchema, holdMeetingSchema, meetingStepSchema, updateMeetingSchema } from './schemas';
import type { z } from 'zod';

type MeetingFields = z.output<typeof createMeetingSchema>;

export interface MeetingResult {
  id: number;
  version: number;
  status: (typeof meetings.status.enumValues)[number];
}
const result = (m: typeof meetings.$inferSelect): MeetingResult => ({ id: m.id, version: m.version, status: m.status });

/** A change of the meeting named by `id`, at the version the user saw; locked for the transaction. */
const meetingLoad = { resource: meetingResource, id: 'id', version: 'version', lock: true } as const;

const invalid = (field: string, key = 'validation.invalidChoice') =>
  new AppError('INVALID', `bad ${field}`, { fieldErrors: { [field]: [key] } });

/**
 * Checks the references of the form: the scope within the actor's (a county office's meeting is
 * of its county; its county is the default), a chair and a scope leader who are active responsible
 * leaders covering the meeting's county, participants who are active users, units that exist.
 * Retired reference entries (lib/reference) are not offered by the form: choosing one is refused,
 * but an edit keeps the one the meeting already holds (`kept`).
 */
async function checkFields(tx: Tx, actor: Actor, input: MeetingFields, kept?: KeptRefs) {
  const scopeCountyId = input.scopeCountyId ?? actor.countyId ?? null;
  if (actor.countyId !== null && scopeCountyId !== actor.countyId) throw invalid('scopeCountyId');
  if (scopeCountyId !== null) {
    const [c] = await tx.select({ active: counties.active }).from(counties).where(eq(counties.id, scopeCountyId)).limit(1);
    if (!c || (!c.active && scopeCountyId !== kept?.scopeCountyId)) throw invalid('scopeCountyId');
  }
  const scopeCategoryCode = input.scopeCategoryCode ?? null;
  if (scopeCategoryCode !== null) {
    const [c] = await tx.select({ active: categories.active }).from(categories).where(eq(categories.code, scopeCategoryCode)).limit(1);
    if (!c || (!c.active && scopeCategoryCode !== kept?.scopeCategoryCode)) throw invalid('scopeCategoryCode');
  }
  const leaderOk = async (id: number) => {
    const [u] = await tx
      .select({ role: users.role, disabled: users.disabled, countyId: users.countyId })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    return Boolean(u && u.role === 'leader' && !u.disabled && (u.countyId === null || u.countyId === scopeCountyId));
  };
  const chairId = input.chairId ?? null;
  if (chairId !== null && !(await leaderOk(chairId))) throw invalid('chairId');
  const scopeLeaderId = input.scopeLeaderId ?? null;
  if (scopeLeaderId !== null && !(await leaderOk(scopeLeaderId))) throw invalid('scopeLeaderId');
  if (input.participantIds.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, input.participantIds), eq(users.disabled, false)));
    if (found.length !== input.participantIds.length) throw invalid('participantIds');
  }
  if (input.unitIds.length) {
    const found = await tx.select({ id: units.id, active: units.active }).from(units).where(inArray(units.id, input.unitIds));
    const usable = found.filter((u) => u.active || kept?.unitIds.includes(u.id));
    if (usable.length !== input.unitIds.length) throw invalid('unitIds');
  }
  return { scopeCountyId, scopeCategoryCode, chairId, scopeLeaderId };
}

/** What an edited meeting holds now: kept even when retired since. */
interface KeptRefs {
  scopeCountyId: number | null;
  scopeCategoryCode: string | null;
  unitIds: number[];
}

async function writeParticipants(tx: Tx, meetingId: number, userIds: number[], unitIds: number[]) {
  await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  const rows = [...userIds.map((userId) => ({ meetingId, userId })), ...unitIds.map((unitId) => ({ meetingId, unitId }))];
  if (rows.length) await tx.insert(meetingParticipants).values(rows);
}

async function participantsOf(tx: Tx, meetingId: number) {
  const rows = await tx.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  return {
    participantIds: rows.flatMap((r) => (r.userId !== null ? [r.userId] : [])).sort((a, b) => a - b),
    unitIds: rows.flatMap((r) => (r.unitId !== null ? [r.unitId] : [])).sort((a, b) => a - b),
  };
}

export const createMeeting = createAction({
  name: 'meeting.create',
  schema: createMeetingSchema,
  permission: 'meeting.manage',
  run: async ({ actor, input, tx, audit }) => {
    const refs = await checkFields(tx, actor, input);
    const at = now();
    const [m] = await tx
      .insert(meetings)
      .values({
        title: input.title,
        meetingDate: input.meetingDate,
        ...refs,
        status: 'planned',
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!m) throw new AppError('INTERNAL', 'insert returned nothing');
    await writeParticipants(tx, m.id, input.participantIds, input.unitIds);
    await audit({
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: m.id,
      after: { ...auditedMeeting(m), participantIds: input.participantIds, unitIds: input.unitIds },
    });
    return result(m);
  },
});

export const updateMeeting = createAction({
  name: 'meeting.update',
  schema: updateMeetingSchema,
  permission: 'meeting.manage',
  load: meetingLoad,
  run: async ({ actor, input, tx, audit, record: m }) => {
    requireStatus(m, ['planned', 'held']);
    const beforeP = await participantsOf(tx, m.id);
    const refs = await checkFields(tx, actor, input, { ...m, unitIds: beforeP.unitIds });
    const scopeChanged =
      refs.scopeCountyId !== m.scopeCountyId || refs.scopeCategoryCode !== m.scopeCategoryCode || refs.scopeLeaderId !== m.scopeLeaderId;
    if (scopeChanged && m.frozenAt) throw stateError('scopeFrozen', 'scopeCountyId');
    if (m.status !== 'planned' && refs.chairId === null) throw stateError('chairRequired', 'chairId');
    const patch = { title: input.title, meetingDate: input.meetingDate, ...refs };
    const afterP = { participantIds: [...input.participantIds].sort((a, b) => a - b), unitIds: [...input.unitIds].sort((a, b) => a - b) };
    const changes = diff({ ...auditedMeeting(m), ...beforeP }, { ...auditedMeeting(patch), ...afterP });
    if (!changes) return result(m);
    const after = await writeMeeting(tx, m, patch);
    await writeParticipants(tx, m.id, input.participantIds, input.unitIds);
    await audit({ action: 'meeting.update', entityType: 'meeting', entityId: m.id, ...changes });
    return result(after);
  },
});

/**
 * Freezes the status table: one row per project in the meeting's scope, from approved reports,
 * as of now; the investment summed for the meeting date's year. Once per meeting.
 */
export const freezeMeeting = createAction({
  name: 'meeting.freeze',
  schema: meetingStepSchema,
  permission: 'meeting.manage',
  load: meetingLoad,
  run: async ({ actor, tx, audit, record: m }) => {
    requireStatus(m, ['planned', 'held']);
    if (m.frozenAt) throw stateError('alreadyFrozen');
    const year = Number(m.meetingDate.slice(0, 4));
    const at = now();
    const count = await writeSnapshot(tx, m.id, m, year, today());
    const after = await writeMeeting(tx, m, { frozenAt: at, frozenById: actor.id, snapshotYear: year, snapshotRowCount: count });
    await audit({
      action: 'meeting.freeze',
      entityType: 'meeting',
      entityId: m.id,
      before: { frozenAt: null },
      after: { frozenAt: at.toISOString(), snapshotYear: year, snapshotRowCount: count },
    });
    return { ...result(after), rows: count };
  },
});

export const holdMeeting = createAction({
  name: 'meeting.hold',
  schema: holdMeetingSchema,
  permission: 'meeting.manage',
  load: meetingLoad,
  run: async ({ input, tx, audit, record: m }) => {
    requireStatus(m, ['planned']);
    if (!m.frozenAt) throw stateError('notFrozen');
    if (m.chairId === null) throw stateError('chairRequired', 'chairId');
    // Held before its date: only when the user confirmed it (a mistaken click is the likelier case).
    const early = m.meetingDate > today();
    if (early && input.confirmEarly !== true) {
      throw new AppError('INVALID', 'held early', {
        messageKey: 'meetings.error.heldEarly',
        messageValues: { date: m.meetingDate },
        fieldErrors: { confirmEarly: ['meetings.error.heldEarlyField'] },
      });
    }
    const after = await writeMeeting(tx, m, { status: 'held', heldAt: now() });
    await audit({
      action: 'meeting.hold',
      entityType: 'meeting',
      entityId: m.id,
      before: { status: m.status },
      after: { status: after.status, ...(early ? { heldBeforeDate: m.meetingDate } : {}) },
    });
    return result(after);
  },
});

export const publishMinutes = createAction({
  name: 'meeting.publish',
  schema: meetingStepSchema,
  permission: 'meeting.manage',
  load: meetingLoad,
  run: async ({ actor, tx, audit, record: m }) => {
    requireStatus(m, ['held']);
    const after = await writeMeeting(tx, m, { status: 'published', publishedAt: now(), publishedById: actor.id });
    await audit({
      action: 'meeting.publish',
      entityType: 'meeting',
      entityId: m.id,
      before: { status: m.status },
      after: { status: after.status, publishedAt: after.publishedAt?.toISOString() ?? null },
    });
    return result(after);
  },
});

/** Whether the actor may create meetings at all (the UI's "new meeting" button). */
export const canCreateMeetings = (actor: Actor) => hasPermission(actor, 'meeting.manage');
