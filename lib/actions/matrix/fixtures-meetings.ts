/**
 * Fixtures of the authorization matrix: dispatch meetings (调度会) and their agenda. A meeting
 * lies in its scope county (county A here); no relation names a person of it (meeting.manage is
 * the dispatch office's everywhere in its scope).
 */
import { meetingAgendaItems, meetings } from '@/db/schema';
import { type CaseContext, type Fixture, onCountyRecord, onNoRecord } from './world';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('fixture: INSERT returned no row');
  return row;
}

type Stage = 'planned' | 'frozen' | 'held';
const AT = new Date('2025-06-14T02:00:00Z');

/** A meeting of county A: planned, planned with its status table frozen, or held. */
async function caseMeeting(c: CaseContext, stage: Stage) {
  const frozen = stage !== 'planned';
  return one(
    await c.tx
      .insert(meetings)
      .values({
        title: '六月重点项目调度会',
        meetingDate: '2025-06-20',
        scopeCountyId: c.countyId,
        chairId: c.world.others.leader.id,
        status: stage === 'held' ? 'held' : 'planned',
        frozenAt: frozen ? AT : null,
        snapshotYear: frozen ? 2025 : null,
        snapshotRowCount: frozen ? 0 : null,
        heldAt: stage === 'held' ? AT : null,
      })
      .returning(),
  );
}

async function caseItem(c: CaseContext, meetingId: number, sort = 1, title = '专题：征地协调') {
  return one(
    await c.tx
      .insert(meetingAgendaItems)
      .values({ meetingId, kind: 'custom', sort, title, reasons: [{ kind: 'custom' }] })
      .returning(),
  );
}

const meetingStep = (stage: Stage): Fixture =>
  onCountyRecord(async (c) => {
    const m = await caseMeeting(c, stage);
    return { input: { id: m.id, version: m.version }, target: { table: meetings, id: m.id } };
  });

const fields = (c: CaseContext) => ({
  title: '七月重点项目调度会',
  meetingDate: '2025-07-15',
  scopeCountyId: c.countyId,
  chairId: c.world.others.leader.id,
  participantIds: [],
  unitIds: [],
});

export const MEETING_FIXTURES: Record<string, Fixture> = {
  'meeting.create': onNoRecord(async (c) => ({ input: fields(c) })),
  'meeting.update': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'planned');
    return { input: { id: m.id, version: m.version, ...fields(c) }, target: { table: meetings, id: m.id } };
  }),
  'meeting.freeze': meetingStep('planned'),
  // The case meeting is dated after the matrix's clock: holding it is the confirmed early case.
  'meeting.hold': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'frozen');
    return { input: { id: m.id, version: m.version, confirmEarly: true }, target: { table: meetings, id: m.id } };
  }),
  'meeting.publish': meetingStep('held'),
  'meeting.agenda.propose': meetingStep('planned'),
  'meeting.agenda.add': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'planned');
    return { input: { meetingId: m.id, version: m.version, title: '专题：资金缺口' }, target: { table: meetings, id: m.id } };
  }),
  'meeting.agenda.remove': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'planned');
    const item = await caseItem(c, m.id);
    return { input: { id: item.id, version: item.version }, target: { table: meetingAgendaItems, id: item.id } };
  }),
  'meeting.agenda.reorder': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'planned');
    const first = await caseItem(c, m.id, 1, '专题一');
    const second = await caseItem(c, m.id, 2, '专题二');
    return { input: { meetingId: m.id, version: m.version, itemIds: [second.id, first.id] }, target: { table: meetings, id: m.id } };
  }),
  'meeting.decision': onCountyRecord(async (c) => {
    const m = await caseMeeting(c, 'held');
    const item = await caseItem(c, m.id);
    return {
      input: { id: item.id, version: item.version, decision: '由县政府牵头，月底前完成征地' },
      target: { table: meetingAgendaItems, id: item.id },
    };
  }),
};
