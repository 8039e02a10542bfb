/**
 * The leadership dashboard's data, as lib/dashboard/queries.ts returns it and the page renders
 * it. Plain serialisable values only (money as decimal strings in 万元, dates as 'YYYY-MM-DD'),
 * so the same object feeds the charts (client components), the screen-reader tables and the
 * presentation mode.
 *
 * Every figure carries the drill-down it stands for (`href`): the registry (/projects?...) or
 * the problem list (/problems?...) filtered to exactly the items counted, so the number on the
 * dashboard and the row count of the list it opens are the same number.
 */
import type { Light, ProblemType, Stage } from '@/db/schema/enums';
import type { PipelineStage } from '@/lib/plan-years/pipeline-stage';

/** A count with the list it drills down to. */
export interface Figure {
  count: number;
  href: string;
}

export interface StageFigure extends Figure {
  stage: Stage;
}

/** The projects in one pipeline stage of the year (储备 / 前期 / 新开工 / 续建 / 建成 / 投运), and their plans. */
export interface PipelineFigure extends Figure {
  stage: PipelineStage;
  /** Sum of the year's plans of these projects (as the investment headline counts them), 万元. */
  planned: string;
}

export interface LightFigure extends Figure {
  /** null: no light yet (never computed for the project). */
  light: Light | null;
}

export interface InvestmentHeadline {
  year: number;
  /** Sum of the year's annual plans in scope (the frozen baseline where frozen), 万元. */
  planned: string;
  /**
   * Approved reports' investment in the year's periods that end by the end of the as-of month
   * (all of the year's approved investment when no month is reported yet), 万元.
   */
  completed: string;
  /** completed / planned as a percentage with one decimal (lib/money's percentOf), 0..∞; null when nothing is planned. */
  completionPct: number | null;
  /**
   * 序时进度 at the end of the as-of month (cumulative monthly targets where they exist, else
   * m/12), as a percentage with one decimal like completionPct; null when nothing is planned or
   * no month is reported yet.
   */
  timeElapsedPct: number | null;
  /** The month number (1..12) of `asOf`; 0 when no month is reported yet. */
  asOfMonth: number;
  /** The as-of month 'YYYY-MM' (lib/plans/as-of.ts): the latest reported month, or the one picked; null when none. */
  asOf: string | null;
  /** Whether the user picked the month (?asOf) rather than the latest reported one. */
  asOfPicked: boolean;
  /** The reported months of the year, oldest first (the month picker's choices). */
  asOfOptions: string[];
  href: string;
}

export interface Headline {
  /** Projects in scope. */
  projects: Figure;
  byStage: StageFigure[];
  /** One entry per light, and one with light null for projects without a light. */
  lights: LightFigure[];
  investment: InvestmentHeadline;
  /**
   * Milestones not done and not overdue whose forecast (else planned) date falls within
   * today..today+30; `projects` = the projects that have one.
   */
  milestonesDue: { milestones: number; projects: Figure };
  /**
   * Overdue milestones: not done and the committed date (the baseline, else the planned date)
   * is before today — the app's one definition (lib/milestones/overdue.ts), as on the project page.
   */
  milestonesOverdue: { milestones: number; projects: Figure };
  /** Problems open or in progress. */
  openProblems: Figure;
  /** Active problems past their deadline. */
  overdueProblems: Figure;
  /** Active projects without a submitted/approved report for the current period (null period: none open). */
  missingReports: Figure & { periodId: number | null; periodLabel: { start: string; end: string } | null };
}

/** One month of the cumulative investment chart. */
export interface InvestmentMonth {
  month: number; // 1..12
  /** Cumulative planned by the end of the month, 万元. */
  plannedCumulative: string;
  /** Cumulative completed (approved) by the end of the month, 万元; null for a month not reported or after the as-of month. */
  completedCumulative: string | null;
}

/** A row of the by-category / by-county breakdowns. */
export interface BreakdownRow {
  key: string; // category code or county id (as string); '' for a location not reported (no county)
  labelZh: string;
  labelEn: string;
  /** By county: every project touching the county, those crossing counties included (so rows do not add up to the total). */
  projects: number;
  /** Of `projects`, those that also count in another county (0 by category). */
  shared: number;
  planned: string;
  completed: string;
  lights: Record<Light | 'none', number>;
  /** Drill-down of the whole row; per light: `${href}&light=red` (see lightHref). */
  href: string;
}

