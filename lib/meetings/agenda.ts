/**
 * The proposed agenda (议程建议), computed from the data at the moment the office asks for it:
 * one item per project, listing all its reasons (lib/meetings/agenda-sources.ts: problems
 * carried over from earlier meetings, a red or yellow light, overdue problems, milestones
 * slipping past baseline), most severe first (lib/meetings/severity.ts); the items in the order
 * of their most severe reason, then by project code.
 *
 * A project already on the agenda (a proposed item of an earlier proposal, or one carried into
 * this meeting) does not get a second item: its new reasons join its item. A problem, a
 * milestone or a light already named by a reason of the agenda is not named again. Everything
 * is limited to the meeting's projects (category, county, leader) and the actor's scope. Runs in
 * the caller's transaction, which holds the meeting's lock (proposeAgenda), so two proposals
 * cannot name a problem twice.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type AgendaReason, meetingAgendaItems } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
import { carriedOver, type FoundReason, lightItems, overdueItems, slipItems } from './agenda-sources';
import type { MeetingRow } from './get-meeting';
import { meetingProjectScope } from './scope';
import { compareReasons, reasonKey, sortReasons } from './severity';

/** A project's item as proposed: a new one (itemId null) or an item on the agenda that gains reasons. */
export interface ProposedItem {
  /** The project's item already on the agenda, or null for a new item. */
  itemId: number | null;
  /** The version of that item as read (under the meeting's lock). */
  itemVersion: number | null;
  projectId: number;
  projectCode: string;
  /** All the item's reasons, most severe first (for an existing item: its own and the new ones). */
  reasons: AgendaReason[];
  /** The reasons this proposal adds. */
  added: AgendaReason[];
}

/** A light is named once per project; a problem or a milestone once per meeting, whatever item names it. */
const keyOf = (projectId: number, r: AgendaReason) => (r.kind === 'light' ? `light:${projectId}` : reasonKey(r));

/** Reasons found in the data, grouped per project, without those the agenda already names. */
export function groupReasons(
  found: readonly FoundReason[],
  existing: readonly { id: number; version: number; kind: string; projectId: number | null; reasons: AgendaReason[] }[],
): ProposedItem[] {
  const named = new Set<string>();
  const itemOf = new Map<number, (typeof existing)[number]>();
  for (const e of existing) {
    if (e.kind === 'custom' || e.projectId === null) continue;
    itemOf.set(e.projectId, e);
    for (const r of e.reasons) named.add(keyOf(e.projectId, r));
  }
  const byProject = new Map<number, { projectCode: string; added: AgendaReason[] }>();
  for (const f of found) {
    const key = keyOf(f.projectId, f.reason);
    if (named.has(key)) continue;
    named.add(key);
    const group = byProject.get(f.projectId) ?? { projectCode: f.projectCode, added: [] };
    group.added.push(f.reason);
    byProject.set(f.projectId, group);
  }
  const out: ProposedItem[] = [];
  for (const [projectId, g] of byProject) {
    const item = itemOf.get(projectId);
    out.push({
      itemId: item?.id ?? null,
      itemVersion: item?.version ?? null,
      projectId,
      projectCode: g.projectCode,
      reasons: sortReasons([...(item?.reasons ?? []), ...g.added]),
      added: sortReasons(g.added),
    });
  }
  return out.sort((a, b) => compareReasons(a.reasons[0]!, b.reasons[0]!) || a.projectCode.localeCompare(b.projectCode));
}

/** The proposed items for the meeting: one per project, in agenda order, merged with the project's item already on it. */
export async function proposeAgendaItems(
  ex: Executor,
  actor: Pick<Actor, 'countyId'>,
  m: MeetingRow,
  previous: MeetingRow | null,
  day: string,
): Promise<ProposedItem[]> {
  const where = and(meetingProjectScope(m), projectScope(actor));
  const [carried, lights, overdue, slips, existing] = await Promise.all([
    carriedOver(ex, m, previous, where, day),
    lightItems(ex, where, day),
    overdueItems(ex, where, day),
    slipItems(ex, where, day),
    ex
      .select({
        id: meetingAgendaItems.id,
        version: meetingAgendaItems.version,
        kind: meetingAgendaItems.kind,
        projectId: meetingAgendaItems.projectId,
        reasons: meetingAgendaItems.reasons,
      })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, m.id)),
  ]);
  // A problem carried over is named once, as carried over (its overdue days weigh it).
  return groupReasons([...carried, ...lights, ...overdue, ...slips], existing);
}
