/**
 * A meeting and an agenda item as records that actions load and authorize
 * (lib/authz/resource.ts). A meeting is visible through meetingVisibility (prefecture users
 * see all; county users the prefecture's and their county's); it is run by the office whose
 * scope covers its scope county (meetingSubject). An agenda item is visible and run as its
 * meeting is; its version is its own.
 */
import { and, eq } from 'drizzle-orm';
import { meetingAgendaItems, meetings } from '@/db/schema';
import { defineResource } from '@/lib/authz/resource';
import type { MeetingRow } from './get-meeting';
import { meetingSubject, meetingVisibility } from './scope';

export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;

export const meetingResource = defineResource<MeetingRow>({
  entity: 'meeting',
  load: async (db, actor, id, lock) => {
    const q = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, id), meetingVisibility(actor)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: meetingSubject,
  version: (m) => m.version,
  id: (m) => m.id,
  current: async (db, id) => {
    const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
    return row ?? null;
  },
});

/**
 * A meeting as its readers load it (the exports): the same visibility in the SQL, but a reader's
 * subject is every scope, because a county user reads a prefecture meeting too (their county's
 * part of it: the reads filter the rows). Managing it goes through meetingResource, whose subject
 * is the meeting's scope county.
 */
export const meetingReadResource = defineResource<MeetingRow>({
  ...meetingResource,
  subject: (m) => ({ countyId: m.scopeCountyId ?? null, everyScope: true }),
});

export interface AgendaItemRecord {
  item: AgendaItemRow;
  meeting: MeetingRow;
}

export const agendaItemResource = defineResource<AgendaItemRecord>({
  entity: 'meeting_agenda_item',
  load: async (db, actor, id, lock) => {
    const q = db
      .select({ item: meetingAgendaItems, meeting: meetings })
      .from(meetingAgendaItems)
      .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
      .where(and(eq(meetingAgendaItems.id, id), meetingVisibility(actor)))
      .limit(1);
    // Both rows: the item changes, and so does its meeting's version (writeMeeting).
    const [row] = lock ? await q.for('update', { of: [meetingAgendaItems, meetings] }) : await q;
    return row ?? null;
  },
  subject: (r) => meetingSubject(r.meeting),
  version: (r) => r.item.version,
  id: (r) => r.item.id,
  current: async (db, id) => {
    const [row] = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, id)).limit(1);
    return row ?? null;
  },
});
