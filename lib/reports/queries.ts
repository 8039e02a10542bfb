import 'server-only';

/**
 * Reads of the reporting cycle. Every function takes the actor and adds the project scope to its
 * SQL: a report is visible exactly when its project is (county users see their county's
 * projects, prefecture users all), so a count, a list or a photo URL never shows more.
 */
export {
  getOpenPeriodDefaults,
  getPeriod,
  listPeriods,
  listReports,
  mineCondition,
  type PeriodStats,
  type PeriodSummary,
  type ReportListFilters,
  type ReportListRow,
} from './list-reports';
export {
  getPhotoForServing,
  getReport,
  getReportHistory,
  listReportProblems,
  type PhotoRow,
  type ReportDetail,
  type ReportHistoryEntry,
  type ReportProblemRow,
} from './get-report';
