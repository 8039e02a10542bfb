/**
 * The shapes shared by the meetings (lib/meetings) and the exports (lib/exports).
 *
 * A status-table row (调度表的一行) is what a meeting's snapshot keeps for every project in its
 * scope at the moment the office freezes it, built from approved reports only. Exports of a
 * frozen meeting are rendered from these stored rows and nothing else, so they are reproducible
 * whatever changes later. Money is a decimal string in 万元; dates are 'YYYY-MM-DD'.
 */
/** A status-table row is stored in meeting_snapshot_rows, so its shape lives with the schema. */
export type { StatusRow } from '@/db/schema/meetings';

/** The heading of a status table or minutes document. */
export interface MeetingHeading {
  title: string;
  /** 'YYYY-MM-DD' */
  date: string;
  chairName: string | null;
  /** When the status table was frozen (null: not frozen yet — exports say so). */
  frozenAt: Date | null;
}

/** One decision of the minutes (会议纪要), per agenda item. */
export interface MinutesDecision {
  itemTitle: string;
  projectName: string | null;
  decision: string;
  /** Set when the decision became a problem (交办). */
  problem: {
    id: number;
    title: string;
    unitName: string | null;
    leaderName: string | null;
    deadline: string | null;
  } | null;
}

export interface MinutesDoc extends MeetingHeading {
  participants: string[];
  invitedUnits: string[];
  decisions: MinutesDecision[];
  publishedAt: Date | null;
}
