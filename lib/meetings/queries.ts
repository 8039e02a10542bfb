import 'server-only';

// Reads of the dispatch meetings (调度会). Every function takes the actor: a meeting outside the
// actor's scope is not found, agenda items and status-table rows of projects outside it are
// left out (a county user reading a prefecture meeting sees their county's part).
export {
  getMeeting,
  listMeetings,
  meetingFormOptions,
  meetingProjectChoices,
  MEETINGS_PAGE_SIZE,
  type MeetingDetail,
  type MeetingSummary,
} from './get-meeting';
export type { AgendaItemView, ProblemBrief } from './agenda-items';
// For lib/exports: the heading, the rows (async iterator, batched) and the minutes.
export { getMeetingHeading, getMinutesDoc, snapshotRows, SNAPSHOT_READ_BATCH } from './export-reads';
export type { MeetingHeading, MinutesDoc, MinutesDecision, StatusRow } from './types';
export { getMeetingChanges, type MeetingChanges, type MilestoneChange, type ProjectChange } from './changes';
