import type { MeetingAgendaKind } from '@/lib/meetings/constants';

/** One reason of an item: what it is about, why, and the problem it names ("状态 · 期限 · 单位"). */
export interface AgendaReasonProps {
  kind: string;
  heading: string | null;
  lines: string[];
  problem: { id: number; line: string } | null;
}

/** One agenda item as the agenda editor and the decision form show it (built by the meeting page). */
export interface AgendaItemProps {
  id: number;
  version: number;
  kind: MeetingAgendaKind;
  kindLabel: string;
  /** The office's wording, else the project's name (once). */
  title: string;
  /** true: the title is the project's name (a proposed item), so the project is not named again. */
  titleIsProject: boolean;
  /** Why the item is on the agenda, most severe first. */
  reasons: AgendaReasonProps[];
  project: { id: number; name: string } | null;
  decision: string | null;
  decisionProblem: { id: number; line: string } | null;
}
