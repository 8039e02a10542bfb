/**
 * The problem list's rules in one place: the state machine (交办 → 督办 → 办结 → 销号, or
 * reopened), who may take each step, and when a problem is overdue. Pure functions: the
 * actions refuse a step the status does not allow with them (the action wrapper has already
 * refused who may not take it, from the permission table); the pages hide buttons with them.
 */
import type { ProblemStatus } from '@/db/schema/enums';
import { type Actor, can, type Permission, type Subject } from '@/lib/authz';

/** Overdue by more than this many days → escalated to the dispatch office (level 2). */
export const ESCALATE_TO_OFFICE_DAYS = 7;

/** Statuses in which the problem still needs work (and can be overdue). */
export const ACTIVE_STATUSES = ['open', 'in_progress'] as const satisfies readonly ProblemStatus[];

export type Transition = 'start' | 'resolve' | 'close' | 'reopen';

export const TRANSITIONS: Record<Transition, { from: readonly ProblemStatus[]; to: ProblemStatus; permission: Permission }> = {
  /** The responsible unit takes it up (督办中). */
  start: { from: ['open'], to: 'in_progress', permission: 'problem.progress' },
  /** The responsible unit reports what was done (办结). */
  resolve: { from: ['open', 'in_progress'], to: 'resolved', permission: 'problem.progress' },
  /** Verified and struck off (销号) by the dispatch office or the responsible leader. */
  close: { from: ['resolved'], to: 'closed', permission: 'problem.close' },
  /** Not actually solved: back to work, with a reason. */
  reopen: { from: ['resolved', 'closed'], to: 'in_progress', permission: 'problem.close' },
};

/** What a permission check on a problem needs: the project's county and lead, the problem's leader and unit. */
export interface ProblemAccess {
  countyId: number | null;
  /** The counties the problem's project touches (each sees it). */
  countyIds?: readonly number[];
  projectLeadId: number | null;
  responsibleLeaderId: number | null;
  responsibleUnitId: number | null;
}

/**
 * The Subject of an existing problem: the responsible leader and unit are the PROBLEM's own
 * (not its project's); the project lead is its project's. The permission table says which of
 * these relations grants what (销号 is the problem's responsible leader's, not the lead's).
 */
export function problemSubject(p: ProblemAccess): Subject {
  return {
    countyId: p.countyId,
    countyIds: p.countyIds,
    projectLeadId: p.projectLeadId,
    responsibleLeaderId: p.responsibleLeaderId,
    responsibleUnitId: p.responsibleUnitId,
  };
}

export function canTransition(actor: Actor, t: Transition, p: ProblemAccess & { status: ProblemStatus }): boolean {
  const def = TRANSITIONS[t];
  return def.from.includes(p.status) && can(actor, def.permission, problemSubject(p));
}

/** The buttons a user sees on a problem (the server refuses the others anyway). */
export function allowedProblemActions(actor: Actor, p: ProblemAccess & { status: ProblemStatus }) {
  return {
    start: canTransition(actor, 'start', p),
    resolve: canTransition(actor, 'resolve', p),
    close: canTransition(actor, 'close', p),
    reopen: canTransition(actor, 'reopen', p),
    update: p.status !== 'closed' && can(actor, 'problem.update', problemSubject(p)),
    comment: can(actor, 'problem.comment', problemSubject(p)),
  };
}

export function isActive(status: ProblemStatus): boolean {
  return (ACTIVE_STATUSES as readonly ProblemStatus[]).includes(status);
}

/** Whole days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days past the deadline (0 when not overdue or no longer active). */
export function daysOverdue(p: { status: ProblemStatus; deadline: string }, today: string): number {
  return isActive(p.status) && p.deadline < today ? daysBetween(p.deadline, today) : 0;
}

/** The escalation level a problem should have today: 0, 1 (the leader) or 2 (the dispatch office). */
export function targetEscalationLevel(p: { status: ProblemStatus; deadline: string }, today: string): 0 | 1 | 2 {
  const days = daysOverdue(p, today);
  if (days <= 0) return 0;
  return days > ESCALATE_TO_OFFICE_DAYS ? 2 : 1;
}

/** The first characters of a text, for notification titles. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
