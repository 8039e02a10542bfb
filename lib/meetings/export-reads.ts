import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { meetingParticipants, meetingSnapshotRows, units, users } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
import { today } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { agendaItems } from './agenda-items';
import { snapshotCountyScope, visibleMeeting } from './get-meeting';
import { agendaItemSubject, projectName } from './reasons';
import { buildRows, scopedProjectIds, SNAPSHOT_BATCH } from './snapshot';
import type { MeetingHeading, MinutesDoc, StatusRow } from './types';

// What the exports (lib/exports) render: the heading, the status-table rows and the minutes of
// a meeting, each for the actor (a meeting they may not see is null / NOT_FOUND; a county user
// gets only their county's rows of a prefecture meeting).

/** The heading of the meeting's status table or minutes; null when the actor may not see it. */
export async function getMeetingHeading(actor: Actor, meetingId: number): Promise<MeetingHeading | null> {
  const db = await getDb();
  const m = await visibleMeeting(db, actor, meetingId);
  if (!m) return null;
  const [c] = m.chairId ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, m.chairId)) : [];
  return { title: m.title, date: m.meetingDate, chairName: c?.name ?? null, frozenAt: m.frozenAt };
}

/** Rows read per round trip by snapshotRows. */
export const SNAPSHOT_READ_BATCH = 1000;

/**
 * The meeting's status table, row by row, in table order (category order, then project code),
 * limited to the actor's scope. A frozen meeting yields its stored snapshot, read in batches by
 * keyset (a 50,000-row table streams in constant memory), identical whatever changed since.
 * A meeting not frozen yet yields the table as it would be frozen now (a preview; its heading's
 * frozenAt is null). Throws NOT_FOUND when the actor may not see the meeting.
 */
export async function* snapshotRows(actor: Actor, meetingId: number): AsyncGenerator<StatusRow, void, undefined> {
  const db = await getDb();
  const m = await visibleMeeting(db, actor, meetingId);
  if (!m) throw new AppError('NOT_FOUND', 'meeting not found');
  if (m.frozenAt) {
    let after = 0;
    for (;;) {
      const batch = await db
        .select({ sort: meetingSnapshotRows.sort, row: meetingSnapshotRows.row })
        .from(meetingSnapshotRows)
        .where(and(eq(meetingSnapshotRows.meetingId, m.id), gt(meetingSnapshotRows.sort, after), snapshotCountyScope(actor)))
        .orderBy(asc(meetingSnapshotRows.sort))
        .limit(SNAPSHOT_READ_BATCH);
      for (const r of batch) yield r.row;
      if (batch.length < SNAPSHOT_READ_BATCH) return;
      after = batch[batch.length - 1]!.sort;
    }
  }
  // Preview: the projects of the meeting's scope that the actor may see, computed now.
  const scope = projectScope(actor);
  const ids = (await scopedProjectIds(db, m, scope)).map((p) => p.id);
  const year = Number(m.meetingDate.slice(0, 4));
  const day = today();
  for (let i = 0; i < ids.length; i += SNAPSHOT_BATCH) {
    for (const r of await buildRows(db, ids.slice(i, i + SNAPSHOT_BATCH), year, day)) yield r.row;
  }
}

/**
 * The minutes (会议纪要) of a meeting: heading, participants, invited units, and a decision per
 * agenda item that has one (items of projects outside the actor's scope are left out), in
 * agenda order, in the given language. Null when the actor may not see the meeting.
 */
export async function getMinutesDoc(actor: Actor, meetingId: number, locale: Locale = DEFAULT_LOCALE): Promise<MinutesDoc | null> {
  const db = await getDb();
  const m = await visibleMeeting(db, actor, meetingId);
  if (!m) return null;
  const t = translator(locale);
  const [heading, people, invited, items] = await Promise.all([
    getMeetingHeading(actor, meetingId),
    db
      .select({ name: users.displayName })
      .from(meetingParticipants)
      .innerJoin(users, eq(users.id, meetingParticipants.userId))
      .where(eq(meetingParticipants.meetingId, m.id))
      .orderBy(asc(meetingParticipants.id)),
    db
      .select({ nameZh: units.nameZh, nameEn: units.nameEn })
      .from(meetingParticipants)
      .innerJoin(units, eq(units.id, meetingParticipants.unitId))
      .where(eq(meetingParticipants.meetingId, m.id))
      .orderBy(asc(meetingParticipants.id)),
    agendaItems(db, actor, m.id),
  ]);
  if (!heading) return null;
  return {
    ...heading,
    participants: people.map((p) => p.name),
    invitedUnits: invited.map((u) => (locale === 'en' ? u.nameEn : u.nameZh)),
    decisions: items
      .filter((i) => i.decision !== null)
      .map((i) => ({
        itemTitle: agendaItemSubject(t, i, locale),
        projectName: projectName(i.project, locale),
        decision: i.decision ?? '',
        problem: i.decisionProblem
          ? {
              id: i.decisionProblem.id,
              title: i.decisionProblem.description,
              unitName: locale === 'en' ? (i.decisionProblem.unitEn ?? i.decisionProblem.unitZh) : i.decisionProblem.unitZh,
              leaderName: i.decisionProblem.leaderName,
              deadline: i.decisionProblem.deadline,
            }
          : null,
      })),
    publishedAt: m.publishedAt,
  };
}
