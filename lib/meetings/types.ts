/**
 * The shapes shared by the meetings (lib/meetings) and the exports (lib/exports).
 *
 * A status-table row (调度表的一行) is what a meeting's snapshot keeps for every project in its
 * scope at the moment the office freezes it, built from approved reports only. Exports of a
 * frozen meeting are rendered from these stored rows and nothing else, so they are reproducible
 * whatever changes later. Money is a decimal string in 万元; dates are 'YYYY-MM-DD'.
 */
import type { Light, ProjectStatus, Stage } from '@/db/schema/enums';

export interface StatusRow {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  categoryZh: string;
  categoryEn: string;
  /** Sort position of the category (subtotals follow this order). */
  categorySort: number;
  countyZh: string | null;
  countyEn: string | null;
  /** 建设内容及规模 */
  constructionContent: string | null;
  /** 总投资, 万元 */
  totalInvestment: string | null;
  /** 年度计划投资 (the year's annual plan, else the project's annual planned investment), 万元 */
  annualPlanned: string | null;
  /** 本年累计完成投资: sum of approved reports of the year up to the snapshot, 万元 */
  completedThisYear: string;
  /** 完成率: completedThisYear / annualPlanned as a fraction (0.42 = 42%); null when no plan. */
  completionRate: number | null;
  /** 形象进度: the physical progress of the latest approved report. */
  physicalProgress: string | null;
  /** 存在问题: the titles of the project's active problems, in order. */
  problems: string[];
  /** 包抓领导 */
  leaderName: string | null;
  /** 责任单位 */
  unitName: string | null;
  unitNameEn: string | null;
  stage: Stage;
  status: ProjectStatus;
  /** The effective light (override first, else computed); null when none. */
  light: Light | null;
}

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
