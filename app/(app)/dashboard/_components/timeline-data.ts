/**
 * The milestone timeline as the client draws it: compact arrays instead of a tree of positioned
 * elements. Dates are day numbers (days since 1970-01-01, UTC), names are already in the page's
 * language, and milestone names (the same dozen kinds in every project) are sent once in `names`.
 * On the bench data this is ~10 KiB for 30 projects, where the server-rendered drawing and its
 * hidden table were ~540 KiB of HTML and RSC payload.
 */

/** [name index into `names`, committed date (baseline, else planned), forecast, actual, status index (MILESTONE_STATUSES), overdue]. */
export type CompactMilestone = [
  name: number,
  committed: number,
  forecast: number | null,
  actual: number | null,
  status: number,
  overdue: 0 | 1,
];

/** [project id, project name, light ('' = none, r, y, g), milestones]. */
type CompactRow = [projectId: number, name: string, light: '' | 'r' | 'y' | 'g', milestones: CompactMilestone[]];

export interface CompactTimeline {
  from: number;
  to: number;
  today: number;
  /** Month ticks: [day, label, major]. */
  ticks: [day: number, label: string, major: 0 | 1][];
  names: string[];
  rows: CompactRow[];
}

const DAY = 86_400_000;

/** 'YYYY-MM-DD' → day number. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
}

/** Day number → 'YYYY-MM-DD'. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
