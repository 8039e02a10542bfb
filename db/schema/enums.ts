/** Enumerations shared by the schema and the UI (no drizzle imports, safe in client code). */
/**
 * department (部门用户): a user of one approving agency (its unit), who works the approval
 * procedures waiting on that agency (手续联办).
 */
export const ROLES = ['admin', 'dispatch', 'leader', 'lead', 'viewer', 'department'] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = ['preliminary', 'construction', 'completed', 'operating'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The pipeline stage of a project in a plan year (储备 / 前期 / 新开工 / 续建 / 竣工(投运)), derived
 * from the registry stage and the works start (lib/plan-years/pipeline-stage.ts), never stored
 * on the project; a frozen status-table row keeps the one it had.
 */
export const PIPELINE_STAGES = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed', 'operating'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const PROJECT_STATUSES = ['on_track', 'at_risk', 'delayed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_KINDS = [
  'approval',
  'start_works',
  'main_works',
  'impoundment',
  'first_unit',
  'grid_connection',
  'open_traffic',
  'completion',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const PERIOD_KINDS = ['monthly', 'dekad'] as const; // 月度 / 旬
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PROBLEM_TYPES = ['land', 'funding', 'approvals', 'power', 'water', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** 交办 → 督办 → 销号: open → in progress → resolved (by the unit) → closed (verified), or reopened. */
export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  'period_opened',
  'report_awaiting_review',
  'report_returned',
  'report_approved',
  'report_reopened',
  'problem_assigned',
  'problem_resolved',
  'problem_overdue',
  'problem_escalated',
  'problem_comment',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** 红黄绿灯: the computed or overridden light of a project (issue 4). */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** What a light rule measures (lib/lights/measures.ts computes each one for a project and period). */
export const RULE_MEASURES = [
  'investment_behind_time_elapsed_pp',
  'start_overdue_months',
  'milestone_forecast_beyond_baseline_days',
  'overdue_problems',
  'missing_report',
] as const;
export type RuleMeasure = (typeof RULE_MEASURES)[number];

/** How a rule compares the measure with its threshold: gt = value > threshold, gte = value ≥ threshold. */
export const RULE_COMPARISONS = ['gt', 'gte'] as const;
export type RuleComparison = (typeof RULE_COMPARISONS)[number];

/** 调度会: planned → held → minutes published (纪要已发布). */
export const MEETING_STATUSES = ['planned', 'held', 'published'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * Why an item is on the agenda: a red/yellow light, an overdue problem, a milestone slipping
 * past its baseline, a problem carried over from an earlier meeting, or added by the office.
 */
export const MEETING_AGENDA_KINDS = ['light', 'overdue_problem', 'milestone_slip', 'carried_over', 'custom'] as const;
export type MeetingAgendaKind = (typeof MEETING_AGENDA_KINDS)[number];

/** A plan year's list (年度重点项目计划): open while the year is run, closed once rolled over into the next. */
export const PLAN_YEAR_STATES = ['open', 'closed'] as const;
export type PlanYearState = (typeof PLAN_YEAR_STATES)[number];

/**
 * How a project joined a year's list: named by the government work report for that year, carried
 * over from the previous year's list (续列), or added new at the rollover.
 */
export const PLAN_YEAR_JOINS = ['report', 'continued', 'new'] as const;
export type PlanYearJoin = (typeof PLAN_YEAR_JOINS)[number];

/**
 * How a portfolio target (年度目标, e.g. 新增规模以上工业企业20家以上) is measured: a number reached in
 * the year (count, in its unit), or a growth over the previous year in per cent (growth).
 */
/**
 * Whether two records of the registry are one project (the report may name one project twice,
 * in different words): not yet decided, confirmed the same, or confirmed distinct. The office
 * decides; the seed never assumes.
 */
export const DUPLICATE_DECISIONS = ['unconfirmed', 'same', 'distinct'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

export const PORTFOLIO_TARGET_KINDS = ['count', 'growth'] as const;
export type PortfolioTargetKind = (typeof PORTFOLIO_TARGET_KINDS)[number];

/**
 * The kind of agency that approves a procedure (审批部门类别). A template names the kind; the
 * office says which unit is which kind (units.agency_kind), and a project's procedure names its
 * unit (the prefecture's or a county's bureau).
 */
export const AGENCY_KINDS = [
  'development_reform', // 发展改革部门
  'natural_resources', // 自然资源部门
  'ecology_environment', // 生态环境部门
  'water', // 水行政主管部门
  'forestry_grassland', // 林业和草原部门
  'housing_construction', // 住房和城乡建设部门
  'transport', // 交通运输部门
  'energy', // 能源主管部门
  'grid', // 电网企业
  'cultural_relics', // 文物部门
  'emergency', // 应急管理部门
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * An approval procedure's state (手续办理状态): 未启动 → 准备材料 → 已受理 → 办理中 → 已批复, or
 * 退回补正 → 已受理 again, or 不涉及 (with a reason).
 */
export const PROCEDURE_STATES = ['not_started', 'preparing', 'accepted', 'in_progress', 'returned', 'approved', 'not_applicable'] as const;
export type ProcedureState = (typeof PROCEDURE_STATES)[number];
