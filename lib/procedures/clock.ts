/**
 * The clock of an approval procedure (办理时限): working days since its acceptance (已受理) against
 * its committed limit (承诺时限) and its statutory limit (法定时限). It runs while the agency holds
 * the application (已受理, 办理中) and stops at approval; a return for correction (退回补正) stops
 * it, and the next acceptance starts it afresh (the correction time is the applicant's).
 */
import type { ProcedureState } from '@/db/schema/enums';
import { addWorkingDays, type CalendarExceptions, workingDaysBetween } from '@/lib/calendar/working-days';

export type ClockStanding = 'within' | 'over_committed' | 'over_statutory';

export interface ProcedureClock {
  /** Working days used: since acceptance up to approval, or up to today while it runs. */
  elapsed: number;
  /** The last day within the committed and the statutory limit. */
  committedDue: string;
  statutoryDue: string;
  standing: ClockStanding;
  /** Still running (the agency holds it). */
  running: boolean;
}

export interface ClockInput {
  state: ProcedureState;
  acceptedOn: string | null;
  approvedOn: string | null;
  committedDays: number;
  statutoryDays: number;
}

/** The clock, or null when it has not started (or stopped at a return or 不涉及). */
export function procedureClock(p: ClockInput, today: string, calendar: CalendarExceptions): ProcedureClock | null {
  const running = p.state === 'accepted' || p.state === 'in_progress';
  if (!p.acceptedOn || !(running || p.state === 'approved')) return null;
  const end = running ? today : (p.approvedOn ?? today);
  const elapsed = workingDaysBetween(p.acceptedOn, end, calendar);
  return {
    elapsed,
    committedDue: addWorkingDays(p.acceptedOn, p.committedDays, calendar),
    statutoryDue: addWorkingDays(p.acceptedOn, p.statutoryDays, calendar),
    standing: elapsed > p.statutoryDays ? 'over_statutory' : elapsed > p.committedDays ? 'over_committed' : 'within',
    running,
  };
}

/** Overdue: running past its committed limit (the agency is late by its own promise). */
export const isOverdue = (c: ProcedureClock | null): boolean => c !== null && c.running && c.standing !== 'within';
