/**
 * The critical path to 开工: of the procedures works cannot start without (beforeStart), the chain
 * of serial dependencies whose remaining committed working days are longest. A procedure not yet
 * accepted needs its whole committed limit once those it depends on are approved; a running one
 * what is left of it (at least a day: an overdue one is still not approved); an approved one or
 * one that does not apply, nothing. Pure: the page and the tests give it the plan and the clocks.
 */
import type { ProcedureState } from '@/db/schema/enums';

export interface PathNode {
  id: number;
  state: ProcedureState;
  beforeStart: boolean;
  committedDays: number;
  /** Working days used while its clock runs (null when not running). */
  elapsed: number | null;
  dependsOn: readonly number[];
}

export interface CriticalPath {
  /** Working days from today until the last procedure on the path is approved (0: nothing left). */
  days: number;
  /** The procedures on the path, first to last. */
  ids: number[];
}

function remaining(n: PathNode): number {
  if (n.state === 'approved' || n.state === 'not_applicable') return 0;
  if (n.elapsed !== null && (n.state === 'accepted' || n.state === 'in_progress')) return Math.max(n.committedDays - n.elapsed, 1);
  return n.committedDays;
}

export function criticalPath(nodes: readonly PathNode[]): CriticalPath {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<number, CriticalPath>();
  const visiting = new Set<number>();
  const finish = (n: PathNode): CriticalPath => {
    const known = memo.get(n.id);
    if (known) return known;
    // A cycle cannot be entered (the plan refuses one); should one exist, it is not followed round.
    if (visiting.has(n.id)) return { days: 0, ids: [] };
    visiting.add(n.id);
    let before: CriticalPath = { days: 0, ids: [] };
    for (const dep of n.dependsOn) {
      const d = byId.get(dep);
      if (!d) continue;
      const f = finish(d);
      if (f.days > before.days) before = f;
    }
    visiting.delete(n.id);
    const own = remaining(n);
    const result = own > 0 ? { days: before.days + own, ids: [...before.ids, n.id] } : before;
    memo.set(n.id, result);
    return result;
  };
  let best: CriticalPath = { days: 0, ids: [] };
  for (const n of nodes) {
    if (!n.beforeStart) continue;
    const f = finish(n);
    if (f.days > best.days) best = f;
  }
  return best;
}

/** Whether adding "procedureId depends on dependsOnId" would close a cycle in the plan. */
export function wouldCycle(
  edges: readonly { procedureId: number; dependsOnId: number }[],
  procedureId: number,
  dependsOnId: number,
): boolean {
  const next = new Map<number, number[]>();
  for (const e of edges) next.set(e.procedureId, [...(next.get(e.procedureId) ?? []), e.dependsOnId]);
  // A cycle: from dependsOnId, following "depends on", procedureId is reached.
  const seen = new Set<number>();
  const stack = [dependsOnId];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === procedureId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}