export interface CapacityProject {
  projectId: number;
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** Capacity in 万千瓦 (MW figures are converted: 1 万千瓦 = 10 MW). */
  capacity: number;
  /** 万千瓦 connected by the end of the year: its batches (at most `capacity`), else all of it once connected. */
  connectedCapacity: number;
  /** Grid-connected by the end of the year: a batch, a grid connection's actual date, or in operation. */
  connected: boolean;
  /** Connected with no batch capacity entered: its whole capacity counts. */
  whole: boolean;
  connectedOn: string | null;
  href: string;
}

/** The office's baseline: new-energy capacity connected before the year that the registry does not hold. */
export interface CapacityBaselineFigure {
  /** 万千瓦. */
  amount: number;
  source: string;
  /** The plan year it stands before (connected before 1 January of it). */
  year: number;
}

export interface CapacityProgress {
  /** The portfolio target in 万千瓦 (setting new_energy_capacity_target; null when not set). */
  target: number | null;
  /** The report's wording of the target (报告原文), when the setting carries it. */
  targetQuote: string | null;
  /** The year the figures stand at (connected by its end). */
  year: number;
  /** The registry's grid-connected capacity by the end of the year, 万千瓦. */
  connected: number;
  /** The office's baseline (prefecture scope only); null when not entered, and for a county. */
  baseline: CapacityBaselineFigure | null;
  /** baseline + connected: what the target counts (connected alone without a baseline), 万千瓦. */
  cumulative: number;
  /** Connected projects counted with their whole capacity (no batch capacities entered on their grid connections). */
  wholeProjects: number;
  /** Where the office enters the baseline; null for a user who may not record it. */
  baselineHref: string | null;
  /** Capacity of every new-energy project in scope (connected or not), 万千瓦. */
  planned: number;
  /** The largest new-energy projects (at most 40, largest first); the totals above cover all of them. */
  projects: CapacityProject[];
  /** Every new-energy project with a power capacity (the projects behind `planned`). */
  all: Figure;
  /** The grid-connected ones (behind `connected`). */
  connectedProjects: Figure;
  /** Not yet grid-connected. */
  pendingProjects: Figure;
  /** New-energy projects without a power capacity (listed as such, not dropped). */
  unknownProjects: Figure;
  /** The target's year (from the setting); null when none is set. */
  targetYear: number | null;
  /** The prefecture's target when it is set for another year than the one shown (not measured against it). */
  otherYearTarget: { year: number; amount: number } | null;
  /** A county's view: the county's projects' capacity, never a share of the prefecture's target. */
  countyScope: boolean;
}

export interface ProblemBreakdown {
  byType: (Figure & { type: ProblemType })[];
  /** Age of active problems in days since created: 0–30, 31–90, 91–180, >180. */
  byAge: (Figure & { bucket: '0-30' | '31-90' | '91-180' | '180+' })[];
}

export interface TimelineMilestone {
  id: number;
  kind: string;
  nameZh: string;
  nameEn: string | null;
  planned: string;
  baseline: string | null;
  forecast: string | null;
  actual: string | null;
  status: string;
  overdue: boolean;
}

export interface TimelineProject {
  projectId: number;
  code: string;
  nameZh: string;
  nameEn: string | null;
  light: Light | null;
  milestones: TimelineMilestone[];
}

export interface TimelineFilters {
  category: string[];
  county: number[];
  leader: number[];
}

export interface Timeline {
  filters: TimelineFilters;
  /** The window drawn: from the earliest to the latest date shown (clamped to a sane range). */
  from: string;
  to: string;
  today: string;
  projects: TimelineProject[];
  /** Projects matching the filters; the timeline shows at most `projects.length` of them. */
  total: number;
}

export interface Dashboard {
  asOf: string; // today
  /** When these figures were computed (ISO instant): they may come from the short-lived cache. */
  computedAt: string;
  headline: Headline;
  investmentByMonth: InvestmentMonth[];
  byCategory: BreakdownRow[];
  /**
   * By county: a project crossing counties counts in each county it touches, so the rows do not
   * add up to the portfolio (headline.projects counts each project once).
   */
  byCounty: BreakdownRow[];
  /** How many projects of the portfolio touch more than one county (each counted once). */
  crossCountyProjects: number;
  capacity: CapacityProgress;
  problems: ProblemBreakdown;
  /** The portfolio by pipeline stage in the current year, every stage in PIPELINE_STAGES order. */
  pipeline: { year: number; stages: PipelineFigure[] };
}
