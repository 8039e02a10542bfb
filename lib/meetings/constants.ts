/** Meeting enumerations (no drizzle imports: safe in client code). */

/** 调度会: planned → held → minutes published (纪要已发布). */
export const MEETING_STATUSES = ['planned', 'held', 'published'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * Why an item is on the agenda: a red/yellow light, an overdue problem, a milestone slipping
 * past its baseline, a problem carried over from an earlier meeting, or added by the office.
 */
export const MEETING_AGENDA_KINDS = ['light', 'overdue_problem', 'milestone_slip', 'carried_over', 'custom'] as const;
export type MeetingAgendaKind = (typeof MEETING_AGENDA_KINDS)[number];
