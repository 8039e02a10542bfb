import type { MeetingAgendaKind } from '@/lib/meetings/constants';

/** One agenda item as the agenda editor and the decision form show it (built by the meeting page). */
export interface AgendaItemProps {
  id: number;
  version: number;
  kind: MeetingAgendaKind;
  kindLabel: string;
  title: string;
  reasonLines: string[];
  project: { id: number; name: string } | null;
  /** The problem the item is about: "状态 · 期限 · 单位". */
  problem: { id: number; line: string } | null;
  decision: string | null;
  decisionProblem: { id: number; line: string } | null;
}
