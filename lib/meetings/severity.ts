/**
 * How severe an agenda reason is, for the order of a project's reasons and of the proposed
 * items (the item goes by its most severe reason): a red light first, then overdue problems
 * (longest overdue first; a carried-over problem past its deadline counts as one), milestones
 * slipping past baseline (the longest slip first), a yellow light, then problems carried over
 * that are not overdue. Pure: safe on the server and in tests.
 */
import type { AgendaReason } from '@/db/schema/meetings';

/** Lower is more severe. */
function rank(r: AgendaReason): number {
  switch (r.kind) {
    case 'light':
      return r.light === 'red' ? 0 : 3;
    case 'overdue_problem':
      return 1;
    case 'milestone_slip':
      return 2;
    case 'carried_over':
      return (r.daysOverdue ?? 0) > 0 ? 1 : 4;
    default:
      return 5;
  }
}

/** Days overdue or late: more is more severe within a rank. */
function weight(r: AgendaReason): number {
  if (r.kind === 'overdue_problem') return r.daysOverdue;
  if (r.kind === 'carried_over') return r.daysOverdue ?? 0;
  if (r.kind === 'milestone_slip') return r.daysLate;
  return 0;
}

/** Negative when `a` is more severe than `b`; 0 when they weigh the same. */
export function compareReasons(a: AgendaReason, b: AgendaReason): number {
  return rank(a) - rank(b) || weight(b) - weight(a);
}

/** The reasons most severe first (a stable sort: equal ones keep their order). */
export function sortReasons(reasons: readonly AgendaReason[]): AgendaReason[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => compareReasons(a.reason, b.reason) || a.index - b.index)
    .map((x) => x.reason);
}

/** The problem or milestone a reason is about (to merge reasons without naming one twice). */
export function reasonKey(r: AgendaReason): string {
  if (r.kind === 'overdue_problem' || r.kind === 'carried_over') return `problem:${r.problemId}`;
  if (r.kind === 'milestone_slip') return `milestone:${r.milestoneId}`;
  return r.kind;
}
