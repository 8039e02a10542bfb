/** Meeting enumerations (no drizzle imports: safe in client code). They live with the schema. */
export { MEETING_AGENDA_KINDS, MEETING_STATUSES, type MeetingAgendaKind, type MeetingStatus } from '@/db/schema/enums';
